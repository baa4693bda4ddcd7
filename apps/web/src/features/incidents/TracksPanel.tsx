import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import type { IncidentView, TrackView } from '../../api/response-bodies.js';
import { Countdown } from '../../components/Countdown.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { TextArea, TextField } from '../../components/fields.js';
import { errorFor, formErrorsOf, type FormError } from '../../components/form-errors.js';
import { useI18n } from '../../i18n/i18n.js';
import { fromZonedInputValue, toZonedInputValue } from '../../i18n/time.js';
import { APPROVER_ROLES, INCIDENT_EDITORS, TRACK_CATALOGUE, WRITTEN_REASON_MIN_LENGTH, isFilingTrack, type FilingKind } from '../../rules/domain.js';
import { useCurrentPerson, useOrganisationTimeZone } from '../organisation/use-organisation.js';
import { PendingDecision } from '../decisions/PendingDecision.js';
import { useTrackSteps } from '../tracks/use-tracks.js';
import { SETTLED, draftLanguage, draftOptions, type DraftOption } from './next-steps.js';
import { useDraftFiling } from './use-incidents.js';

/**
 * Each owed track: its status, every pending deadline as a countdown, its reports, and the next
 * step as a button — the report kind its stage plan takes next, in a language its recipient reads;
 * NIS2's intermediate request and "handled"; "not required" with a reason; then closing.
 */
export function TracksPanel({ incident }: { incident: IncidentView }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="tracks">
      <h2 id="tracks">{t.incident.tracks}</h2>
      {incident.tracks.length === 0 ? (
        <p>{t.incident.noTracks}</p>
      ) : (
        <ul className="cards">
          {incident.tracks.map((track) => (
            <TrackCard key={track.kind} incident={incident} track={track} />
          ))}
        </ul>
      )}
      <CloseIncident incident={incident} />
    </section>
  );
}

const kindLabel = (t: ReturnType<typeof useI18n>['t'], kind: string) => t.filingKind[kind as keyof typeof t.filingKind] ?? kind;

function TrackCard({ incident, track }: { incident: IncidentView; track: TrackView }) {
  const { t, language } = useI18n();
  const person = useCurrentPerson();
  const definition = TRACK_CATALOGUE[track.kind];
  const open = incident.status === 'open';
  const settled = SETTLED.has(track.status);
  const pending = [...track.pendingDeadlines].sort((a, b) => a.deadline.localeCompare(b.deadline));
  const options = isFilingTrack(track.kind) && definition.roles.draft.includes(person.role) ? draftOptions(incident, track) : [];
  const headingId = `track-${track.kind}`;
  const proposal = incident.pendingDecisions.find((decision) => decision.subject === 'track-not-required' && decision.track === track.kind);
  return (
    <li className="card" data-track={track.kind}>
      <h3 className="card__title" id={headingId}>
        {definition.label[language]}
      </h3>
      <p className="card__meta">{definition.recipient[language]}</p>
      <p>
        <span className="label-inline">{t.trackStatus[track.status]}</span>
      </p>
      {pending.length > 0 ? (
        <ul className="deadlines">
          {pending.map((deadline) => (
            <li key={deadline.clock} data-stage={deadline.stage}>
              <span className="label-inline">{t.tracks.deadlineFor(kindLabel(t, deadline.stage))}: </span>
              <Countdown deadline={deadline.deadline} />
            </li>
          ))}
        </ul>
      ) : (
        track.deadline &&
        !settled && (
          <p>
            <span className="label-inline">{t.incident.trackDeadline}: </span>
            <Countdown deadline={track.deadline} />
          </p>
        )
      )}
      {track.supplementDeadline && track.status !== 'complete' && track.status !== 'not-required' && (
        <p data-stage="supplement">
          <span className="label-inline">{t.tracks.deadlineFor(t.filingKind.supplement)}: </span>
          <Countdown deadline={track.supplementDeadline} />
        </p>
      )}
      {track.filings.length > 0 && (
        <ul className="list">
          {track.filings.map((filing) => (
            <li key={filing.id}>
              <Link to={`/filings/${filing.id}`}>
                {t.incident.openFiling(kindLabel(t, filing.kind), t.filingStatus[filing.status as keyof typeof t.filingStatus] ?? filing.status)}
                {filing.recipient && ` (${filing.recipient})`}
              </Link>
            </li>
          ))}
        </ul>
      )}
      {open && options.length > 0 && <DraftButtons incident={incident} options={options} />}
      {open && track.kind === 'nis2' && !settled && INCIDENT_EDITORS.includes(person.role) && <Nis2Actions incident={incident} track={track} />}
      {!settled && proposal && <PendingDecision incident={incident} decision={proposal} />}
      {open && !settled && !proposal && definition.settledBy === 'filing-or-decision' && definition.roles.proposeNotRequired.includes(person.role) && !track.filings.some((filing) => filing.status === 'filed') && (
        <NotRequiredForm incident={incident} track={track} />
      )}
    </li>
  );
}

