import { isPastDeadline } from '../libs/domain/src/clocks/deadline.js';
import { reminderSchedule, type ScheduledReminder } from '../libs/domain/src/clocks/reminder-schedule.js';
import type { ClockState } from './messages.js';

interface TrackedReminder extends ScheduledReminder {
  firedAt: Date | null;
}

/**
 * One legal clock inside a workflow: its anchor, deadline and reminders. Moving the anchor
 * reschedules the reminders that have not fired yet; a fired reminder stays fired, so no
 * correction can make it fire twice.
 */
export class DeadlineClock {
  private anchor: Date;
  private reminders: TrackedReminder[];

  constructor(
    readonly kind: string,
    anchor: Date,
    private readonly windowMs: number,
    private readonly fractions: readonly number[] | undefined,
  ) {
    this.anchor = anchor;
    this.reminders = reminderSchedule(anchor, windowMs, fractions).map((r) => ({ ...r, firedAt: null }));
  }

  get anchorAt(): Date {
    return this.anchor;
  }

  get deadline(): Date {
    return new Date(this.anchor.getTime() + this.windowMs);
  }

  moveAnchor(anchor: Date): boolean {
    if (anchor.getTime() === this.anchor.getTime()) return false;
    this.anchor = anchor;
    const rescheduled = new Map(reminderSchedule(anchor, this.windowMs, this.fractions).map((r) => [r.key, r.dueAt]));
    for (const reminder of this.reminders) {
      if (reminder.firedAt === null) reminder.dueAt = rescheduled.get(reminder.key)!;
    }
    this.reminders.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
    return true;
  }

  nextUnfired(): TrackedReminder | undefined {
    return this.reminders.find((r) => r.firedAt === null);
  }

  /** The reminders not yet fired whose moment has come, in time order. */
  dueUnfired(now: number): TrackedReminder[] {
    return this.reminders.filter((r) => r.firedAt === null && r.dueAt.getTime() <= now);
  }

  markFired(key: string, firedAt: Date): void {
    const reminder = this.reminders.find((r) => r.key === key);
    if (reminder) reminder.firedAt = firedAt;
  }

  state(now: number): ClockState {
    const next = this.nextUnfired();
    return {
      kind: this.kind,
      anchorAt: this.anchor.toISOString(),
      deadline: this.deadline.toISOString(),
      status: isPastDeadline(this.deadline, now) ? 'overdue' : 'running',
      reminders: this.reminders.map((r) => ({
        key: r.key,
        dueAt: r.dueAt.toISOString(),
        firedAt: r.firedAt?.toISOString() ?? null,
      })),
      nextReminder: next ? { key: next.key, dueAt: next.dueAt.toISOString() } : null,
    };
  }
}
