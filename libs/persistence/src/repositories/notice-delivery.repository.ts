import { In, type EntityManager } from 'typeorm';
import type { DeliveryStatus } from '../../../domain/src/notices/notice-status.js';
import { NoticeDelivery } from '../entities/notice-delivery.entity.js';
import type { Notice } from '../entities/notice.entity.js';

export interface DeliveryCounts {
  total: number;
  queued: number;
  sent: number;
  failed: number;
  skipped: number;
}

export interface DeliveryOutcome {
  recipientId: string;
  status: Extract<DeliveryStatus, 'sent' | 'failed' | 'queued'>;
  messageId?: string;
  failure?: string;
}

/** One row per notice and person: what was sent, what failed, what is still to go. */
export class NoticeDeliveryRepository {
  constructor(private readonly manager: EntityManager) {}

  /**
   * A row per recipient the notice reaches (its channel, language and segment), once: calling it
   * again adds nobody twice. Recipients without the channel's address are not part of it.
   */
  async createFor(notice: Notice, channelOfRecipient: string): Promise<number> {
    await this.manager.query(
      `INSERT INTO notice_deliveries (notice_id, recipient_id, identity_hash, status)
       SELECT $1, r.id, r.identity_hash, 'queued' FROM notice_recipients r
        WHERE r.incident_id = $2 AND r.purged_at IS NULL AND $3 = ANY(r.channels)
          AND ($4::text IS NULL OR r.language = $4) AND ($5::text IS NULL OR r.segment = $5)
       ON CONFLICT DO NOTHING`,
      [notice.id, notice.incidentId, channelOfRecipient, notice.targetLanguage, notice.segment],
    );
    return (await this.counts(notice.id)).total;
  }

  /**
   * Takes the next recipients to send to: queued ones, and ones a crashed attempt left `sending`
   * (sent again under the same Message-ID, which the receiving side recognises).
   */
  async claim(noticeId: string, limit: number): Promise<Array<{ recipientId: string; attempts: number }>> {
    // TypeORM answers an UPDATE … RETURNING with [rows, affected].
    const [rows]: [Array<{ recipient_id: string; attempts: number }>, number] = await this.manager.query(
      `UPDATE notice_deliveries d SET status = 'sending', attempts = d.attempts + 1, updated_at = now()
        WHERE (d.notice_id, d.recipient_id) IN (
          SELECT notice_id, recipient_id FROM notice_deliveries
           WHERE notice_id = $1 AND status IN ('queued', 'sending')
           ORDER BY recipient_id LIMIT $2 FOR UPDATE SKIP LOCKED)
       RETURNING d.recipient_id, d.attempts`,
      [noticeId, limit],
    );
    return rows.map((row) => ({ recipientId: row.recipient_id, attempts: row.attempts }));
  }

  async record(noticeId: string, outcomes: readonly DeliveryOutcome[]): Promise<void> {
    if (outcomes.length === 0) return;
    await this.manager.query(
      `UPDATE notice_deliveries d SET status = o.status, message_id = COALESCE(o.message_id, d.message_id), failure = o.failure,
              sent_at = CASE WHEN o.status = 'sent' THEN now() ELSE d.sent_at END, updated_at = now()
         FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[]) AS o(recipient_id, status, message_id, failure)
        WHERE d.notice_id = $1 AND d.recipient_id = o.recipient_id AND d.status <> 'sent'`,
      [noticeId, outcomes.map((o) => o.recipientId), outcomes.map((o) => o.status), outcomes.map((o) => o.messageId ?? null), outcomes.map((o) => o.failure ?? null)],
    );
  }

  /** Failed deliveries go back in the queue (a person asked to retry them). */
  async requeueFailed(noticeId: string): Promise<number> {
    const result = await this.manager.query(`UPDATE notice_deliveries SET status = 'queued', failure = NULL, updated_at = now() WHERE notice_id = $1 AND status = 'failed'`, [noticeId]);
    return (result as [unknown, number])[1] ?? 0;
  }

  /** Whatever is still queued is skipped (a cancelled notice). */
  async skipQueued(noticeId: string): Promise<void> {
    await this.manager.query(`UPDATE notice_deliveries SET status = 'skipped', updated_at = now() WHERE notice_id = $1 AND status IN ('queued', 'sending')`, [noticeId]);
  }

  async counts(noticeId: string): Promise<DeliveryCounts> {
    const rows: Array<{ status: DeliveryStatus; count: string }> = await this.manager.query(`SELECT status, count(*) FROM notice_deliveries WHERE notice_id = $1 GROUP BY status`, [noticeId]);
    const of = (status: DeliveryStatus) => Number(rows.find((row) => row.status === status)?.count ?? 0);
    const counts = { queued: of('queued') + of('sending'), sent: of('sent'), failed: of('failed'), skipped: of('skipped') };
    return { total: counts.queued + counts.sent + counts.failed + counts.skipped, ...counts };
  }

  /** A page of deliveries; `queued` includes those being sent right now (as the counts do). */
  page(noticeId: string, limit: number, offset: number, status?: DeliveryStatus): Promise<NoticeDelivery[]> {
    const statuses = status === 'queued' ? ['queued', 'sending'] : status ? [status] : undefined;
    return this.manager.find(NoticeDelivery, { where: { noticeId, ...(statuses && { status: In(statuses) as never }) }, order: { recipientId: 'ASC' }, take: limit, skip: offset });
  }
}
