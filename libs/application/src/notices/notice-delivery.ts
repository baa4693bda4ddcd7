import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { RecipientContact } from '../../../domain/src/notices/recipient-row.js';
import { CaseFile } from '../../../persistence/src/case-file.js';
import type { Notice } from '../../../persistence/src/entities/notice.entity.js';
import type { DeliveryOutcome } from '../../../persistence/src/repositories/notice-delivery.repository.js';
import { APP_CONFIG, type AppConfig } from '../../../platform/src/config.js';
import { mailFailureOf } from '../../../platform/src/mail/mail-failure.js';
import { Mailer } from '../../../platform/src/mail/mailer.js';
import { RecipientCipher } from '../../../platform/src/recipient-cipher.js';
import { SMS_TRANSPORT, SmsDeliveryError, type SmsTransport } from '../../../platform/src/sms/sms-transport.js';
import { TemplateCatalog } from '../../../rendering/src/template-catalog.js';
import type { BeginDeliveryInput, DeliverBatchInput, DeliverBatchResult, NoticeStatusInput } from '../../../../workflows/activity-contracts.js';
import { NoticeMessages } from './notice-messages.js';

/** Messages in flight at once; the SMTP pool has its own connection limit behind it. */
const CONCURRENCY = 8;
/**
 * Each outcome is written as soon as the server has answered: a worker killed between the
 * server's acceptance and this record is the one case where a message is sent again (with the
 * same Message-ID), so that window is kept to one round trip to the database.
 */
const RECORD_EVERY = 1;
/** A temporary failure (4xx, no connection) is retried this many times before it counts as failed. */
const MAX_ATTEMPTS = 5;

/** Which recipients a channel reaches: those with that kind of address. */
const RECIPIENT_CHANNEL = { email: 'email', sms: 'sms', letter: 'letter' } as const;

class TemporaryDeliveryFailure extends Error {
  override readonly name = 'TemporaryDeliveryFailure';
}

/**
 * The worker's side of sending a notice: queue the deliveries once, then send batch after batch,
 * each message to one person with a Message-ID derived from notice and recipient ids, recording
 * each outcome as soon as it is known. Permanent failures (a refused address) are recorded and
 * skipped; temporary ones are retried with backoff by failing the activity attempt after the
 * batch's successes are recorded.
 */
