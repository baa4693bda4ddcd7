import type { Language } from './language.js';
import type { Messages } from './messages.sv.js';

const LOCALES: Record<Language, string> = { sv: 'sv-SE', en: 'en-GB' };

/** An instant as a person in the organisation's time zone reads it, e.g. "24 nov. 2026 09:00". */
export function formatInstant(iso: string, language: Language, timeZone: string): string {
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso));
}

/**
 * A span of time as people count a deadline: hours and minutes up to four days (the 72 hours
 * read as "71 h 29 min"), days and hours beyond; seconds only in the last minute.
 */
export function formatDuration(milliseconds: number, units: Messages['duration']): string {
  const totalSeconds = Math.floor(Math.abs(milliseconds) / 1000);
  if (totalSeconds < 60) return `${totalSeconds} ${units.seconds}`;
  const totalHours = Math.floor(totalSeconds / 3_600);
  const minutes = Math.floor((totalSeconds % 3_600) / 60);
  if (totalHours < 96) return totalHours > 0 ? `${totalHours} ${units.hours} ${minutes} ${units.minutes}` : `${minutes} ${units.minutes}`;
  return `${Math.floor(totalHours / 24)} ${units.days} ${totalHours % 24} ${units.hours}`;
}

/** The wall-clock parts of an instant in a time zone. */
function zonedParts(date: Date, timeZone: string): Record<string, number> {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(date);
  return Object.fromEntries(parts.filter((part) => part.type !== 'literal').map((part) => [part.type, Number(part.value)]));
}

function offsetMilliseconds(date: Date, timeZone: string): number {
  const p = zonedParts(date, timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(date.getTime() / 1000) * 1000;
}

/** An instant as the value of a datetime-local input in the organisation's zone ("2026-11-24T09:00"). */
export function toZonedInputValue(iso: string, timeZone: string): string {
  const p = zonedParts(new Date(iso), timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${two(p.month)}-${two(p.day)}T${two(p.hour)}:${two(p.minute)}`;
}

/** The instant a datetime-local value means in the organisation's zone, as ISO-8601 (UTC). */
export function fromZonedInputValue(value: string, timeZone: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return undefined;
  const [year, month, day, hour, minute] = match.slice(1).map(Number);
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  // The zone's offset at that wall-clock time; asked twice so a DST change in between is honoured.
  let instant = asUtc - offsetMilliseconds(new Date(asUtc), timeZone);
  instant = asUtc - offsetMilliseconds(new Date(instant), timeZone);
  return new Date(instant).toISOString();
}
