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

  async emailSent(idempotencyKey: string): Promise<boolean> {
    const [row] = await this.manager.query('SELECT 1 FROM sent_emails WHERE idempotency_key = $1', [idempotencyKey]);
    return row !== undefined;
  }

  async recordEmailSent(sent: SentEmail): Promise<void> {
    await this.manager.query(
      `INSERT INTO sent_emails (idempotency_key, organisation_id, incident_id, recipient_user_id, template, message_id)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
      [sent.idempotencyKey, sent.organisationId, sent.incidentId, sent.recipientUserId, sent.template, sent.messageId],
    );
  }
}
