import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import type { FilingView } from '../../api/response-bodies.js';
import { Countdown } from '../../components/Countdown.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { TextArea, TextField } from '../../components/fields.js';
import { errorFor, formErrorsOf, type FormError } from '../../components/form-errors.js';
import { QueryState } from '../../components/QueryState.js';
import { useI18n } from '../../i18n/i18n.js';
import { formatInstant } from '../../i18n/time.js';
import { TRACK_CATALOGUE } from '../../rules/domain.js';
import { useCurrentUser } from '../auth/session.js';
import { mayRecord } from '../incidents/next-steps.js';
import { useCurrentPerson, useOrganisationTimeZone } from '../organisation/use-organisation.js';
import { missingItemTarget } from './missing-item-target.js';
import { RecordFilingForm } from './RecordFilingForm.js';
import { useFiling, useFilingSteps } from './use-filings.js';

export function FilingPage() {
  const { id = '' } = useParams();
  const filing = useFiling(id);
  return <QueryState query={filing}>{(view) => <Filing filing={view} />}</QueryState>;
}

function Filing({ filing }: { filing: FilingView }) {
  const { t, language } = useI18n();
  const timeZone = useOrganisationTimeZone();
  const track = TRACK_CATALOGUE[filing.track];
  const status = filing.status as keyof typeof t.filingStatus;
  return (
    <>
      <p className="caption">
        <Link to={`/incidents/${filing.incidentId}`}>{filing.document.incidentReference}</Link> · {t.filingKind[filing.kind as keyof typeof t.filingKind] ?? filing.kind} · {t.filing.revision(filing.revision)}
      </p>
      <h1>{t.filing.title(track.label[language])}</h1>
      <p>
        <span className="label-inline">{t.filing.status}: </span>
        <strong className={`status status--${filing.status}`}>{t.filingStatus[status] ?? filing.status}</strong>
        {filing.document.deadline && !filing.filedAt && (
          <>
            {' · '}
            <Countdown deadline={filing.document.deadline} />
          </>
        )}
      </p>
      {filing.filedAt && (
        <p>
          {t.filing.filedOn(formatInstant(filing.filedAt, language, timeZone), t.channel[filing.channel as keyof typeof t.channel] ?? filing.channel ?? '')}
          {filing.late && ` · ${t.filing.late}`}
          {filing.reference && ` · ${t.filing.referenceLabel}: ${filing.reference}`}
        </p>
      )}
      <div className="filing">
        <div className="filing__main">
          <section aria-labelledby="preview">
            <h2 id="preview">{t.filing.preview}</h2>
            {/* Fully sandboxed: the document may show itself and nothing else (its own CSP says the same). */}
            <iframe className="preview" title={t.filing.previewFrame} sandbox="" src={`/api/filings/${filing.id}/document?format=html&revision=${filing.revision}`} />
            <p>
              <a className="button button--secondary" href={`/api/filings/${filing.id}/document?format=pdf`} download>
                {t.filing.downloadPdf}
              </a>
            </p>
          </section>
        </div>
        <div className="filing__side">
          <MissingItems filing={filing} />
          <NextStep filing={filing} />
        </div>
      </div>
    </>
  );
}

