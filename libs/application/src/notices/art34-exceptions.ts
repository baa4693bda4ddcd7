import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { raise, RefusalError } from '../../../domain/src/failures.js';
import { exceptionReasonText, refuseExceptionDecision, refuseExceptionProposal, type ExceptionProposal } from '../../../domain/src/notices/art34-exception.js';
import { CaseFile } from '../../../persistence/src/case-file.js';
import type { TrackException } from '../../../persistence/src/entities/track-exception.entity.js';
import { markTrackNotRequiredUpdate } from '../../../../workflows/messages.js';
import { actorOf, type Caller } from '../caller.js';
import { IncidentQueries } from '../incidents/incident-queries.js';
import { INCIDENT_WORKFLOWS, type IncidentWorkflows } from '../ports/incident-workflows.js';
import { newProposal } from '../decisions/new-proposal.js';

export interface ExceptionView {
  id: string;
  ground: string;
  reason: string;
  publicNoticeId: string | null;
  proposedBy: string;
  proposedAt: string;
  decision: 'approved' | 'rejected' | null;
  decidedBy: string | null;
  decidedAt: string | null;
  comment: string | null;
}

const view = (exception: TrackException): ExceptionView => ({
  id: exception.id,
  ground: exception.ground,
  reason: exception.reason,
  publicNoticeId: exception.publicNoticeId,
  proposedBy: exception.proposedBy,
  proposedAt: exception.proposedAt.toISOString(),
  decision: exception.decision,
  decidedBy: exception.decidedBy,
  decidedAt: exception.decidedAt?.toISOString() ?? null,
  comment: exception.comment,
});

/**
 * Art. 34(3): the people need not be told when the data were unintelligible to others (a),
 * later measures removed the high risk (b), or telling each would take disproportionate effort and
 * a public notice is made instead (c). One person proposes with the ground and reason, another
 * approver or the DPO decides; approved, the track is settled as not required with that reason,
 * which the register keeps.
 */
@Injectable()
export class Art34Exceptions {
  constructor(
    @Inject(CaseFile) private readonly caseFile: CaseFile,
    @Inject(IncidentQueries) private readonly incidents: IncidentQueries,
    @Inject(INCIDENT_WORKFLOWS) private readonly workflows: IncidentWorkflows,
  ) {}

  async propose(caller: Caller, incidentId: string, proposal: ExceptionProposal): Promise<ExceptionView> {
    const incident = await this.incidents.owned(caller, incidentId);
    if (incident.status === 'closed') raise('conflict', 'the incident is closed');
    const id = randomUUID();
    await this.caseFile.transaction(async (repositories) => {
      const publicNotice = (await repositories.notices.ofIncident(incident.id)).filter((notice) => notice.channel === 'public' && ['approved', 'sending', 'sent'].includes(notice.status)).at(-1);
      const pending = (await repositories.trackExceptions.ofIncident(incident.id)).some((exception) => exception.decision === null);
      const refusal = refuseExceptionProposal(proposal, actorOf(caller), publicNotice !== undefined, pending);
      if (refusal) throw new RefusalError(refusal);
      await repositories.trackExceptions.insert({
        id,
        incidentId: incident.id,
        track: 'gdpr-art34',
        ground: proposal.ground,
        reason: proposal.reason.trim(),
        publicNoticeId: proposal.ground === '34(3)(c)' ? publicNotice!.id : null,
        ...newProposal(caller.id),
      });
      await repositories.audit.append({ organisationId: caller.organisationId, incidentId: incident.id, actor: caller.id, action: 'art34.exception-proposed', detail: { exceptionId: id, ground: proposal.ground } });
    });
    return this.get(incident.id, id);
  }

  async decide(caller: Caller, incidentId: string, exceptionId: string, decision: 'approved' | 'rejected', comment?: string): Promise<ExceptionView> {
    const incident = await this.incidents.owned(caller, incidentId);
    const exception = await this.caseFile.read.trackExceptions.find(exceptionId, incident.id);
    if (!exception) raise('not-found', `exception ${exceptionId} not found`);
    const refusal = refuseExceptionDecision(exception.proposedBy, exception.decision !== null, actorOf(caller));
    if (refusal) throw new RefusalError(refusal);
    if (decision === 'rejected' && !comment?.trim()) raise('unprocessable', 'a rejection needs a comment saying why', 'comment');
    if (decision === 'approved') {
      // The incident's workflow settles the track (and records the decision) first; then the proposal is closed.
      await this.workflows.incidentStep(incident.workflowId, markTrackNotRequiredUpdate, { track: 'gdpr-art34', reason: exceptionReasonText(exception.ground as ExceptionProposal['ground'], exception.reason), actor: actorOf(caller), proposedBy: exception.proposedBy });
    }
    await this.caseFile.transaction(async (repositories) => {
      const locked = await repositories.trackExceptions.find(exceptionId, incident.id, { lock: true });
      if (!locked || locked.decision !== null) return;
      await repositories.trackExceptions.update(exceptionId, { decision, decidedBy: caller.id, decidedAt: new Date(), comment: comment?.trim() || null });
      await repositories.audit.append({ organisationId: caller.organisationId, incidentId: incident.id, actor: caller.id, action: `art34.exception-${decision}`, detail: { exceptionId, ground: exception.ground } });
    });
    return this.get(incident.id, exceptionId);
  }

  async list(caller: Caller, incidentId: string): Promise<{ items: ExceptionView[] }> {
    const incident = await this.incidents.owned(caller, incidentId);
    return { items: (await this.caseFile.read.trackExceptions.ofIncident(incident.id)).map(view) };
  }

  private async get(incidentId: string, id: string): Promise<ExceptionView> {
    return view((await this.caseFile.read.trackExceptions.find(id, incidentId)) ?? raise('not-found', `exception ${id} not found`));
  }
}
