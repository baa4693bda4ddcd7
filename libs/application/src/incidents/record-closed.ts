import { Inject, Injectable } from '@nestjs/common';
import { CaseFile } from '../../../persistence/src/case-file.js';
import type { RecordClosedInput } from '../../../../workflows/activity-contracts.js';

/** The case-file side of closing, once the incident workflow allowed it; idempotent. */
@Injectable()
export class RecordClosed {
  constructor(@Inject(CaseFile) private readonly caseFile: CaseFile) {}

  async execute(input: RecordClosedInput): Promise<void> {
    await this.caseFile.transaction(async (repositories) => {
      const incident = await repositories.incidents.get(input.incidentId, { lock: true });
      if (incident.status === 'closed') return;
      await repositories.incidents.close(incident.id, input.actorId, new Date());
      await repositories.audit.append({ organisationId: input.organisationId, incidentId: incident.id, actor: input.actorId, action: 'incident.closed' });
    });
  }
}
