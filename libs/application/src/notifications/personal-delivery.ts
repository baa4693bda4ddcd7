import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CaseFile } from '../../../persistence/src/case-file.js';
import type { User } from '../../../persistence/src/entities/user.entity.js';
import { Mailer } from '../../../platform/src/mail/mailer.js';
import type { RenderedEmail } from '../../../rendering/src/email-models.js';

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
    @Inject(CaseFile) private readonly caseFile: CaseFile,
    @Inject(Mailer) private readonly mailer: Mailer,
  ) {}

  async deliver(user: User, delivery: Delivery): Promise<void> {
    const { message } = delivery;
    const notifications = this.caseFile.read.notifications;
    await notifications.insertOnce({
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
    });
    if (await notifications.emailSent(delivery.idempotencyKey)) return;
    const { messageId } = await this.mailer.send({ to: user.email, subject: message.subject, text: message.text, html: message.html, idempotencyKey: delivery.idempotencyKey });
    await notifications.recordEmailSent({
      idempotencyKey: delivery.idempotencyKey,
      organisationId: delivery.organisationId,
      incidentId: delivery.incidentId,
      recipientUserId: user.id,
      template: delivery.kind,
      messageId,
    });
  }
}
