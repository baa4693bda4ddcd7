import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useLocation } from 'react-router';
import type { ExceptionView, IncidentView } from '../../api/response-bodies.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { RadioGroup, TextArea } from '../../components/fields.js';
import { errorFor, formErrorsOf, type FormError } from '../../components/form-errors.js';
import { QueryState } from '../../components/QueryState.js';
import { useI18n } from '../../i18n/i18n.js';
import { formatInstant } from '../../i18n/time.js';
import { APPROVER_ROLES, WRITTEN_REASON_MIN_LENGTH } from '../../rules/domain.js';
import { useCurrentPerson, useOrganisationTimeZone } from '../organisation/use-organisation.js';
import { useNoticeMessages } from './use-notice-messages.js';
import { EXCEPTION_GROUNDS, useExceptions, useExceptionSteps, useNotices, type ExceptionGround } from './use-notices.js';

/**
 * Art. 34(3): the people need not be told when the data was unintelligible to others (a), later
 * measures removed the high risk (b), or telling each would take disproportionate effort and a
 * public notice tells them instead (c). One person proposes, another approver or the DPO decides.
 */
export function ExceptionPanel({ incident, editor }: { incident: IncidentView; editor: boolean }) {
  const m = useNoticeMessages();
  const track = incident.tracks.find((candidate) => candidate.kind === 'gdpr-art34');
  const exceptions = useExceptions(incident.id, track !== undefined);
  // Arriving from the approvals inbox (#exception), the decision is where the reader lands.
  const { hash } = useLocation();
  const heading = useRef<HTMLHeadingElement>(null);
  const loaded = exceptions.isSuccess;
  useEffect(() => {
    if (loaded && hash === '#exception') {
      heading.current?.scrollIntoView();
      heading.current?.focus();
    }
  }, [loaded, hash]);
  if (!track) return null;
  const settled = track.status === 'not-required' || track.status === 'filed' || track.status === 'complete';
  return (
    <section aria-labelledby="exception-title" id="exception">
      <h2 id="exception-title" tabIndex={-1} ref={heading}>
        {m.exception.title}
      </h2>
      <p className="hint">{m.exception.intro}</p>
      <QueryState query={exceptions}>
        {({ items }) => (
          <>
            {items.length > 0 && (
              <ul className="cards">
                {items.map((exception) => (
                  <ExceptionCard key={exception.id} incident={incident} exception={exception} />
                ))}
              </ul>
            )}
            {settled ? (
              <p>{m.exception.settled}</p>
            ) : (
              editor && !items.some((exception) => exception.decision === null) && <ProposeException incident={incident} />
            )}
          </>
        )}
      </QueryState>
    </section>
  );
}

function ExceptionCard({ incident, exception }: { incident: IncidentView; exception: ExceptionView }) {
  const { language } = useI18n();
  const m = useNoticeMessages();
  const timeZone = useOrganisationTimeZone();
  const person = useCurrentPerson();
  const ground = m.exception.grounds[exception.ground];
  const decision = exception.decision === 'approved' ? m.exception.approved : exception.decision === 'rejected' ? m.exception.rejected : m.exception.pending;
  const mayDecide = exception.decision === null && APPROVER_ROLES.includes(person.role) && incident.status === 'open';
  return (
    <li className="card" data-exception={exception.decision ?? 'pending'}>
      <h3 className="card__title">{ground?.label ?? exception.ground}</h3>
      <p className="card__meta">{m.exception.proposedOn(formatInstant(exception.proposedAt, language, timeZone), exception.proposedBy === person.id)}</p>
      <p className="prose">{exception.reason}</p>
      <p>
        <strong className={`status status--exception-${exception.decision ?? 'pending'}`}>{decision}</strong>
        {exception.decidedAt && ` · ${formatInstant(exception.decidedAt, language, timeZone)}`}
      </p>
      {exception.comment && (
        <p>
          <span className="label-inline">{m.exception.comment}: </span>
          {exception.comment}
        </p>
      )}
      {exception.decision === null &&
        (mayDecide ? exception.proposedBy === person.id ? <p className="notice">{m.exception.ownProposal}</p> : <DecideException incident={incident} exception={exception} /> : <p className="hint">{m.exception.whoDecides}</p>)}
    </li>
  );
}

