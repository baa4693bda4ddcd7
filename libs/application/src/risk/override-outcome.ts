import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { raise } from '../../../domain/src/failures.js';
import type { RiskOutcome } from '../../../domain/src/risk/assessment.js';
import { CaseFile } from '../../../persistence/src/case-file.js';
import type { Caller } from '../caller.js';
import { IncidentQueries } from '../incidents/incident-queries.js';
import type { IncidentView } from '../incidents/incident-view.js';
import { INCIDENT_WORKFLOWS, type IncidentWorkflows } from '../ports/incident-workflows.js';

export interface RiskOverrideRequest {
  outcome: RiskOutcome;
  justification: string;
  /** The facts version the manager reviewed; refused when the facts have changed since. */
  factsVersion?: number;
}

/**
 * A manager replaces the outcome of the current assessment with a written justification; the
 * model's outcome stays recorded beside it, and the workflow acts on the new outcome.
 */
@Injectable()
export class OverrideOutcome {
  private readonly log = new Logger(OverrideOutcome.name);

  constructor(
    @Inject(CaseFile) private readonly caseFile: CaseFile,
    @Inject(INCIDENT_WORKFLOWS) private readonly workflows: IncidentWorkflows,
    @Inject(IncidentQueries) private readonly queries: IncidentQueries,
  ) {}

  async execute(caller: Caller, id: string, decision: RiskOverrideRequest): Promise<IncidentView> {
    const { incident, outcome } = await this.caseFile.transaction(async (repositories) => {
      const current = (await repositories.incidents.findOwned(caller.organisationId, id, { lock: true })) ?? raise('not-found', `incident ${id} not found`);
      if (decision.factsVersion !== undefined && decision.factsVersion !== current.currentFactsVersion) {
        raise('stale', `the facts changed since version ${decision.factsVersion}; the current version is ${current.currentFactsVersion}: review the new assessment first`, 'factsVersion');
      }
      const picture =
        (await repositories.risk.picture(id, current.currentFactsVersion)) ??
        raise('conflict', 'there is no assessment to override yet: record breach, data, subjects and controller facts first');
      await repositories.risk.insertOverride({
        id: randomUUID(),
        incidentId: id,
        assessmentId: picture.assessmentId,
        outcome: decision.outcome,
        justification: decision.justification,
        decidedBy: caller.id,
        decidedAt: new Date(),
      });
      await repositories.audit.append({
        organisationId: caller.organisationId,
        incidentId: id,
        actor: caller.id,
        action: 'risk.overridden',
        detail: { factsVersion: current.currentFactsVersion, computedOutcome: picture.computed.outcome, previousOutcome: picture.outcome, outcome: decision.outcome },
      });
      const after = await repositories.risk.picture(id, current.currentFactsVersion);
      return { incident: current, outcome: after?.outcome };
    });
    try {
      if (outcome) await this.workflows.recordRiskOutcome(incident.workflowId, { factsVersion: incident.currentFactsVersion, outcome });
    } catch (error) {
      this.log.warn(`workflow ${incident.workflowId} did not take the overridden outcome: ${(error as Error).message}`);
    }
    return this.queries.view(incident);
  }
}