function MissingItems({ filing }: { filing: FilingView }) {
  const { t } = useI18n();
  if (filing.status === 'filed') return null;
  return (
    <section aria-labelledby="missing">
      <h2 id="missing">{t.filing.missingTitle}</h2>
      {filing.missing.length === 0 ? (
        <p>{t.filing.nothingMissing}</p>
      ) : (
        <>
          <p className="hint">{t.filing.missingHint}</p>
          <ul className="list">
            {filing.missing.map((item) => {
              const target = missingItemTarget(item.id, filing.incidentId);
              const text = (
                <>
                  {t.filing.completeFact[target.where]}
                  <span className="visually-hidden">: {item.label}</span>
                </>
              );
              return (
                <li key={item.id}>
                  {item.label} — {target.where === 'report' ? <a href={target.href}>{text}</a> : <Link to={target.href}>{text}</Link>}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}

/** The one next step on this report that the signed-in person may take. */
function NextStep({ filing }: { filing: FilingView }) {
  const { t } = useI18n();
  const user = useCurrentUser();
  const person = useCurrentPerson();
  const steps = useFilingSteps(filing.id);
  const definition = TRACK_CATALOGUE[filing.track];
  const roles = definition.roles;
  const recorder = mayRecord(filing.track, person);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [comment, setComment] = useState('');
  const [informationToFollow, setInformationToFollow] = useState(filing.supplementsToFollow ?? '');
  const onError = (error: Error) => setErrors(formErrorsOf(error, t.app.loadFailed));
  const reject = (event: FormEvent) => {
    event.preventDefault();
    if (!comment.trim()) {
      setErrors([{ field: 'comment', message: `${t.filing.rejectComment}: ${t.form.required}` }]);
      return;
    }
    steps.reject.mutate({ comment: comment.trim(), revision: filing.revision }, { onError, onSuccess: () => setComment('') });
  };
  const busy = Object.values(steps).some((step) => step.isPending);

  let content = null;
  if (filing.status === 'draft' && roles.draft.includes(user.role)) {
    content = (
      <>
        <div className="actions">
          <button type="button" className="button" disabled={busy} onClick={() => steps.submit.mutate(filing.revision, { onError })}>
            {t.filing.submit}
          </button>
        </div>
        <div className="panel">
          <TextArea name="supplementsToFollow" optional label={t.filing.informationToFollow} hint={t.filing.informationToFollowHint} rows={3} value={informationToFollow} onChange={setInformationToFollow} error={errorFor(errors, 'supplementsToFollow')} />
          <button type="button" className="button button--secondary" disabled={busy} onClick={() => steps.render.mutate({ supplementsToFollow: informationToFollow.trim() || null }, { onError })}>
            {t.filing.rerender}
          </button>
        </div>
      </>
    );
  } else if (filing.status === 'awaiting-approval' && roles.approve.includes(user.role)) {
    // Four eyes: whoever rendered this revision is not offered the approval at all.
    content =
      filing.lastEditorId === user.id ? (
        <p className="notice">{t.filing.selfApproval}</p>
      ) : (
        <>
          <button type="button" className="button" disabled={busy} onClick={() => steps.approve.mutate(filing.revision, { onError })}>
            {t.filing.approve}
          </button>
          <form onSubmit={reject} noValidate className="panel">
            <TextArea name="comment" label={t.filing.rejectComment} rows={3} value={comment} onChange={setComment} error={errorFor(errors, 'comment')} />
            <button type="submit" className="button button--warning" disabled={busy}>
              {t.filing.reject}
            </button>
          </form>
        </>
      );
  } else if (filing.status === 'approved' && recorder) {
    content = <RecordFilingForm filing={filing} />;
  } else if (filing.status === 'approved' && definition.recordedByDesignatedReporter && roles.record.includes(user.role)) {
    // Lex Maria: only a reporter the organisation designated records the filing (HSLF-FS 2017:41 4 §).
    content = <p className="notice">{t.filing.designatedReporterOnly}</p>;
  } else if (filing.status === 'filed' && !filing.reference && recorder) {
    content = <ReferenceForm filing={filing} />;
  }
  if (!content) return null;
  return (
    <section aria-labelledby="next-step">
      <h2 id="next-step">{t.incident.nextStep}</h2>
      <ErrorSummary errors={errors} knownFields={['comment', 'supplementsToFollow']} />
      {content}
    </section>
  );
}

function ReferenceForm({ filing }: { filing: FilingView }) {
  const { t } = useI18n();
  const { reference } = useFilingSteps(filing.id);
  const [value, setValue] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!value.trim()) {
      setErrors([{ field: 'reference', message: `${t.filing.referenceLabel}: ${t.form.required}` }]);
      return;
    }
    reference.mutate(value.trim(), { onError: (error) => setErrors(formErrorsOf(error, t.app.loadFailed)) });
  };
  return (
    <form onSubmit={submit} noValidate>
      <h3>{t.filing.referenceTitle}</h3>
      <ErrorSummary errors={errors} knownFields={['reference']} />
      <TextField name="reference" width="short" label={t.filing.referenceLabel} value={value} onChange={setValue} error={errorFor(errors, 'reference')} />
      <button type="submit" className="button" disabled={reference.isPending}>
        {t.filing.referenceSubmit}
      </button>
    </form>
  );
}
