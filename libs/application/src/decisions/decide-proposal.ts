import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { raise, RefusalError } from '../../../domain/src/failures.js';
import type { SecondApprovalCommand } from '../../../domain/src/review/second-approval.js';
import { refuseLoweringDecision } from '../../../domain/src/risk/outcome-override.js';
import { isTrackKind, TRACK_CATALOGUE, type TrackKind } from '../../../domain/src/tracks/catalogue.js';
import { refuseNotRequiredDecision } from '../../../domain/src/tracks/not-required-proposal.js';
import { CaseFile } from '../../../persistence/src/case-file.js';
import type { ProposedDecision } from '../../../persistence/src/entities/proposed-decision.entity.js';
import { markTrackNotRequiredUpdate } from '../../../../workflows/messages.js';
import { markNotRequiredUpdate } from '../../../../workflows/tracks/filing-track.messages.js';
import { actorOf, type Caller } from '../caller.js';
import { IncidentQueries } from '../incidents/incident-queries.js';
import { WorkflowOutboxRelay } from '../incidents/workflow-outbox-relay.js';
import { INCIDENT_WORKFLOWS, type IncidentWorkflows } from '../ports/incident-workflows.js';
import { proposedDecisionView, type ProposedDecisionView } from './proposed-decision-view.js';

/**
 * The second person's word on a proposed decision. Approved, it takes effect only now: a track
 * "not required" goes to its workflow (whose clock stops there, and whose rules check again that
 * the approver is not the proposer), a lowered outcome becomes the effective one and the incident's
 * workflow hears of it through the outbox. Rejected, nothing changes but the record.
 */
@Injectable()
export class DecideProposal {
  constructor(
    @Inject(CaseFile) private readonly caseFile: CaseFile,
    @Inject(IncidentQueries) private readonly incidents: IncidentQueries,
    @Inject(INCIDENT_WORKFLOWS) private readonly workflows: IncidentWorkflows,
    @Inject(WorkflowOutboxRelay) private readonly relay: WorkflowOutboxRelay,
  ) {}

  async list(caller: Caller, incidentId: string): Promise<{ items: ProposedDecisionView[] }> {
    const incident = await this.incidents.owned(caller, incidentId);
    return { items: (await this.caseFile.read.proposedDecisions.ofIncident(incident.id)).map(proposedDecisionView) };
  }

  async execute(caller: Caller, incidentId: string, proposalId: string, command: SecondApprovalCommand): Promise<ProposedDecisionView> {
    const incident = await this.incidents.owned(caller, incidentId);
    const proposal = (await this.caseFile.read.proposedDecisions.find(proposalId, incident.id)) ?? raise('not-found', `proposed decision ${proposalId} not found`);
    const refusal = this.refusal(proposal, command, caller);
    if (refusal) throw new RefusalError(refusal);
    if (command.type === 'approve' && proposal.subject === 'track-not-required') await this.settleTrack(caller, incident.workflowId, incident.id, proposal);
    const approvedLowering = command.type === 'approve' && proposal.subject === 'risk-lowered';
    await this.caseFile.transaction(async (repositories) => {
      const current = (await repositories.incidents.findOwned(caller.organisationId, incident.id, { lock: true })) ?? raise('not-found', `incident ${incident.id} not found`);
      const locked = (await repositories.proposedDecisions.find(proposalId, incident.id, { lock: true })) ?? raise('not-found', `proposed decision ${proposalId} not found`);
      // Judged again under the lock: of two people deciding at once, the second finds it decided.
      const lockedRefusal = this.refusal(locked, command, caller);
      if (lockedRefusal) throw new RefusalError(lockedRefusal);
      if (approvedLowering) {
        if (locked.factsVersion !== current.currentFactsVersion) {
          raise('stale', `the lowering was proposed on facts version ${locked.factsVersion}, but the facts are now at version ${current.currentFactsVersion}: propose it again on the new assessment`, 'factsVersion');
        }
        const picture = (await repositories.risk.picture(current.id, current.currentFactsVersion)) ?? raise('conflict', 'there is no assessment to override');
        await repositories.risk.insertOverride({
          id: randomUUID(),
          incidentId: current.id,
          assessmentId: picture.assessmentId,
          outcome: locked.outcome!,
          justification: locked.reason,
          decidedBy: caller.id,
          decidedAt: new Date(),
        });
        await repositories.audit.append({
          organisationId: caller.organisationId,
          incidentId: current.id,
          actor: caller.id,
          action: 'risk.overridden',
          detail: { factsVersion: current.currentFactsVersion, computedOutcome: picture.computed.outcome, previousOutcome: picture.outcome, outcome: locked.outcome, proposalId, proposedBy: locked.proposedBy },
        });
        // Only now does the incident's workflow hear of the lower outcome.
        await repositories.outbox.enqueue(current.id, 'risk-outcome', current.currentFactsVersion);
      }
      const decision = command.type === 'approve' ? 'approved' : 'rejected';
      await repositories.proposedDecisions.decide(proposalId, { decision, decidedBy: caller.id, decidedAt: new Date(), comment: command.comment?.trim() || null });
      const action = proposal.subject === 'track-not-required' ? `track.not-required-${decision}` : `risk.lowering-${decision}`;
      await repositories.audit.append({ organisationId: caller.organisationId, incidentId: current.id, actor: caller.id, action, detail: { proposalId, ...(proposal.track && { track: proposal.track }), ...(proposal.outcome && { outcome: proposal.outcome }) } });
    });
    if (approvedLowering) await this.relay.deliverFor(incident.id);
    return proposedDecisionView((await this.caseFile.read.proposedDecisions.find(proposalId, incident.id))!);
  }

  private refusal(proposal: ProposedDecision, command: SecondApprovalCommand, caller: Caller) {
    if (proposal.subject === 'risk-lowered') return refuseLoweringDecision(proposal, command, actorOf(caller));
    const track = proposal.track !== null && isTrackKind(proposal.track) ? proposal.track : raise('not-found', `proposed decision ${proposal.id} names no known track`);
    return refuseNotRequiredDecision(track, proposal, command, actorOf(caller));
  }

  /** The track's workflow (or the incident's, for a track without one) settles it; its rules check the four eyes again. */
  private async settleTrack(caller: Caller, workflowId: string, incidentId: string, proposal: ProposedDecision): Promise<void> {
    const track = proposal.track as TrackKind;
    const request = { reason: proposal.reason, actor: actorOf(caller), proposedBy: proposal.proposedBy };
    if (TRACK_CATALOGUE[track].ownWorkflow) await this.workflows.trackStep(incidentId, track, markNotRequiredUpdate, request);
    else await this.workflows.incidentStep(workflowId, markTrackNotRequiredUpdate, { track, ...request });
  }
}
