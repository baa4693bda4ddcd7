import { useState, type FormEvent } from 'react';
import type { IncidentView } from '../../api/response-bodies.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { RadioGroup, TextArea } from '../../components/fields.js';
import { errorFor, formErrorsOf, type FormError } from '../../components/form-errors.js';
import { OutcomeBadge } from '../../components/OutcomeBadge.js';
import { useI18n } from '../../i18n/i18n.js';
import { APPROVER_ROLES, WRITTEN_REASON_MIN_LENGTH } from '../../rules/domain.js';
import { useCurrentUser } from '../auth/session.js';
import { PendingDecision } from '../decisions/PendingDecision.js';
import { useOverrideOutcome } from './use-incidents.js';

/** The assessment of the current facts: outcome, every factor with its source, the rationale; the override for approvers. */
export function AssessmentPanel({ incident }: { incident: IncidentView }) {
  const { t, language } = useI18n();
  const user = useCurrentUser();
  const risk = incident.risk;
  return (
    <section aria-labelledby="assessment">
      <h2 id="assessment">{t.assessment.title}</h2>
      {!risk ? (
        <>
          <p>{t.assessment.missingFacts}</p>
          <ul>
            {incident.missingRiskFacts.map((fact) => (
              <li key={fact}>
                <code>{fact}</code>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <>
          <p>
            <OutcomeBadge outcome={risk.outcome} /> {t.outcomeExplained[risk.outcome]}
          </p>
          {risk.override && (
            <p>
              {t.assessment.overridden(t.outcome[risk.outcome])} — {risk.override.justification}
              <br />
              {t.assessment.computed(t.outcome[risk.computed.outcome])}
            </p>
          )}
          <p className="hint">{t.assessment.severity(risk.computed.severity.score.toFixed(2), t.band[risk.computed.severity.band])}</p>
          <h3>{t.assessment.factors}</h3>
          <ul className="factors">
            {risk.computed.factors.map((factor) => (
              <li key={factor.id} className={`factor factor--${factor.effect}`}>
                <strong>
                  {factor.effect === 'raises' ? `↑ ${t.assessment.raises}` : `↓ ${t.assessment.lowers}`}: {factor.label}
                </strong>
                <p>{factor.detail}</p>
                <p className="hint">
                  {t.assessment.source}: {factor.source}
                </p>
              </li>
            ))}
          </ul>
          <h3>{t.assessment.rationale}</h3>
          <p>{risk.computed.rationale[language]}</p>
          {incident.pendingDecisions
            .filter((decision) => decision.subject === 'risk-lowered')
            .map((decision) => (
              <PendingDecision key={decision.id} incident={incident} decision={decision} />
            ))}
          {APPROVER_ROLES.includes(user.role) && <OverrideForm incident={incident} />}
        </>
      )}
    </section>
  );
}

function OverrideForm({ incident }: { incident: IncidentView }) {
  const { t } = useI18n();
  const override = useOverrideOutcome(incident.id);
  const [outcome, setOutcome] = useState<'no-risk' | 'risk' | 'high-risk'>();
  const [justification, setJustification] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: FormError[] = [
      ...(outcome ? [] : [{ field: 'outcome', message: `${t.assessment.overrideOutcome}: ${t.form.required}` }]),
      ...(justification.trim().length >= WRITTEN_REASON_MIN_LENGTH ? [] : [{ field: 'justification', message: t.assessment.overrideHint }]),
    ];
    setErrors(problems);
    if (problems.length || !outcome) return;
    override.mutate({ outcome, justification: justification.trim(), factsVersion: incident.factsVersion }, {
      onSuccess: () => setJustification(''),
      onError: (error) => setErrors(formErrorsOf(error, t.app.loadFailed)),
    });
  };
  return (
    <details className="panel">
      <summary>{t.assessment.overrideTitle}</summary>
      <p className="hint">{t.assessment.overrideHint}</p>
      <ErrorSummary errors={errors} knownFields={['outcome', 'justification']} />
      <form onSubmit={submit} noValidate>
        <RadioGroup name="outcome" label={t.assessment.overrideOutcome} value={outcome} options={(['no-risk', 'risk', 'high-risk'] as const).map((value) => ({ value, label: t.outcome[value] }))} onChange={setOutcome} error={errorFor(errors, 'outcome')} />
        <TextArea name="justification" label={t.assessment.overrideJustification} value={justification} onChange={setJustification} rows={3} error={errorFor(errors, 'justification')} />
        <button type="submit" className="button button--warning" disabled={override.isPending}>
          {t.assessment.overrideSubmit}
        </button>
      </form>
    </details>
  );
}
