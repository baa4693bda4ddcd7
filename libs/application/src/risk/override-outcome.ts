import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { raise } from '../../../domain/src/failures.js';
import type { RiskOutcome } from '../../../domain/src/risk/assessment.js';
import { overrideLowers } from '../../../domain/src/risk/outcome-override.js';
import { CaseFile, type Repositories } from '../../../persistence/src/case-file.js';
import type { Caller } from '../caller.js';
import { IncidentQueries } from '../incidents/incident-queries.js';
import type { IncidentView } from '../incidents/incident-view.js';
import { WorkflowOutboxRelay } from '../incidents/workflow-outbox-relay.js';
import { newProposal } from '../decisions/new-proposal.js';

export interface RiskOverrideRequest {
  outcome: RiskOutcome;
  justification: string;
  /** The facts version the manager reviewed; refused when the facts have changed since. */
  factsVersion?: number;
}

/**
 * A manager replaces the outcome of the current assessment with a written justification; the
 * model's outcome stays recorded beside it. Raising the outcome takes effect at once and the
 * workflow acts on it; lowering it is only proposed, and takes effect when a second approver or the
 * DPO approves it (`DecideProposal`).
 */
@Injectable()
export class OverrideOutcome {
  constructor(
    @Inject(CaseFile) private readonly caseFile: CaseFile,
    @Inject(WorkflowOutboxRelay) private readonly relay: WorkflowOutboxRelay,
    @Inject(IncidentQueries) private readonly queries: IncidentQueries,
  ) {}

  async execute(caller: Caller, id: string, decision: RiskOverrideRequest): Promise<IncidentView> {
    const { incident, takesEffect } = await this.caseFile.transaction(async (repositories) => {
      const current = (await repositories.incidents.findOwned(caller.organisationId, id, { lock: true })) ?? raise('not-found', `incident ${id} not found`);
      if (decision.factsVersion !== undefined && decision.factsVersion !== current.currentFactsVersion) {
        raise('stale', `the facts changed since version ${decision.factsVersion}; the current version is ${current.currentFactsVersion}: review the new assessment first`, 'factsVersion');
      }
      const picture =
        (await repositories.risk.picture(id, current.currentFactsVersion)) ??
        raise('conflict', 'there is no assessment to override yet: record breach, data, subjects and controller facts first');
      if (overrideLowers(picture.outcome, decision.outcome)) {
        await this.proposeLowering(repositories, caller, current.id, current.currentFactsVersion, decision);
        return { incident: current, takesEffect: false };
      }
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
      await repositories.outbox.enqueue(id, 'risk-outcome', current.currentFactsVersion);
      return { incident: current, takesEffect: true };
    });
    if (takesEffect) await this.relay.deliverFor(incident.id);
    return this.queries.view(incident);
  }

  /** A lower outcome waits for a second approver or the DPO; until then the workflow acts on the current one. */
  private async proposeLowering(repositories: Repositories, caller: Caller, incidentId: string, factsVersion: number, decision: RiskOverrideRequest): Promise<void> {
    if ((await repositories.proposedDecisions.pendingOf(incidentId)).some((proposal) => proposal.subject === 'risk-lowered')) {
      raise('conflict', 'a lower outcome is already proposed and awaits a second approval: approve or reject it first', 'outcome');
    }
    const proposalId = randomUUID();
    await repositories.proposedDecisions.insert({
      id: proposalId,
      incidentId,
      subject: 'risk-lowered',
      track: null,
      outcome: decision.outcome,
      factsVersion,
      reason: decision.justification.trim(),
      ...newProposal(caller.id),
    });
    await repositories.audit.append({ organisationId: caller.organisationId, incidentId, actor: caller.id, action: 'risk.lowering-proposed', detail: { proposalId, factsVersion, outcome: decision.outcome } });
  }
}
