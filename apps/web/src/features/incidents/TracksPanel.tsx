import { Link, useNavigate } from 'react-router';
import type { IncidentView } from '../../api/response-bodies.js';
import { Countdown } from '../../components/Countdown.js';
import { formErrorsOf } from '../../components/form-errors.js';
import { useI18n } from '../../i18n/i18n.js';
import { TRACK_CATALOGUE, isFilingTrack } from '../../rules/domain.js';
import { useCurrentUser } from '../auth/session.js';
import { useDraftFiling } from './use-incidents.js';

const SETTLED = new Set(['filed', 'complete', 'not-required']);

/** Each owed track: its status, its deadline as a countdown, and the next step as a button or link. */
export function TracksPanel({ incident }: { incident: IncidentView }) {
  const { t, language } = useI18n();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const draft = useDraftFiling(incident.id);
  const draftError = draft.error ? formErrorsOf(draft.error, t.app.loadFailed)[0]?.message : undefined;
  return (
    <section aria-labelledby="tracks">
      <h2 id="tracks">{t.incident.tracks}</h2>
      {incident.tracks.length === 0 ? (
        <p>{t.incident.noTracks}</p>
      ) : (
        <ul className="cards">
          {incident.tracks.map((track) => {
            const definition = TRACK_CATALOGUE[track.kind];
            const filingTrack = isFilingTrack(track.kind) ? track.kind : undefined;
            const canDraft = filingTrack !== undefined && definition.roles.draft.includes(user.role) && track.filings.length === 0 && !SETTLED.has(track.status);
            return (
              <li key={track.kind} className="card" data-track={track.kind}>
                <h3 className="card__title">{definition.label[language]}</h3>
                <p>
                  <span className="label-inline">{t.trackStatus[track.status]}</span>
                </p>
                {track.deadline && !SETTLED.has(track.status) && (
                  <p>
                    <span className="label-inline">{t.incident.trackDeadline}: </span>
                    <Countdown deadline={track.deadline} />
                  </p>
                )}
                {track.filings.length > 0 && (
                  <ul className="list">
                    {track.filings.map((filing) => (
                      <li key={filing.id}>
                        <Link to={`/filings/${filing.id}`}>
                          {t.incident.openFiling(t.filingKind[filing.kind as keyof typeof t.filingKind] ?? filing.kind, t.filingStatus[filing.status as keyof typeof t.filingStatus] ?? filing.status)}
                        </Link>
                      </li>
                    ))}
                  </ul>
                )}
                {canDraft && filingTrack && (
                  <button
                    type="button"
                    className="button"
                    disabled={draft.isPending}
                    onClick={() => draft.mutate({ track: filingTrack, language, kind: 'initial' }, { onSuccess: (filing) => void navigate(`/filings/${filing.id}`) })}
                  >
                    {draft.isPending ? t.form.sending : t.incident.draftReport}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {draftError && (
        <p className="field-error" role="alert">
          {draftError}
        </p>
      )}
    </section>
  );
}