function DraftButtons({ incident, options }: { incident: IncidentView; options: DraftOption[] }) {
  const { t, language } = useI18n();
  const navigate = useNavigate();
  const draft = useDraftFiling(incident.id);
  const draftError = draft.error ? formErrorsOf(draft.error, t.app.loadFailed)[0]?.message : undefined;
  const track = options[0].track;
  const reportLanguage = draftLanguage(track, language);
  const label = (option: DraftOption) => {
    const text = option.kind === 'initial' ? t.incident.draftReport : t.tracks.draftKind(kindLabel(t, option.kind as FilingKind));
    return option.recipient ? `${text}: ${option.recipient}` : text;
  };
  return (
    <div className="track-step">
      {reportLanguage !== language && (
        <p className="hint">
          {t.tracks.draftedIn(t.tracks.languageName[reportLanguage])}
        </p>
      )}
      <div className="actions">
        {options.map((option) => (
          <button
            key={`${option.kind}:${option.recipient ?? ''}`}
            type="button"
            className={option.primary ? 'button' : 'button button--secondary'}
            data-kind={option.kind}
            disabled={draft.isPending}
            onClick={() =>
              draft.mutate({ track: option.track, language: reportLanguage, kind: option.kind, ...(option.recipient && { recipient: option.recipient }) }, { onSuccess: (filing) => void navigate(`/filings/${filing.id}`) })
            }
          >
            {draft.isPending ? t.form.sending : label(option)}
          </button>
        ))}
      </div>
      {options.some((option) => option.kind === 'progress') && <p className="hint">{t.tracks.progressHint}</p>}
      {draftError && (
        <p className="field-error" role="alert">
          {draftError}
        </p>
      )}
    </div>
  );
}

/** NIS2: the CSIRT's request for an intermediate report (a clock of its own), and when the incident was handled. */
function Nis2Actions({ incident, track }: { incident: IncidentView; track: TrackView }) {
  const { t } = useI18n();
  const timeZone = useOrganisationTimeZone();
  const steps = useTrackSteps(incident.id);
  const notified = track.filings.some((filing) => filing.kind === 'notification' && filing.status === 'filed');
  const [dueAt, setDueAt] = useState('');
  const [handledAt, setHandledAt] = useState(() => toZonedInputValue(new Date().toISOString(), timeZone));
  const [errors, setErrors] = useState<FormError[]>([]);
  const [saved, setSaved] = useState<string>();
  const onError = (error: Error) => setErrors(formErrorsOf(error, t.app.loadFailed));
  const request = (event: FormEvent) => {
    event.preventDefault();
    setSaved(undefined);
    const instant = fromZonedInputValue(dueAt, timeZone);
    if (!instant) return setErrors([{ field: 'dueAt', message: `${t.tracks.intermediateDueAt}: ${t.form.required}` }]);
    setErrors([]);
    steps.intermediateRequest.mutate(instant, { onError, onSuccess: () => {
        setDueAt('');
        setSaved(t.tracks.intermediateSaved);
      },
    });
  };
  const handled = (event: FormEvent) => {
    event.preventDefault();
    setSaved(undefined);
    const instant = fromZonedInputValue(handledAt, timeZone);
    if (!instant) return setErrors([{ field: 'handledAt', message: `${t.tracks.handledAt}: ${t.form.required}` }]);
    setErrors([]);
    steps.handled.mutate(instant, { onError, onSuccess: () => setSaved(t.tracks.handledSaved) });
  };
  return (
    <details className="panel">
      <summary>{t.tracks.nis2Actions}</summary>
      <ErrorSummary errors={errors} knownFields={['dueAt', 'handledAt']} />
      {saved && (
        <p className="notice notice--success" role="status">
          {saved}
        </p>
      )}
      {notified && (
        <form onSubmit={request} noValidate aria-labelledby="nis2-intermediate">
          <h4 id="nis2-intermediate">{t.tracks.intermediateTitle}</h4>
          <TextField name="dueAt" type="datetime-local" width="short" label={t.tracks.intermediateDueAt} hint={t.tracks.intermediateHint} value={dueAt} onChange={setDueAt} error={errorFor(errors, 'dueAt')} />
          <button type="submit" className="button button--secondary" disabled={steps.intermediateRequest.isPending}>
            {t.tracks.intermediateSubmit}
          </button>
        </form>
      )}
      <form onSubmit={handled} noValidate aria-labelledby="nis2-handled">
        <h4 id="nis2-handled">{t.tracks.handledTitle}</h4>
        <TextField name="handledAt" type="datetime-local" width="short" label={t.tracks.handledAt} hint={t.tracks.handledHint} value={handledAt} onChange={setHandledAt} error={errorFor(errors, 'handledAt')} />
        <button type="submit" className="button button--secondary" disabled={steps.handled.isPending}>
          {t.tracks.handledSubmit}
        </button>
      </form>
    </details>
  );
}