function DecideException({ incident, exception }: { incident: IncidentView; exception: ExceptionView }) {
  const { t } = useI18n();
  const m = useNoticeMessages();
  const steps = useExceptionSteps(incident.id);
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const field = `exception-${exception.id.slice(0, 8)}-comment`;
  const busy = steps.approve.isPending || steps.reject.isPending;
  const onError = (error: Error) => setErrors(formErrorsOf(error, t.app.loadFailed).map((problem) => ({ ...problem, field: problem.field === 'comment' ? field : problem.field })));
  const approve = () => {
    setErrors([]);
    steps.approve.mutate({ exceptionId: exception.id, comment: comment.trim() || undefined }, { onError });
  };
  const reject = (event: FormEvent) => {
    event.preventDefault();
    if (!comment.trim()) return setErrors([{ field, message: m.exception.commentRequired }]);
    setErrors([]);
    steps.reject.mutate({ exceptionId: exception.id, comment: comment.trim() }, { onError });
  };
  return (
    <form onSubmit={reject} noValidate className="panel">
      <ErrorSummary errors={errors} knownFields={[field]} />
      <TextArea name={field} optional label={m.exception.comment} hint={m.exception.commentHint} rows={3} value={comment} onChange={setComment} error={errorFor(errors, field)} />
      <div className="actions">
        <button type="button" className="button" disabled={busy} onClick={approve}>
          {m.exception.approve}
        </button>
        <button type="submit" className="button button--warning" disabled={busy}>
          {m.exception.reject}
        </button>
      </div>
    </form>
  );
}

function ProposeException({ incident }: { incident: IncidentView }) {
  const { t } = useI18n();
  const m = useNoticeMessages();
  const { propose } = useExceptionSteps(incident.id);
  const notices = useNotices(incident.id);
  const [ground, setGround] = useState<ExceptionGround | undefined>();
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const publicNoticeApproved = (notices.data?.items ?? []).some((notice) => notice.channel === 'public' && ['approved', 'sending', 'sent'].includes(notice.status));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: FormError[] = [];
    if (!ground) problems.push({ field: 'ground', message: m.exception.chooseGround });
    if (reason.trim().length < WRITTEN_REASON_MIN_LENGTH) problems.push({ field: 'reason', message: m.exception.reasonTooShort(WRITTEN_REASON_MIN_LENGTH) });
    setErrors(problems);
    if (problems.length > 0 || !ground) return;
    propose.mutate({ ground, reason: reason.trim() }, { onError: (error) => setErrors(formErrorsOf(error, t.app.loadFailed)), onSuccess: () => setReason('') });
  };
  return (
    <details className="panel" open={errors.length > 0 || undefined}>
      <summary>{m.exception.proposeTitle}</summary>
      <form onSubmit={submit} noValidate>
        <ErrorSummary errors={errors} knownFields={['ground', 'reason']} />
        <RadioGroup
          name="ground"
          label={m.exception.ground}
          value={ground}
          options={EXCEPTION_GROUNDS.map((value) => ({ value, label: m.exception.grounds[value].label, hint: m.exception.grounds[value].hint }))}
          onChange={setGround}
          error={errorFor(errors, 'ground')}
        />
        {ground === '34(3)(c)' && !publicNoticeApproved && <p className="notice">{m.exception.noPublicNotice}</p>}
        <TextArea name="reason" label={m.exception.reason} hint={m.exception.reasonHint(WRITTEN_REASON_MIN_LENGTH)} rows={4} value={reason} onChange={setReason} error={errorFor(errors, 'reason')} />
        <button type="submit" className="button button--secondary" disabled={propose.isPending}>
          {m.exception.propose}
        </button>
      </form>
    </details>
  );
}
