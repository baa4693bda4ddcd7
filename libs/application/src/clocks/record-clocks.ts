import { Inject, Injectable } from '@nestjs/common';
import { CaseFile } from '../../../persistence/src/case-file.js';
import type { RecordClockInput, RecordReminderInput } from '../../../../workflows/activity-contracts.js';

/**
 * The case file's copy of the deadline clocks, for the daily digest and for reading an incident
 * when its workflow cannot answer. Idempotent: a retried activity (or a replay after a worker
 * crash) writes nothing twice.
 */
@Injectable()
export class RecordClocks {
  constructor(@Inject(CaseFile) private readonly caseFile: CaseFile) {}

  async clock(input: RecordClockInput): Promise<void> {
    await this.caseFile.transaction(async (repositories) => {
      const existing = await repositories.clocks.find(input.incidentId, input.kind);
      const deadlineAt = new Date(input.deadlineAt);
      if (existing && existing.deadlineAt.getTime() === deadlineAt.getTime()) return;
      await repositories.clocks.save({ incidentId: input.incidentId, kind: input.kind, anchorAt: new Date(input.anchorAt), deadlineAt });
      await repositories.audit.append({
        organisationId: input.organisationId,
        incidentId: input.incidentId,
        actor: 'workflow',
        action: existing ? 'clock.moved' : 'clock.started',
        detail: { clock: input.kind, deadlineAt: input.deadlineAt, previousDeadlineAt: existing?.deadlineAt.toISOString() },
      });
    });
  }

  /** False when this reminder had already been recorded (a retry or a replay). */
  async reminderFired(input: RecordReminderInput): Promise<boolean> {
    return this.caseFile.transaction(async (repositories) => {
      const first = await repositories.clocks.recordReminderOnce({
        incidentId: input.incidentId,
        clockKind: input.kind,
        reminderKey: input.reminderKey,
        dueAt: new Date(input.dueAt),
        firedAt: new Date(input.firedAt),
      });
      if (!first) return false;
      await repositories.audit.append({
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
