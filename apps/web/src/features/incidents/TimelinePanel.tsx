import type { IncidentView } from '../../api/response-bodies.js';
import { useI18n } from '../../i18n/i18n.js';
import { formatInstant } from '../../i18n/time.js';
import { TRACK_CATALOGUE } from '../../rules/domain.js';
import { useOrganisationTimeZone } from '../organisation/use-organisation.js';

/** Every moment and clock of the incident in order: what happened, the deadlines, the reminders sent. */
export function TimelinePanel({ incident }: { incident: IncidentView }) {
  const { t, language } = useI18n();
  const timeZone = useOrganisationTimeZone();
  const facts = incident.facts;
  const occurredAt = typeof facts.occurredAt === 'string' ? facts.occurredAt : facts.occurredAt?.from;
  const events: Array<{ at: string; what: string }> = [
    ...(occurredAt ? [{ at: occurredAt, what: t.incident.occurred }] : []),
    { at: facts.discoveredAt, what: t.incident.discovered },
    { at: facts.awareAt, what: t.incident.aware },
    ...incident.clocks.flatMap((clock) => [
      ...clock.reminders.filter((reminder) => reminder.firedAt).map((reminder) => ({ at: reminder.firedAt as string, what: `${t.incident.clock[clock.kind] ?? clock.kind}: ${reminder.key}` })),
      { at: clock.deadline, what: `${t.incident.clock[clock.kind] ?? clock.kind}: ${t.incident.trackDeadline}` },
    ]),
    ...incident.tracks.flatMap((track) => (track.nextReminder ? [{ at: track.nextReminder.dueAt, what: `${t.incident.nextReminder}: ${TRACK_CATALOGUE[track.kind].label[language]}` }] : [])),
  ].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <section aria-labelledby="timeline">
      <h2 id="timeline">{t.incident.timeline}</h2>
      <ol className="timeline">
        {events.map((event, index) => (
          <li key={index}>
            <time dateTime={event.at}>{formatInstant(event.at, language, timeZone)}</time>
            <span>{event.what}</span>
          </li>
        ))}
      </ol>
      <p className="hint">{t.app.timeZoneNote(timeZone)}</p>
    </section>
  );
}
