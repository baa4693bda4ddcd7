import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { appendAudit } from '../../../../libs/persistence/src/audit/audit-log.js';
import { DeadlineClock } from '../../../../libs/persistence/src/entities/deadline-clock.entity.js';

export interface RecordClockInput {
  incidentId: string;
  organisationId: string;
  kind: string;
  anchorAt: string;
  deadlineAt: string;
  reason: 'started' | 'moved';
}

export interface RecordReminderInput {
  incidentId: string;
  organisationId: string;
  kind: string;
  reminderKey: string;
  dueAt: string;
  firedAt: string;
}

/**
 * Side effects of the deadline clocks. Each is idempotent: a retried activity (or a replay
 * after a worker crash) writes nothing twice.
 */
@Injectable()
export class ClockActivities {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async recordClock(input: RecordClockInput): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const existing = await manager.findOneBy(DeadlineClock, { incidentId: input.incidentId, kind: input.kind });
      const deadlineAt = new Date(input.deadlineAt);
      if (existing && existing.deadlineAt.getTime() === deadlineAt.getTime()) return;
      await manager.upsert(
        DeadlineClock,
        { incidentId: input.incidentId, kind: input.kind, anchorAt: new Date(input.anchorAt), deadlineAt },
        ['incidentId', 'kind'],
      );
      await appendAudit(manager, {
        organisationId: input.organisationId,
        incidentId: input.incidentId,
        actor: 'workflow',
        action: existing ? 'clock.moved' : 'clock.started',
        detail: { clock: input.kind, deadlineAt: input.deadlineAt, previousDeadlineAt: existing?.deadlineAt.toISOString() },
      });
    });
  }

  /** Returns false when this reminder had already been recorded (a retry or a replay). */
  async recordReminderFired(input: RecordReminderInput): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const inserted: unknown[] = await manager.query(
        `INSERT INTO reminders (incident_id, clock_kind, reminder_key, due_at, fired_at)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (incident_id, clock_kind, reminder_key) DO NOTHING
         RETURNING id`,
        [input.incidentId, input.kind, input.reminderKey, input.dueAt, input.firedAt],
      );
      if (inserted.length === 0) return false;
      await appendAudit(manager, {
        organisationId: input.organisationId,
        incidentId: input.incidentId,
        actor: 'workflow',
        action: 'clock.reminder-fired',
        detail: { clock: input.kind, reminder: input.reminderKey, dueAt: input.dueAt, firedAt: input.firedAt },
      });
      return true;
    });
  }
}
