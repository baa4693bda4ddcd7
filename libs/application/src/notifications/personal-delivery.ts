import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CaseFile } from '../../../persistence/src/case-file.js';
import type { User } from '../../../persistence/src/entities/user.entity.js';
import type { EmailOutcome } from '../../../persistence/src/repositories/notification.repository.js';
import { APP_CONFIG, type AppConfig } from '../../../platform/src/config.js';
import { mailFailureOf } from '../../../platform/src/mail/mail-failure.js';
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
 *
 * An address the server refuses for good (550 mailbox unavailable, or one the mailer will not
 * send to) is recorded as refused under the same key and never tried again for this message:
 * the person still has the in-app notification. A temporary failure is thrown, for the activity
 * to retry; one that is about this recipient alone (a 4xx to RCPT TO) is recorded as refused once
 * the activity has tried STAFF_MAIL_DEFERRED_ATTEMPTS times, so it cannot hold up what follows.
 */
@Injectable()
export class PersonalDelivery {
  private readonly log = new Logger(PersonalDelivery.name);

  constructor(
    @Inject(CaseFile) private readonly caseFile: CaseFile,
    @Inject(Mailer) private readonly mailer: Mailer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** `attempt`: which attempt of the sending activity this is (1 the first time). */
  async deliver(user: User, delivery: Delivery, attempt: number): Promise<EmailOutcome> {
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
    const settled = await notifications.emailOutcome(delivery.idempotencyKey);
    if (settled !== null) return settled;
    const record = { idempotencyKey: delivery.idempotencyKey, organisationId: delivery.organisationId, incidentId: delivery.incidentId, recipientUserId: user.id, template: delivery.kind };
    let messageId: string;
    try {
      ({ messageId } = await this.mailer.send({ to: user.email, subject: message.subject, text: message.text, html: message.html, idempotencyKey: delivery.idempotencyKey }));
    } catch (error) {
      const failure = mailFailureOf(error);
      if (failure === null) throw error;
      const givenUp = !failure.permanent && failure.recipientDeferred && attempt >= this.config.STAFF_MAIL_DEFERRED_ATTEMPTS;
      if (!failure.permanent && !givenUp) throw error;
      // Worded as Art. 34 deliveries word a temporary failure given up on.
      const code = givenUp ? `${failure.code} (${attempt} attempts)` : failure.code;
      if (await notifications.recordEmailRefused({ ...record, failure: code, responseCode: failure.responseCode })) {
        // Ids and codes only: the address is the person's, and logs outlive their purpose.
        this.log.warn(`e-mail ${delivery.idempotencyKey} to user ${user.id} refused for good (${code}); not retried`);
      }
      return { outcome: 'refused', failure: code };
    }
    await notifications.recordEmailSent({ ...record, messageId });
    return { outcome: 'sent' };
  }
}
