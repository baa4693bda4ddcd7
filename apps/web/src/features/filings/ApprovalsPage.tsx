import { Link } from 'react-router';
import { Countdown } from '../../components/Countdown.js';
import { QueryState } from '../../components/QueryState.js';
import { useI18n } from '../../i18n/i18n.js';
import { TRACK_CATALOGUE } from '../../rules/domain.js';
import { useCurrentUser } from '../auth/session.js';
import { useAwaitingApproval } from './use-filings.js';

/** The approvals inbox: every report awaiting approval, soonest deadline first; one's own revisions are marked, not offered. */
export function ApprovalsPage() {
  const { t, language } = useI18n();
  const user = useCurrentUser();
  const waiting = useAwaitingApproval();
  return (
    <>
      <h1>{t.approvals.title}</h1>
      <p className="lead">{t.approvals.intro}</p>
      <QueryState query={waiting}>
        {(items) =>
          items.length === 0 ? (
            <p>{t.approvals.empty}</p>
          ) : (
            <ul className="cards">
              {[...items]
                .sort((a, b) => (a.filing.document.deadline ?? '9999').localeCompare(b.filing.document.deadline ?? '9999'))
                .map(({ incident, filing }) => (
                  <li key={filing.id} className="card">
                    <h2 className="card__title">
                      {TRACK_CATALOGUE[filing.track].label[language]}: {incident.title}
                    </h2>
                    <p className="card__meta">
                      {incident.reference} · {t.filing.revision(filing.revision)}
                    </p>
                    {filing.document.deadline && (
                      <p>
                        <Countdown deadline={filing.document.deadline} />
                      </p>
                    )}
                    <p>
                      {filing.lastEditorId === user.id ? (
                        <span>{t.approvals.ownRevision}</span>
                      ) : (
                        <Link className="button" to={`/filings/${filing.id}`}>
                          {t.approvals.review}
                          <span className="visually-hidden">: {incident.title}</span>
                        </Link>
                      )}
                    </p>
                  </li>
                ))}
            </ul>
          )
        }
      </QueryState>
    </>
  );
}
