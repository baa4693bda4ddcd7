import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CaseFile } from '../../../persistence/src/case-file.js';
import type { RecordFiledInput, RecordNotRequiredInput, RecordStageChangeInput, TransitionInput } from '../../../../workflows/activity-contracts.js';

/**
 * The case-file side of a track's steps once its workflow allowed them: each written with its
 * audit event in one transaction, and idempotent, so a retry after a crash changes nothing twice.
 */
@Injectable()
export class RecordFilingProgress {
  constructor(@Inject(CaseFile) private readonly caseFile: CaseFile) {}

  async transition(input: TransitionInput): Promise<void> {
    await this.caseFile.transaction(async (repositories) => {
      const filing = await repositories.filings.find(input.filingId, { lock: true });
      if (!filing) throw new Error(`filing ${input.filingId} is not in the case file`);
      const now = new Date();
      if (input.transition === 'submitted') {
        if (filing.status === 'awaiting-approval' && filing.revision === input.revision) return;
        await repositories.filings.update(filing.id, { status: 'awaiting-approval', submittedAt: now, updatedAt: now });
      } else {
        if (await repositories.filings.findReview(filing.id, input.revision, input.actorId, input.transition)) return;
        await repositories.filings.insertReview({ id: randomUUID(), filingId: filing.id, revision: input.revision, decision: input.transition, comment: input.comment, reviewerId: input.actorId, decidedAt: now });
        await repositories.filings.update(
          filing.id,
          input.transition === 'approved' ? { status: 'approved', approvedBy: input.actorId, approvedAt: now, updatedAt: now } : { status: 'draft', updatedAt: now },
        );
      }
      await repositories.audit.append({
        organisationId: input.organisationId,
        incidentId: input.incidentId,
        actor: input.actorId,
        action: `filing.${input.transition}`,
        detail: { filingId: filing.id, revision: input.revision },
      });
    });
  }

  async filed(input: RecordFiledInput): Promise<void> {
    await this.caseFile.transaction(async (repositories) => {
      const filing = await repositories.filings.find(input.filingId, { lock: true });
      if (!filing) throw new Error(`filing ${input.filingId} is not in the case file`);
      if (filing.status === 'filed') return;
      await repositories.filings.update(filing.id, {
        status: 'filed',
        filedAt: new Date(input.filedAt),
        filedBy: input.actorId,
        channel: input.channel,
        delayReason: input.delayReason,
        late: input.late,
        updatedAt: new Date(),
      });
      await repositories.audit.append({
        organisationId: input.organisationId,
        incidentId: input.incidentId,
        actor: input.actorId,
        action: 'filing.filed',
        detail: { filingId: filing.id, track: filing.track, kind: filing.kind, filedAt: input.filedAt, channel: input.channel, late: input.late },
      });
    });
  }

  async notRequired(input: RecordNotRequiredInput): Promise<void> {
    await this.caseFile.transaction(async (repositories) => {
      if (await repositories.trackDecisions.exists(input.incidentId, input.track)) return;
      await repositories.trackDecisions.insert({
        id: randomUUID(),
        incidentId: input.incidentId,
        track: input.track,
        decision: 'not-required',
        reason: input.reason,
        decidedBy: input.actorId,
        decidedAt: new Date(),
      });
      await repositories.audit.append({ organisationId: input.organisationId, incidentId: input.incidentId, actor: input.actorId, action: 'track.not-required', detail: { track: input.track } });
    });
  }

  /** A CSIRT's request for an intermediate report, or the incident handled: recorded once per change and instant. */
  async stageChanged(input: RecordStageChangeInput): Promise<void> {
    const action = `track.${input.change}`;
    await this.caseFile.transaction(async (repositories) => {
      const earlier = await repositories.audit.ofIncident(input.incidentId, [action]);
      if (earlier.some((event) => event.detail.track === input.track && event.detail.at === input.at)) return;
      await repositories.audit.append({ organisationId: input.organisationId, incidentId: input.incidentId, actor: input.actorId, action, detail: { track: input.track, at: input.at } });
    });
  }
}
