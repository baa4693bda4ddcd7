import { useState, type FormEvent } from 'react';
import type { IncidentView, ProposedDecisionView } from '../../api/response-bodies.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { TextArea } from '../../components/fields.js';
import { errorFor, formErrorsOf, type FormError } from '../../components/form-errors.js';
import { useI18n } from '../../i18n/i18n.js';
import { APPROVER_ROLES, TRACK_CATALOGUE } from '../../rules/domain.js';
import { useCurrentPerson } from '../organisation/use-organisation.js';
import { useDecisionSteps } from './use-decisions.js';

/**
 * A decision one person proposed that has no effect yet: what it would do, its reason, and — for
 * a person the rules let decide and who did not propose it — approve, or reject with a comment.
 * The API judges again (roles, four eyes); this only keeps the buttons from whoever may not use them.
 */
export function PendingDecision({ incident, decision }: { incident: IncidentView; decision: ProposedDecisionView }) {
  const { t, language } = useI18n();
  const person = useCurrentPerson();
  const deciders = decision.track ? TRACK_CATALOGUE[decision.track].roles.decideNotRequired : APPROVER_ROLES;
  const own = decision.proposedBy === person.id;
  const title = decision.track ? t.decisions.notRequired(TRACK_CATALOGUE[decision.track].label[language]) : t.decisions.lowering(t.outcome[decision.outcome ?? 'risk']);
  return (
    <div className="panel" data-pending-decision={decision.id}>
      <p>
        <strong className="status status--exception-pending">{t.decisions.pending}</strong>
      </p>
      <p>{title}</p>
      <p className="prose">{decision.reason}</p>
      <p className="hint">{decision.track ? t.decisions.trackEffect : t.decisions.loweringEffect}</p>
      {own ? (
        <p className="notice">{t.decisions.proposedByYou}</p>
      ) : incident.status === 'open' && deciders.includes(person.role) ? (
        <DecideForm incident={incident} decision={decision} />
      ) : (
        <p className="hint">
          {t.decisions.proposedByColleague} {t.decisions.deciders}
        </p>
      )}
    </div>
  );
}

function DecideForm({ incident, decision }: { incident: IncidentView; decision: ProposedDecisionView }) {
  const { t } = useI18n();
  const steps = useDecisionSteps(incident.id);
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const field = `decision-${decision.id.slice(0, 8)}-comment`;
  const busy = steps.approve.isPending || steps.reject.isPending;
  const onError = (error: Error) => setErrors(formErrorsOf(error, t.app.loadFailed).map((problem) => ({ ...problem, field: problem.field === 'comment' ? field : problem.field })));
  const approve = () => {
    setErrors([]);
    steps.approve.mutate(decision.id, { onError });
  };
  const reject = (event: FormEvent) => {
    event.preventDefault();
    if (!comment.trim()) return setErrors([{ field, message: t.decisions.rejectHint }]);
    setErrors([]);
    steps.reject.mutate({ decisionId: decision.id, comment: comment.trim() }, { onError });
  };
  return (
    <form onSubmit={reject} noValidate>
      <ErrorSummary errors={errors} knownFields={[field]} />
      <TextArea name={field} optional label={t.decisions.rejectComment} hint={t.decisions.rejectHint} rows={2} value={comment} onChange={setComment} error={errorFor(errors, field)} />
      <div className="actions">
        <button type="button" className="button" disabled={busy} onClick={approve}>
          {t.decisions.approve}
        </button>
        <button type="submit" className="button button--warning" disabled={busy}>
          {t.decisions.reject}
        </button>
      </div>
    </form>
  );
}
