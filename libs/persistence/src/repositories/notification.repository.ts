import { IsNull, type EntityManager } from 'typeorm';
import { Notification } from '../entities/notification.entity.js';

export interface SentEmail {
  idempotencyKey: string;
  organisationId: string;
  incidentId: string | null;
  recipientUserId: string;
  template: string;
  messageId: string;
}

/** An e-mail the server or the mailer refused for good: codes only, never the address or the reply text. */
export interface RefusedEmail {
  idempotencyKey: string;
  organisationId: string;
  incidentId: string | null;
  recipientUserId: string;
  template: string;
  /** E.g. `EENVELOPE RCPT TO 550`. */
  failure: string;
  responseCode: number | null;
}

/** What became of the e-mail under a key: either ends its sending for good. */
export type EmailOutcome = { outcome: 'sent' } | { outcome: 'refused'; failure: string };

/** In-app notifications of each person, and the record of e-mails sent (by idempotency key, never by address). */
export class NotificationRepository {
  constructor(private readonly manager: EntityManager) {}

  /** Inserts the notification unless one with its idempotency key exists. */
  async insertOnce(notification: Notification): Promise<void> {
    await this.manager.createQueryBuilder().insert().into(Notification).values(notification).orIgnore().execute();
  }

  ofUser(userId: string, options: { unreadOnly: boolean; limit: number }): Promise<Notification[]> {
    return this.manager.find(Notification, {
      where: { userId, ...(options.unreadOnly ? { readAt: IsNull() } : {}) },
      order: { createdAt: 'DESC' },
      take: options.limit,
    });
  }

  /** Marks the user's notification read; false when the user has no such notification. */
  async markRead(userId: string, id: string, at: Date): Promise<boolean> {
    const result = await this.manager.update(Notification, { id, userId, readAt: IsNull() }, { readAt: at });
    return (result.affected ?? 0) > 0 || (await this.manager.existsBy(Notification, { id, userId }));
  }

  /** Sent, refused (with its codes), or null while the e-mail is still to be sent. */
  async emailOutcome(idempotencyKey: string): Promise<EmailOutcome | null> {
    const [row]: Array<{ outcome: 'sent' | 'refused'; failure: string | null }> = await this.manager.query(
      `SELECT 'sent' AS outcome, NULL AS failure FROM sent_emails WHERE idempotency_key = $1
       UNION ALL SELECT 'refused', failure FROM refused_emails WHERE idempotency_key = $1 LIMIT 1`,
      [idempotencyKey],
    );
    if (row === undefined) return null;
    return row.outcome === 'sent' ? { outcome: 'sent' } : { outcome: 'refused', failure: row.failure ?? '' };
  }

  async recordEmailSent(sent: SentEmail): Promise<void> {
    await this.manager.query(
      `INSERT INTO sent_emails (idempotency_key, organisation_id, incident_id, recipient_user_id, template, message_id)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
      [sent.idempotencyKey, sent.organisationId, sent.incidentId, sent.recipientUserId, sent.template, sent.messageId],
    );
  }

  /** Records the refusal once; true when this call recorded it (a retry finds it recorded). */
  async recordEmailRefused(refused: RefusedEmail): Promise<boolean> {
    const rows: unknown[] = await this.manager.query(
      `INSERT INTO refused_emails (idempotency_key, organisation_id, incident_id, recipient_user_id, template, failure, response_code)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING idempotency_key`,
      [refused.idempotencyKey, refused.organisationId, refused.incidentId, refused.recipientUserId, refused.template, refused.failure, refused.responseCode],
    );
    return rows.length > 0;
  }
}
