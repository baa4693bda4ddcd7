import { Link } from 'react-router';
import type { IncidentView } from '../../api/response-bodies.js';
import { useI18n } from '../../i18n/i18n.js';
import { noticeName } from './notice-labels.js';
import { owesNotices, useExceptions, useNotices } from './use-notices.js';

/**
 * On the incident's page while the people affected may be owed a notice (the Art. 34 track, or a
 * high risk): its notices with their status, an exception awaiting a decision, and the way to the
 * notices page (recipients, drafts, sending).
 */
export function NoticesSummary({ incident }: { incident: IncidentView }) {
  const { t } = useI18n();
  const shown = owesNotices(incident);
  const track = incident.tracks.some((candidate) => candidate.kind === 'gdpr-art34');
  const notices = useNotices(incident.id, shown);
  const exceptions = useExceptions(incident.id, shown && track);
  if (!shown) return null;
  const items = notices.data?.items ?? [];
  const pending = (exceptions.data?.items ?? []).some((exception) => exception.decision === null);
  return (
    <section aria-labelledby="notices-summary" className="notices-summary">
      <h2 id="notices-summary">{t.noticesSummary.title}</h2>
      <p className="hint">{t.noticesSummary.intro}</p>
      {notices.isSuccess && items.length === 0 && <p>{t.noticesSummary.none}</p>}
      {items.length > 0 && (
        <ul className="list">
          {items.map((notice) => (
            <li key={notice.id}>
              <Link to={`/notices/${notice.id}`}>
                {noticeName(t, notice)} – <span className={`status status--notice-${notice.status}`}>{t.noticeStatus[notice.status]}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {pending && <p className="notice">{t.noticesSummary.exceptionPending}</p>}
      <p>
        <Link className="button button--secondary" to={`/incidents/${incident.id}/notices`} data-notices-link>
          {t.noticesSummary.open}
        </Link>
      </p>
    </section>
  );
}
