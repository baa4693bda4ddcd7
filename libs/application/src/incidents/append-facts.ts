import { Inject, Injectable } from '@nestjs/common';
import { InvalidInputError, raise } from '../../../domain/src/failures.js';
import { applyFactsChanges, type AppendFactsRequest } from '../../../domain/src/incident/validate-incident-facts.js';
import { CaseFile } from '../../../persistence/src/case-file.js';
import type { Caller } from '../caller.js';
import { assessFactsVersion } from '../risk/assess-facts-version.js';
import { IncidentQueries } from './incident-queries.js';
import type { IncidentView } from './incident-view.js';
import { WorkflowOutboxRelay } from './workflow-outbox-relay.js';

/** Appends a facts version (immutable, assessed in the same transaction), then moves the workflow's clocks to it. */
@Injectable()
export class AppendFacts {
  constructor(
    @Inject(CaseFile) private readonly caseFile: CaseFile,
    @Inject(WorkflowOutboxRelay) private readonly relay: WorkflowOutboxRelay,
    @Inject(IncidentQueries) private readonly queries: IncidentQueries,
  ) {}

  async execute(caller: Caller, id: string, request: AppendFactsRequest): Promise<IncidentView> {
    const incident = await this.caseFile.transaction(async (repositories) => {
      const current = (await repositories.incidents.findOwned(caller.organisationId, id, { lock: true })) ?? raise('not-found', `incident ${id} not found`);
      // The facts of a closed incident are what was closed on: they change only after a reopening, which is audited with its reason.
      if (current.status === 'closed') raise('conflict', `the incident is closed: reopen it first (POST /api/incidents/${id}/reopen, approver or DPO, with a reason)`);
      if (request.baseVersion !== undefined && request.baseVersion !== current.currentFactsVersion) {
        raise(
          'stale',
          `the facts changed since version ${request.baseVersion}; the current version is ${current.currentFactsVersion}: reload and apply your change again`,
          'baseVersion',
        );
      }
      const previous = await repositories.facts.facts(id, current.currentFactsVersion);
      const merged = applyFactsChanges(previous, request.changes, new Date());
      if (!merged.ok) throw new InvalidInputError(merged.errors.map((error) => ({ ...error, field: `changes.${error.field}` })));
      const version = current.currentFactsVersion + 1;
      await repositories.facts.insert({ incidentId: id, version, facts: merged.value, changeReason: request.reason ?? null, recordedBy: caller.id });
      await assessFactsVersion(repositories, caller.organisationId, id, version, merged.value);
      await repositories.audit.append({
        organisationId: caller.organisationId,
        incidentId: id,
        actor: caller.id,
        action: 'incident.facts-recorded',
        detail: { version, changed: Object.keys(request.changes).sort() },
      });
      await repositories.outbox.enqueue(id, 'facts-version', version);
      return repositories.incidents.recordFactsVersion(id, { currentFactsVersion: version, title: merged.value.title, awareAt: new Date(merged.value.awareAt) });
    });
    // A workflow that cannot take the version now shows as behind (`workflowFactsVersion`) until the relay delivers it.
    await this.relay.deliverFor(incident.id);
    return this.queries.view(incident);
  }
}
