export type Urgency = 'ok' | 'soon' | 'urgent' | 'overdue';

const HOUR = 3_600_000;

/** How pressing a deadline is: a day or more left, under a day, under six hours, passed. */
export function urgencyOf(millisecondsLeft: number): Urgency {
  if (millisecondsLeft < 0) return 'overdue';
  if (millisecondsLeft < 6 * HOUR) return 'urgent';
  if (millisecondsLeft < 24 * HOUR) return 'soon';
  return 'ok';
}
