import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { raise, RefusalError } from '../../../domain/src/failures.js';
import { decideNoticeStep, type NoticeCommand } from '../../../domain/src/notices/decide-notice-step.js';
import { missingArt34Content, readableText, type NoticeChannel, type NoticeContent } from '../../../domain/src/notices/notice-content.js';
import { readabilityOf } from '../../../domain/src/notices/readability.js';
import type { NoticeStatus } from '../../../domain/src/notices/notice-status.js';
import type { NoticeLanguage } from '../../../domain/src/notices/recipient-row.js';
import { APP_CONFIG, type AppConfig } from '../../../platform/src/config.js';
import { CaseFile, type Repositories } from '../../../persistence/src/case-file.js';
import type { Notice } from '../../../persistence/src/entities/notice.entity.js';
import type { Organisation } from '../../../persistence/src/entities/organisation.entity.js';
import { actorOf, type Caller } from '../caller.js';
import { IncidentQueries } from '../incidents/incident-queries.js';
import { contactPointOf } from './notice-model-of.js';
import { noticeView, type NoticeView } from './notice-view.js';

/** Changed words: a text replaces the old one, null removes it, an absent key keeps it. */
export type NoticeContentChange = { [K in keyof NoticeContent]?: string | null };

export interface DraftNoticeRequest {
  channel: NoticeChannel;
  /** The language it is written in; given, only recipients of that language get it. */
  language?: NoticeLanguage;
  segment?: string;
  content: NoticeContent;
}

/**
 * Drafting and reviewing notices to the people affected: each edit is a new revision measured for
 * readability and held against Art. 34(2); submission needs every item; a second person approves
 * (or sends it back with a comment); an approved notice never changes.
 */
