/**
 * Art. 33(1): a notification made after the deadline must give the reasons for the delay. A filing
 * counts as late when it is prepared after the deadline; prepared exactly at the deadline is in time.
 */
export function isLate(preparedAt: string, deadline: string): boolean {
  return lateByMs(preparedAt, deadline) > 0;
}

/** How long after the deadline the filing is prepared (negative: before it). */
export function lateByMs(preparedAt: string, deadline: string): number {
  const prepared = Date.parse(preparedAt);
  const due = Date.parse(deadline);
  if (Number.isNaN(prepared)) throw new RangeError(`preparedAt is not an ISO-8601 instant: ${preparedAt}`);
  if (Number.isNaN(due)) throw new RangeError(`deadline is not an ISO-8601 instant: ${deadline}`);
  return prepared - due;
}
