import type { IncidentView, TimelineEntry } from '../../api/response-bodies.js';
import { Countdown } from '../../components/Countdown.js';
import { QueryState } from '../../components/QueryState.js';
import { useNow } from '../../components/use-now.js';
import { useI18n } from '../../i18n/i18n.js';
import type { Messages } from '../../i18n/messages.sv.js';
import { formatInstant } from '../../i18n/time.js';
import { useOrganisationTimeZone } from '../organisation/use-organisation.js';
import { useTimeline } from '../tracks/use-tracks.js';

/**
 * The incident's one timeline as the API tells it (GET /api/incidents/:id/timeline): every clock
 * and deadline of every track, reminders fired, drafts, approvals, filings and decisions, in time
 * order, with who did what, in the reader's language. Deadlines are marked with a word and a
 * shape, and "now" falls between what has happened and what is coming.
 */
export function TimelinePanel({ incident }: { incident: IncidentView }) {
  const { t } = useI18n();
  const timeZone = useOrganisationTimeZone();
  const timeline = useTimeline(incident.id);
  return (
    <section aria-labelledby="timeline">
      <h2 id="timeline">{t.incident.timeline}</h2>
      <QueryState query={timeline}>{({ items }) => (items.length === 0 ? <p>{t.timeline.empty}</p> : <Entries items={items} incident={incident} />)}</QueryState>
      <p className="hint">{t.app.timeZoneNote(timeZone)}</p>
    </section>
  );
}

/** Who did it: a person by name; the risk model or breachflow itself for what no person did. */
function actorName(who: NonNullable<TimelineEntry['who']>, t: Messages): string {
  if (who.name) return who.name;
  if (who.id === 'risk-model') return t.timeline.riskModel;
  return /^[0-9a-f-]{36}$/.test(who.id) ? t.incident.someone : t.timeline.system;
}

/** The deadlines still to be met on the incident's tracks (every pending stage, supplements, task targets): these count down. */
function runningDeadlines(incident: IncidentView): Set<number> {
  const running = incident.tracks
    .filter((track) => track.status !== 'complete' && track.status !== 'not-required')
    .flatMap((track) => [...track.pendingDeadlines.map((pending) => pending.deadline), ...(track.supplementDeadline ? [track.supplementDeadline] : [])]);
  return new Set(running.map((deadline) => Date.parse(deadline)));
}

function Entries({ items, incident }: { items: TimelineEntry[]; incident: IncidentView }) {
  const { t, language } = useI18n();
  const timeZone = useOrganisationTimeZone();
  const now = useNow();
  const running = runningDeadlines(incident);
  const firstToCome = items.findIndex((entry) => Date.parse(entry.at) > now);
  return (
    <ol className="timeline">
      {items.map((entry, index) => {
        const deadline = entry.type === 'deadline';
        const passed = Date.parse(entry.at) <= now;
        return (
          <li key={`${entry.seq ?? entry.clock ?? entry.action}-${entry.at}-${index}`} className={`timeline__item${deadline ? ' timeline__item--deadline' : ''}${passed ? '' : ' timeline__item--coming'}`} data-action={entry.action} data-timeline-track={entry.track ?? undefined}>
            {index === firstToCome && (
              <p className="timeline__now">
                <span aria-hidden="true">▶ </span>
                {t.timeline.now}
              </p>
            )}
            <time dateTime={entry.at}>{formatInstant(entry.at, language, timeZone)}</time>
            <span className="timeline__summary">
              {deadline && <span aria-hidden="true">◆ </span>}
              {entry.summary[language]}
              {deadline && passed && <span className="timeline__tag"> ({t.timeline.deadlinePassed})</span>}
            </span>
            {deadline && !passed && running.has(Date.parse(entry.at)) && <Countdown deadline={entry.at} compact />}
            {entry.who && <span className="timeline__who">{t.timeline.by(actorName(entry.who, t))}</span>}
          </li>
        );
      })}
      {firstToCome < 0 && (
        <li className="timeline__item timeline__item--now">
          <p className="timeline__now">
            <span aria-hidden="true">▶ </span>
            {t.timeline.now}
          </p>
        </li>
      )}
    </ol>
  );
}