@Injectable()
export class NoticeSteps {
  constructor(
    @Inject(CaseFile) private readonly caseFile: CaseFile,
    @Inject(IncidentQueries) private readonly incidents: IncidentQueries,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async draft(caller: Caller, incidentId: string, request: DraftNoticeRequest): Promise<NoticeView> {
    const incident = await this.incidents.owned(caller, incidentId);
    if (incident.status === 'closed') raise('conflict', 'the incident is closed');
    const id = randomUUID();
    await this.caseFile.transaction(async (repositories) => {
      const organisation = await repositories.organisations.get(caller.organisationId);
      const language = request.language ?? 'sv';
      const now = new Date();
      await repositories.notices.insert({
        id,
        organisationId: caller.organisationId,
        incidentId: incident.id,
        channel: request.channel,
        language,
        targetLanguage: request.language ?? null,
        segment: request.segment ?? null,
        content: request.content,
        status: 'draft',
        revision: 1,
        ...measured(request.channel, request.content, language, organisation),
        authorId: caller.id,
        lastEditorId: caller.id,
        submittedAt: null,
        approvedBy: null,
        approvedAt: null,
        sendStartedAt: null,
        sentAt: null,
        publicSlug: null,
        createdAt: now,
        updatedAt: now,
      });
      await repositories.audit.append({ organisationId: caller.organisationId, incidentId: incident.id, actor: caller.id, action: 'notice.drafted', detail: { noticeId: id, channel: request.channel, language } });
    });
    return this.get(caller, id);
  }

  /** A new revision with the changed words (null clears one); any submission is undone. */
  async edit(caller: Caller, noticeId: string, content: NoticeContentChange): Promise<NoticeView> {
    await this.step(caller, noticeId, { type: 'edit' }, async (notice, repositories) => {
      const organisation = await repositories.organisations.get(caller.organisationId);
      const merged = Object.fromEntries(Object.entries({ ...notice.content, ...content }).filter(([, value]) => value !== null)) as NoticeContent;
      await repositories.notices.update(notice.id, {
        content: merged,
        revision: notice.revision + 1,
        status: 'draft',
        submittedAt: null,
        lastEditorId: caller.id,
        ...measured(notice.channel, merged, notice.language, organisation),
        updatedAt: new Date(),
      });
      return { action: 'notice.edited', detail: { revision: notice.revision + 1 } };
    });
    return this.get(caller, noticeId);
  }

  async review(caller: Caller, noticeId: string, type: 'submit' | 'approve' | 'reject', request: { revision?: number; comment?: string }): Promise<NoticeView> {
    const organisation = await this.caseFile.read.organisations.get(caller.organisationId);
    await this.step(
      caller,
      noticeId,
      (notice) => ({ type, revision: request.revision ?? notice.revision, comment: request.comment }),
      async (notice, repositories, decision) => {
        const now = new Date();
        if (decision.transition !== 'submitted') {
          await repositories.notices.insertReview({ id: randomUUID(), noticeId: notice.id, revision: notice.revision, decision: decision.transition === 'approved' ? 'approved' : 'rejected', comment: decision.comment ?? null, reviewerId: caller.id, decidedAt: now });
        }
        await repositories.notices.update(notice.id, {
          status: decision.status,
          missing: measured(notice.channel, notice.content, notice.language, organisation).missing,
          ...(decision.transition === 'submitted' && { submittedAt: now }),
          ...(decision.transition === 'approved' && { approvedBy: caller.id, approvedAt: now }),
          updatedAt: now,
        });
        return { action: `notice.${decision.transition}`, detail: { revision: notice.revision } };
      },
    );
    return this.get(caller, noticeId);
  }

  async get(caller: Caller, noticeId: string): Promise<NoticeView> {
    const organisation = await this.caseFile.read.organisations.get(caller.organisationId);
    return this.view(await this.owned(caller, noticeId), organisation);
  }

  async list(caller: Caller, incidentId: string): Promise<{ items: NoticeView[] }> {
    const incident = await this.incidents.owned(caller, incidentId);
    const organisation = await this.caseFile.read.organisations.get(caller.organisationId);
    return { items: (await this.caseFile.read.notices.ofIncident(incident.id)).map((notice) => this.view(notice, organisation)) };
  }

  /** The organisation's notices in the given states, across incidents (the approvals inbox), newest first. */
  async inState(caller: Caller, statuses: readonly NoticeStatus[]): Promise<{ items: NoticeView[] }> {
    const organisation = await this.caseFile.read.organisations.get(caller.organisationId);
    return { items: (await this.caseFile.read.notices.inState(caller.organisationId, statuses)).map((notice) => this.view(notice, organisation)) };
  }

  /** A notice not yet approved is held against the organisation's contact point as it is now. */
  private view(notice: Notice, organisation: Organisation): NoticeView {
    const current = notice.status === 'draft' || notice.status === 'awaiting-approval' ? { ...notice, missing: measured(notice.channel, notice.content, notice.language, organisation).missing } : notice;
    return noticeView(current, this.config.PUBLIC_URL);
  }

  async owned(caller: Caller, noticeId: string): Promise<Notice> {
    return (await this.caseFile.read.notices.findOwned(caller.organisationId, noticeId)) ?? raise('not-found', `notice ${noticeId} not found`);
  }

  /** Judges the step on the locked row, then lets `work` write it, with its audit event, in one transaction. */
  async step(
    caller: Caller,
    noticeId: string,
    command: NoticeCommand | ((notice: Notice) => NoticeCommand),
    work: (notice: Notice, repositories: Repositories, decision: Extract<ReturnType<typeof decideNoticeStep>, { ok: true }>) => Promise<{ action: string; detail: Record<string, unknown> }>,
  ): Promise<void> {
    await this.caseFile.transaction(async (repositories) => {
      const notice = (await repositories.notices.findOwned(caller.organisationId, noticeId, { lock: true })) ?? raise('not-found', `notice ${noticeId} not found`);
      // The contact point may have been filled in since the words were saved: the checklist is judged as it stands now.
      const organisation = await repositories.organisations.get(caller.organisationId);
      const current = { ...notice, missing: measured(notice.channel, notice.content, notice.language, organisation).missing };
      const decision = decideNoticeStep(current, typeof command === 'function' ? command(notice) : command, actorOf(caller));
      if (!decision.ok) throw new RefusalError(decision.refusal);
      const { action, detail } = await work(notice, repositories, decision);
      await repositories.audit.append({ organisationId: caller.organisationId, incidentId: notice.incidentId, actor: caller.id, action, detail: { noticeId, ...detail } });
    });
  }
}

/** The Art. 34(2) items still missing and the readability of what the person wrote. */
function measured(channel: NoticeChannel, content: NoticeContent, language: NoticeLanguage, organisation: Organisation): Pick<Notice, 'missing' | 'readability'> {
  const text = readableText(content);
  return { missing: missingArt34Content(channel, content, contactPointOf(organisation)), readability: text === '' ? null : readabilityOf(text, language) };
}
