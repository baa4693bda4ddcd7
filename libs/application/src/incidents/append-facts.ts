import { Inject, Injectable, Logger } from '@nestjs/common';
import { InvalidInputError, raise } from '../../../domain/src/failures.js';
import { applyFactsChanges, type AppendFactsRequest } from '../../../domain/src/incident/validate-incident-facts.js';
import { CaseFile } from '../../../persistence/src/case-file.js';
import type { Incident } from '../../../persistence/src/entities/incident.entity.js';
import type { Caller } from '../caller.js';
import { INCIDENT_WORKFLOWS, type IncidentWorkflows } from '../ports/incident-workflows.js';
import { assessFactsVersion } from '../risk/assess-facts-version.js';
import { IncidentQueries } from './incident-queries.js';
import type { IncidentView } from './incident-view.js';
import { owedTrackSignals } from './incident-workflow-input.js';

/** Appends a facts version (immutable, assessed in the same transaction), then moves the workflow's clocks to it. */
@Injectable()
export class AppendFacts {
  private readonly log = new Logger(AppendFacts.name);

  constructor(
    @Inject(CaseFile) private readonly caseFile: CaseFile,
    @Inject(INCIDENT_WORKFLOWS) private readonly workflows: IncidentWorkflows,
    @Inject(IncidentQueries) private readonly queries: IncidentQueries,
  ) {}

  async execute(caller: Caller, id: string, request: AppendFactsRequest): Promise<IncidentView> {
    const incident = await this.caseFile.transaction(async (repositories) => {
      const current = (await repositories.incidents.findOwned(caller.organisationId, id, { lock: true })) ?? raise('not-found', `incident ${id} not found`);
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
      return repositories.incidents.recordFactsVersion(id, { currentFactsVersion: version, title: merged.value.title, awareAt: new Date(merged.value.awareAt) });
    });
    await this.tellWorkflow(incident);
    return this.queries.view(incident);
  }

  /** A workflow that cannot take the version now shows as behind (`workflowFactsVersion`) until it does. */
  private async tellWorkflow(incident: Incident): Promise<void> {
    const { role, outcome } = await owedTrackSignals(this.caseFile.read, incident);
    try {
      await this.workflows.recordFactsVersion(incident.workflowId, { version: incident.currentFactsVersion, awareAt: incident.awareAt.toISOString(), role, outcome });
    } catch (error) {
      this.log.warn(`workflow ${incident.workflowId} did not take facts version ${incident.currentFactsVersion}: ${(error as Error).message}`);
    }
  }
}