@Injectable()
export class NoticeDelivery {
  constructor(
    @Inject(CaseFile) private readonly caseFile: CaseFile,
    @Inject(RecipientCipher) private readonly cipher: RecipientCipher,
    @Inject(TemplateCatalog) private readonly templates: TemplateCatalog,
    @Inject(Mailer) private readonly mailer: Mailer,
    @Inject(SMS_TRANSPORT) private readonly sms: SmsTransport,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async begin(input: BeginDeliveryInput): Promise<{ total: number }> {
    return this.caseFile.transaction(async (repositories) => {
      const notice = await repositories.notices.get(input.noticeId);
      if (notice.status === 'approved') {
        const now = new Date();
        // A public notice is published: its page gets a stable, unguessable address.
        const publicSlug = notice.channel === 'public' ? (notice.publicSlug ?? randomBytes(12).toString('base64url')) : notice.publicSlug;
        await repositories.notices.update(notice.id, { status: 'sending', sendStartedAt: now, publicSlug, updatedAt: now });
        await repositories.audit.append({ organisationId: notice.organisationId, incidentId: notice.incidentId, actor: input.actorId, action: 'notice.sending', detail: { noticeId: notice.id, channel: notice.channel } });
      }
      if (notice.channel === 'public') return { total: 0 };
      return { total: await repositories.deliveries.createFor(notice, RECIPIENT_CHANNEL[notice.channel]) };
    });
  }

  /** `alive` is called as the batch progresses (the worker turns it into a Temporal heartbeat). */
  async deliverBatch(input: DeliverBatchInput, alive: () => void = () => undefined): Promise<DeliverBatchResult> {
    const repositories = this.caseFile.read;
    const notice = await repositories.notices.get(input.noticeId);
    if (notice.channel === 'public') return { sent: 0, failed: 0, remaining: 0 };
    const claimed = await repositories.deliveries.claim(notice.id, input.batchSize);
    const recipients = new Map((await repositories.recipients.byIds(claimed.map((claim) => claim.recipientId))).map((recipient) => [recipient.id, recipient]));
    const organisation = await repositories.organisations.get(notice.organisationId);
    const publicSlug = await this.publishedSlug(notice);
    const messages = new NoticeMessages(this.templates, organisation, notice, this.config.PUBLIC_URL, publicSlug);

    let pending: DeliveryOutcome[] = [];
    const flush = async () => {
      const outcomes = pending;
      pending = [];
      await repositories.deliveries.record(notice.id, outcomes);
      alive();
    };
    let sent = 0;
    let failed = 0;
    let temporary = 0;
    const queue = [...claimed];
    const worker = async () => {
      for (let claim = queue.shift(); claim !== undefined; claim = queue.shift()) {
        const recipient = recipients.get(claim.recipientId);
        const outcome = await this.deliverOne(notice, messages, claim.recipientId, recipient?.keyId && recipient.sealed ? this.cipher.open<RecipientContact>(recipient.keyId, recipient.sealed) : null, claim.attempts);
        if (outcome.status === 'sent') sent += 1;
        else if (outcome.status === 'failed') failed += 1;
        else temporary += 1;
        pending.push(outcome);
        if (pending.length >= RECORD_EVERY) await flush();
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, claimed.length) }, worker));
    await flush();
    // Successes are recorded; the temporary failures go back to the queue and the attempt fails, so Temporal backs off.
    if (temporary > 0) throw new TemporaryDeliveryFailure(`${temporary} deliveries failed temporarily; they are retried`);
    const { queued } = await repositories.deliveries.counts(notice.id);
    return { sent, failed, remaining: queued };
  }

  async recordStatus(input: NoticeStatusInput): Promise<void> {
    await this.caseFile.transaction(async (repositories) => {
      const notice = await repositories.notices.get(input.noticeId);
      if (notice.status === input.status) return;
      const now = new Date();
      await repositories.notices.update(notice.id, { status: input.status, ...(input.status === 'sent' && { sentAt: now }), updatedAt: now });
      if (input.status === 'cancelled') await repositories.deliveries.skipQueued(notice.id);
      const counts = await repositories.deliveries.counts(notice.id);
      await repositories.audit.append({ organisationId: notice.organisationId, incidentId: notice.incidentId, actor: input.actorId, action: `notice.${input.status === 'sending' ? 'resumed' : input.status}`, detail: { noticeId: notice.id, ...counts } });
    });
  }

  private async deliverOne(notice: Notice, messages: NoticeMessages, recipientId: string, contact: RecipientContact | null, attempts: number): Promise<DeliveryOutcome> {
    const idempotencyKey = `notice:${notice.id}:${recipientId}`;
    if (contact === null) return { recipientId, status: 'failed', failure: 'contact-details-purged' };
    try {
      switch (notice.channel) {
        case 'email': {
          if (!contact.email) return { recipientId, status: 'failed', failure: 'no-email-address' };
          const message = messages.email(contact);
          const { messageId } = await this.mailer.send({ to: contact.email, subject: message.subject, text: message.text, html: message.html, idempotencyKey, headers: { 'Auto-Submitted': 'auto-generated' } });
          return { recipientId, status: 'sent', messageId };
        }
        case 'sms': {
          if (!contact.phone) return { recipientId, status: 'failed', failure: 'no-phone-number' };
          const { providerId } = await this.sms.send({ to: contact.phone, text: messages.sms(contact), idempotencyKey });
          return { recipientId, status: 'sent', messageId: providerId };
        }
        case 'letter':
          // Released to the print batch (GET /api/notices/:id/letters): each letter is laid out there.
          return contact.postalAddress ? { recipientId, status: 'sent', messageId: `letter:${recipientId}` } : { recipientId, status: 'failed', failure: 'no-postal-address' };
        case 'public':
          return { recipientId, status: 'failed', failure: 'public-notice-has-no-recipients' };
      }
    } catch (error) {
      // Read as every e-mail path reads it (mailFailureOf), so a refused address means the same here as in a reminder.
      const mail = mailFailureOf(error);
      const permanent = mail?.permanent ?? (error instanceof SmsDeliveryError && error.permanent);
      const code = mail?.code ?? (error instanceof SmsDeliveryError ? error.code : (error as Error).name);
      if (permanent || attempts >= MAX_ATTEMPTS) return { recipientId, status: 'failed', failure: permanent ? code : `${code} (${attempts} attempts)` };
      return { recipientId, status: 'queued', failure: code };
    }
  }

  /** The public notice of the same incident that an SMS points to, once published. */
  private async publishedSlug(notice: Notice): Promise<string | null> {
    if (notice.channel !== 'sms') return notice.publicSlug;
    const published = (await this.caseFile.read.notices.ofIncident(notice.incidentId)).filter((candidate) => candidate.channel === 'public' && candidate.publicSlug !== null && candidate.status === 'sent');
    return published.at(-1)?.publicSlug ?? null;
  }
}
