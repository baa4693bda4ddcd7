import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { FilingKind, FilingLanguage, FilingTrack } from '../../../../libs/domain/src/filings/filing-input.js';
import { appendAudit } from '../../../../libs/persistence/src/audit/audit-log.js';
import { Filing } from '../../../../libs/persistence/src/entities/filing.entity.js';
import { FilingReview } from '../../../../libs/persistence/src/entities/filing-review.entity.js';
import { TrackDecision } from '../../../../libs/persistence/src/entities/track-decision.entity.js';
import { FilingComposer } from '../filings/filing-composer.js';

export interface RenderDraftInput {
  filingId: string;
  incidentId: string;
  organisationId: string;
  track: FilingTrack;
  kind: FilingKind;
  language: FilingLanguage;
  sequence: number;
  authorId: string;
  recipient: string | null;
  informationToFollow: string | null;
  noBreachJustification: string | null;
  delayReason: string | null;
  deadline: string;
  supersedesId: string | null;
  preparedAt: string;
}

export interface TransitionInput {
  filingId: string;
  incidentId: string;
  organisationId: string;
  transition: 'submitted' | 'approved' | 'rejected';
  revision: number;
  actorId: string;
  comment: string | null;
}

export interface RecordFiledInput {
  filingId: string;
  incidentId: string;
  organisationId: string;
  filedAt: string;
  channel: string;
  delayReason: string | null;
  late: boolean;
  actorId: string;
}

/**
 * The case-file side of a track's human steps. The workflow has already validated each
 * step; these write it, with its audit event, in one transaction, and are idempotent so a
 * retry after a crash changes nothing twice.
 */
@Injectable()
export class FilingActivities {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(FilingComposer) private readonly composer: FilingComposer,
  ) {}

  /** Renders the draft from the current facts and assessment; a re-render bumps its revision. */
  async renderDraft(input: RenderDraftInput): Promise<{ revision: number; missing: number }> {
    return this.dataSource.transaction(async (manager) => {
      const existing = await manager.findOne(Filing, { where: { id: input.filingId }, lock: { mode: 'pessimistic_write' } });
      if (existing && existing.status !== 'draft') return { revision: existing.revision, missing: existing.document.missing.length };
      const { document, factsVersion } = await this.composer.compose(manager, input);
      const now = new Date();
      if (existing) {
        // A retried activity may find its own earlier write: same preparedAt means same render.
        if (existing.document.preparedAt === document.preparedAt) return { revision: existing.revision, missing: document.missing.length };
        const revision = existing.revision + 1;
        await manager.update(
          Filing,
          { id: existing.id },
          { document: document as never, factsVersion, revision, updatedAt: now, informationToFollow: input.informationToFollow, delayReason: input.delayReason },
        );
        await this.audit(manager, input, 'filing.re-rendered', { revision, missing: document.missing.length });
        return { revision, missing: document.missing.length };
      }
      await manager.insert(Filing, {
        id: input.filingId,
        organisationId: input.organisationId,
        incidentId: input.incidentId,
        track: input.track,
        kind: input.kind,
        language: input.language,
        sequence: input.sequence,
        status: 'draft',
        revision: 1,
        recipient: input.recipient,
        factsVersion,
        document: document as never,
        informationToFollow: input.informationToFollow,
        delayReason: input.delayReason,
        authorId: input.authorId,
        createdAt: now,
        updatedAt: now,
        supersedesId: input.supersedesId,
      });
      await this.audit(manager, input, 'filing.drafted', { kind: input.kind, track: input.track, sequence: input.sequence, missing: document.missing.length });
      return { revision: 1, missing: document.missing.length };
    });
  }

  async recordTransition(input: TransitionInput): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const filing = await manager.findOneOrFail(Filing, { where: { id: input.filingId }, lock: { mode: 'pessimistic_write' } });
      const target = { submitted: 'awaiting-approval', approved: 'approved', rejected: 'draft' } as const;
      if (filing.status === target[input.transition] && input.transition !== 'rejected') return;
      const now = new Date();
      if (input.transition === 'submitted') {
        await manager.update(Filing, { id: filing.id }, { status: 'awaiting-approval', submittedAt: now, updatedAt: now });
      } else {
        const already = await manager.findOneBy(FilingReview, { filingId: filing.id, revision: input.revision, reviewerId: input.actorId, decision: input.transition });
        if (already) return;
        await manager.insert(FilingReview, { id: randomUUID(), filingId: filing.id, revision: input.revision, decision: input.transition, comment: input.comment, reviewerId: input.actorId, decidedAt: now });
        await manager.update(
          Filing,
          { id: filing.id },
          input.transition === 'approved'
            ? { status: 'approved', approvedBy: input.actorId, approvedAt: now, updatedAt: now }
            : { status: 'draft', updatedAt: now },
        );
      }
      await appendAudit(manager, {
        organisationId: input.organisationId,
        incidentId: input.incidentId,
        actor: input.actorId,
        action: `filing.${input.transition}`,
        detail: { filingId: filing.id, revision: input.revision },
      });
    });
  }

  async recordFiled(input: RecordFiledInput): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const filing = await manager.findOneOrFail(Filing, { where: { id: input.filingId }, lock: { mode: 'pessimistic_write' } });
      if (filing.status === 'filed') return;
      await manager.update(
        Filing,
        { id: filing.id },
        {
          status: 'filed',
          filedAt: new Date(input.filedAt),
          filedBy: input.actorId,
          channel: input.channel,
          delayReason: input.delayReason,
          late: input.late,
          updatedAt: new Date(),
        },
      );
      await appendAudit(manager, {
        organisationId: input.organisationId,
        incidentId: input.incidentId,
        actor: input.actorId,
        action: 'filing.filed',
        detail: { filingId: filing.id, track: filing.track, kind: filing.kind, filedAt: input.filedAt, channel: input.channel, late: input.late },
      });
    });
  }

  async recordNotRequired(input: { incidentId: string; organisationId: string; track: string; reason: string; actorId: string }): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      if (await manager.existsBy(TrackDecision, { incidentId: input.incidentId, track: input.track })) return;
      await manager.insert(TrackDecision, {
        id: randomUUID(),
        incidentId: input.incidentId,
        track: input.track,
        decision: 'not-required',
        reason: input.reason,
        decidedBy: input.actorId,
        decidedAt: new Date(),
      });
      await appendAudit(manager, {
        organisationId: input.organisationId,
        incidentId: input.incidentId,
        actor: input.actorId,
        action: 'track.not-required',
        detail: { track: input.track },
      });
    });
  }

  private audit(manager: EntityManager, input: RenderDraftInput, action: string, detail: Record<string, unknown>) {
    return appendAudit(manager, { organisationId: input.organisationId, incidentId: input.incidentId, actor: input.authorId, action, detail: { filingId: input.filingId, ...detail } });
  }
}
