type Instant = Date | string | number;

const millis = (instant: Instant): number => (instant instanceof Date ? instant.getTime() : typeof instant === 'number' ? instant : Date.parse(instant));

/**
 * A deadline is met by anything done at or before its instant and missed only after it: a report
 * filed exactly at awareAt + 72 h is in time, and a clock is overdue only once that instant has
 * passed. Every place that asks "is it late?" or "is it overdue?" asks this.
 */
export function isPastDeadline(deadline: Instant, now: Instant): boolean {
  return millis(now) > millis(deadline);
}

/** How long after the deadline `at` lies (negative: before it). */
export function timeAfterDeadline(deadline: Instant, at: Instant): number {
  const due = millis(deadline);
  const then = millis(at);
  if (Number.isNaN(due)) throw new RangeError(`deadline is not an ISO-8601 instant: ${String(deadline)}`);
  if (Number.isNaN(then)) throw new RangeError(`not an ISO-8601 instant: ${String(at)}`);
  return then - due;
}
