import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { appendAudit } from '../../../../libs/persistence/src/audit/audit-log.js';
import { Incident } from '../../../../libs/persistence/src/entities/incident.entity.js';

/** Case-file effects of the incident workflow's own steps. */
@Injectable()
export class IncidentActivities {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** Idempotent: closing an incident that is already closed writes nothing. */
  async recordClosed(input: { incidentId: string; organisationId: string; actorId: string }): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const incident = await manager.findOneOrFail(Incident, { where: { id: input.incidentId }, lock: { mode: 'pessimistic_write' } });
      if (incident.status === 'closed') return;
      await manager.update(Incident, { id: incident.id }, { status: 'closed', closedAt: new Date(), closedBy: input.actorId });
      await appendAudit(manager, { organisationId: input.organisationId, incidentId: incident.id, actor: input.actorId, action: 'incident.closed' });
    });
  }
}
