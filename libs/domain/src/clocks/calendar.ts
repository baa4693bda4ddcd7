/**
 * Calendar arithmetic in a time zone, for periods people count in days and weeks rather than
 * hours: "four weeks after the report" ends at the same wall-clock time four weeks later, even
 * when a daylight-saving change falls in between (then it is 28 × 24 h ± 1 h).
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock time at `utcMs` in `timeZone`, read as if it were UTC. */
function wallClockAsUtc(utcMs: number, timeZone: string): number {
  const parts = Object.fromEntries(formatterFor(timeZone).formatToParts(new Date(utcMs)).map((part) => [part.type, part.value]));
  const seconds = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return seconds + (((utcMs % 1000) + 1000) % 1000);
}

/** The zone's offset from UTC at an instant, in milliseconds (Stockholm: +1 h in winter, +2 h in summer). */
function offsetAt(utcMs: number, timeZone: string): number {
  return wallClockAsUtc(utcMs, timeZone) - utcMs;
}

/**
 * The instant `days` calendar days after `anchor`, at the same wall-clock time in `timeZone`.
 * A wall-clock time that does not exist on that day (skipped by a spring change) moves forward by
 * the skipped hour.
 */
export function addCalendarDays(anchor: Date, days: number, timeZone: string): Date {
  const wall = wallClockAsUtc(anchor.getTime(), timeZone) + days * 86_400_000;
  const first = wall - offsetAt(wall, timeZone);
  return new Date(wall - offsetAt(first, timeZone));
}

/**
 * The instant `months` calendar months after `anchor`, at the same wall-clock time in `timeZone`;
 * a day the month lacks falls back to its last day (31 January + 1 month = 28 February).
 */
export function addCalendarMonths(anchor: Date, months: number, timeZone: string): Date {
  const wall = new Date(wallClockAsUtc(anchor.getTime(), timeZone));
  const year = wall.getUTCFullYear();
  const month = wall.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const target = Date.UTC(year, month, Math.min(wall.getUTCDate(), lastDay), wall.getUTCHours(), wall.getUTCMinutes(), wall.getUTCSeconds(), wall.getUTCMilliseconds());
  const first = target - offsetAt(target, timeZone);
  return new Date(target - offsetAt(first, timeZone));
}
