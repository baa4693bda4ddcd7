/** A reminder before (or at) a legal deadline, at a fraction of the clock's window. */
export interface ScheduledReminder {
  /** Stable id of this reminder within its clock, e.g. `p50` or `deadline`; a key fires at most once. */
  key: string;
  fraction: number;
  dueAt: Date;
}

export const DEFAULT_REMINDER_FRACTIONS: readonly number[] = [0.5, 0.75, 0.9, 1];

/** `p50`, `p75`, `p90`, `deadline`; a finer fraction keeps its decimal (`p50.4`) so keys never collide. */
export function reminderKey(fraction: number): string {
  return fraction >= 1 ? 'deadline' : `p${Math.round(fraction * 1000) / 10}`;
}

/** The reminders of a clock that starts at `anchor` and ends `windowMs` later, in time order. */
export function reminderSchedule(
  anchor: Date,
  windowMs: number,
  fractions: readonly number[] = DEFAULT_REMINDER_FRACTIONS,
): ScheduledReminder[] {
  return [...new Set(fractions)]
    .filter((f) => f > 0 && f <= 1)
    .sort((a, b) => a - b)
    .map((fraction) => ({
      key: reminderKey(fraction),
      fraction,
      dueAt: new Date(anchor.getTime() + Math.round(windowMs * fraction)),
    }));
}