/** Someone working on the incident proposes that an owed track is not required, with a reason the authority can weigh; another approver or the DPO decides. */
function NotRequiredForm({ incident, track }: { incident: IncidentView; track: TrackView }) {
  const { t, language } = useI18n();
  const { notRequired } = useTrackSteps(incident.id);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const field = `not-required-${track.kind}`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim().length < WRITTEN_REASON_MIN_LENGTH) return setErrors([{ field, message: t.screening.reasonTooShort(WRITTEN_REASON_MIN_LENGTH) }]);
    setErrors([]);
    notRequired.mutate({ kind: track.kind, reason: reason.trim() }, { onError: (error) => setErrors(formErrorsOf(error, t.app.loadFailed).map((error) => ({ ...error, field: error.field === 'reason' ? field : error.field }))) });
  };
  return (
    <details className="panel">
      <summary>
        {t.tracks.notRequiredTitle}
        <span className="visually-hidden">: {TRACK_CATALOGUE[track.kind].label[language]}</span>
      </summary>
      <form onSubmit={submit} noValidate>
        <ErrorSummary errors={errors} knownFields={[field]} />
        <TextArea name={field} label={t.tracks.notRequiredReason} hint={t.tracks.notRequiredHint} rows={3} value={reason} onChange={setReason} error={errorFor(errors, field)} />
        <button type="submit" className="button button--warning" disabled={notRequired.isPending}>
          {t.tracks.notRequiredSubmit}
        </button>
      </form>
    </details>
  );
}

/** Approvers and the DPO close the incident; the API refuses while the register entry is incomplete or a track is unsettled. */
function CloseIncident({ incident }: { incident: IncidentView }) {
  const { t } = useI18n();
  const person = useCurrentPerson();
  const { close } = useTrackSteps(incident.id);
  if (incident.status !== 'open' || !APPROVER_ROLES.includes(person.role)) return null;
  const unsettled = incident.tracks.filter((track) => !SETTLED.has(track.status) && TRACK_CATALOGUE[track.kind].settledBy === 'filing-or-decision');
  const error = close.error ? formErrorsOf(close.error, t.app.loadFailed)[0]?.message : undefined;
  return (
    <div className="panel" data-close-incident>
      <h3>{t.tracks.closeTitle}</h3>
      <p className="hint">{unsettled.length > 0 ? t.tracks.closeUnsettled(unsettled.length) : t.tracks.closeHint}</p>
      <button type="button" className="button button--secondary" disabled={close.isPending} onClick={() => close.mutate()}>
        {t.tracks.closeSubmit}
      </button>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
