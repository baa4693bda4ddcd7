import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Notification } from '../../../../libs/persistence/src/entities/notification.entity.js';
import type { User } from '../../../../libs/persistence/src/entities/user.entity.js';
import { Mailer } from '../../../../libs/platform/src/mail/mailer.js';
import type { RenderedEmail } from '../../../../libs/rendering/src/email-models.js';

export interface Delivery {
  organisationId: string;
  incidentId: string | null;
  /** Template name, stored as the notification's kind. */
  kind: string;
  /** Ids only (never addresses): the same key never notifies or mails twice. */
  idempotencyKey: string;
  at: Date;
  message: RenderedEmail;
}

/**
 * One message to one person: an in-app notification and an e-mail of its own, never a shared
 * recipient list. The e-mail is recorded only after the server took it, so a retry after a
 * crash may resend it (at least once, with the same Message-ID) but a completed one never is.
 */
@Injectable()
export class PersonalDelivery {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(Mailer) private readonly mailer: Mailer,
  ) {}

  async deliver(user: User, delivery: Delivery): Promise<void> {
    const { message } = delivery;
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(Notification)
      .values({
        id: randomUUID(),
        organisationId: delivery.organisationId,
        userId: user.id,
        incidentId: delivery.incidentId,
        kind: delivery.kind,
        title: message.subject,
        body: message.text,
        idempotencyKey: delivery.idempotencyKey,
        createdAt: delivery.at,
        readAt: null,
      })
      .orIgnore()
      .execute();
    const [alreadySent] = await this.dataSource.query('SELECT 1 FROM sent_emails WHERE idempotency_key = $1', [delivery.idempotencyKey]);
    if (alreadySent) return;
    const { messageId } = await this.mailer.send({ to: user.email, subject: message.subject, text: message.text, html: message.html, idempotencyKey: delivery.idempotencyKey });
    await this.dataSource.query(
      `INSERT INTO sent_emails (idempotency_key, organisation_id, incident_id, recipient_user_id, template, message_id)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
      [delivery.idempotencyKey, delivery.organisationId, delivery.incidentId, user.id, delivery.kind, messageId],
    );
  }
}
