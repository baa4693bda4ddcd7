import { Inject, Injectable } from '@nestjs/common';
import { RefusalError } from '../../../domain/src/failures.js';
import { decideNoticeStep } from '../../../domain/src/notices/decide-notice-step.js';
import type { DeliveryStatus } from '../../../domain/src/notices/notice-status.js';
import { CaseFile } from '../../../persistence/src/case-file.js';
import type { DeliveryCounts } from '../../../persistence/src/repositories/notice-delivery.repository.js';
import { APP_CONFIG, type AppConfig } from '../../../platform/src/config.js';
import { cancelDeliveryUpdate, noticeDeliveryWorkflowId, pauseDeliveryUpdate, resumeDeliveryUpdate } from '../../../../workflows/notices/notice-delivery.messages.js';
import { actorOf, type Caller } from '../caller.js';
import { IncidentQueries } from '../incidents/incident-queries.js';
import { INCIDENT_WORKFLOWS, type IncidentWorkflows } from '../ports/incident-workflows.js';
import { NoticeSteps } from './notice-steps.js';
import type { NoticeView } from './notice-view.js';

export interface DeliveryView {
  recipientId: string;
  masked: Record<string, string>;
  status: DeliveryStatus;
  attempts: number;
  failure: string | null;
  sentAt: string | null;
}

/**
 * Sending an approved notice through its delivery workflow, and steering it: pause, resume,
 * cancel, retry the failed deliveries; the counts and a page of deliveries, masked.
 */
@Injectable()
export class NoticeSending {
  constructor(
    @Inject(CaseFile) private readonly caseFile: CaseFile,
    @Inject(NoticeSteps) private readonly notices: NoticeSteps,
    @Inject(IncidentQueries) private readonly incidents: IncidentQueries,
    @Inject(INCIDENT_WORKFLOWS) private readonly workflows: IncidentWorkflows,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async send(caller: Caller, noticeId: string, options: { ratePerSecond?: number } = {}): Promise<NoticeView> {
    const notice = await this.notices.owned(caller, noticeId);
    // A repeated request while the first one starts joins the same delivery.
    if (notice.status !== 'sending') {
      const decision = decideNoticeStep(notice, { type: 'send' }, actorOf(caller));
      if (!decision.ok) throw new RefusalError(decision.refusal);
    }
    const incident = await this.incidents.owned(caller, notice.incidentId);
    await this.workflows.startNoticeDelivery({
      noticeId: notice.id,
      incidentId: incident.id,
      organisationId: caller.organisationId,
      incidentWorkflowId: incident.workflowId,
      batchSize: this.config.NOTICE_BATCH_SIZE,
      ratePerSecond: options.ratePerSecond ?? this.config.NOTICE_RATE_PER_SECOND,
      actorId: caller.id,
    });
    return this.notices.get(caller, noticeId);
  }

  async control(caller: Caller, noticeId: string, action: 'pause' | 'resume' | 'cancel'): Promise<NoticeView> {
    const notice = await this.notices.owned(caller, noticeId);
    const decision = decideNoticeStep(notice, { type: action }, actorOf(caller));
    if (!decision.ok) throw new RefusalError(decision.refusal);
    const update = { pause: pauseDeliveryUpdate, resume: resumeDeliveryUpdate, cancel: cancelDeliveryUpdate }[action];
    await this.workflows.incidentStep(noticeDeliveryWorkflowId(notice.id), update, { actor: actorOf(caller) });
    return this.notices.get(caller, noticeId);
  }

  /** The failed deliveries queued again and sent by a new run (e.g. after an address was corrected upstream). */
  async retryFailed(caller: Caller, noticeId: string): Promise<NoticeView> {
    await this.notices.step(caller, noticeId, { type: 'retry-failed' }, async (notice, repositories) => {
      const requeued = await repositories.deliveries.requeueFailed(notice.id);
      await repositories.notices.update(notice.id, { status: 'approved', updatedAt: new Date() });
      return { action: 'notice.retry-requested', detail: { requeued } };
    });
    return this.send(caller, noticeId);
  }

  async deliveries(caller: Caller, noticeId: string, page: { limit: number; offset: number; status?: DeliveryStatus }): Promise<{ counts: DeliveryCounts; items: DeliveryView[]; limit: number; offset: number }> {
    const notice = await this.notices.owned(caller, noticeId);
    const repositories = this.caseFile.read;
    const [counts, rows] = await Promise.all([repositories.deliveries.counts(notice.id), repositories.deliveries.page(notice.id, page.limit, page.offset, page.status)]);
    const masked = new Map((await repositories.recipients.byIds(rows.map((row) => row.recipientId))).map((recipient) => [recipient.id, recipient.masked]));
    return {
      counts,
      items: rows.map((row) => ({
        recipientId: row.recipientId,
        masked: masked.get(row.recipientId) ?? {},
        status: row.status === 'sending' ? 'queued' : row.status,
        attempts: row.attempts,
        failure: row.failure,
        sentAt: row.sentAt?.toISOString() ?? null,
      })),
      limit: page.limit,
      offset: page.offset,
    };
  }
}
