import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { TASK_CATALOGUE, tasksOpenedWith } from '../../../domain/src/tracks/tasks/task-kinds.js';
import { windowEnd } from '../../../domain/src/tracks/window-end.js';
import { CaseFile } from '../../../persistence/src/case-file.js';
import type { RecordScreeningInput } from '../../../../workflows/activity-contracts.js';

/**
 * The case-file side of a screening decision the incident's workflow accepted: the decision with
 * its answers and reason, the tasks a track screened in opens (the event analysis with its target,
 * informing the service's recipients), and the audit event — in one transaction, once.
 */
@Injectable()
export class RecordScreening {
  constructor(@Inject(CaseFile) private readonly caseFile: CaseFile) {}

  async execute(input: RecordScreeningInput): Promise<void> {
    await this.caseFile.transaction(async (repositories) => {
      if (await repositories.screenings.exists(input.screeningId)) return;
      const decidedAt = new Date(input.decidedAt);
      await repositories.screenings.insert({
        id: input.screeningId,
        incidentId: input.incidentId,
        track: input.track,
        applies: input.applies,
        reason: input.reason,
        answers: input.answers,
        decidedBy: input.actorId,
        decidedAt,
      });
      const opened = input.applies ? tasksOpenedWith(input.track) : [];
      if (opened.length > 0) {
        const organisation = await repositories.organisations.get(input.organisationId);
        const settings = { lexMariaInvestigationDays: organisation.lexMariaInvestigationDays };
        for (const kind of opened) {
          const definition = TASK_CATALOGUE[kind];
          await repositories.tasks.insert({
            id: randomUUID(),
            organisationId: input.organisationId,
            incidentId: input.incidentId,
            track: input.track,
            kind,
            title: definition.title.sv,
            status: 'open',
            data: definition.initial,
            createdBy: 'workflow',
            createdAt: decidedAt,
            updatedAt: decidedAt,
            dueAt: definition.target ? new Date(windowEnd(definition.target, input.decidedAt, organisation.timeZone, settings)) : null,
            completedAt: null,
            completedBy: null,
          });
        }
      }
      await repositories.audit.append({
        organisationId: input.organisationId,
        incidentId: input.incidentId,
        actor: input.actorId,
        action: input.applies ? 'track.screened-in' : 'track.screened-out',
        detail: { track: input.track, screeningId: input.screeningId, answers: input.answers, tasks: opened },
      });
    });
  }
}
