import { Inject, Injectable } from '@nestjs/common';
import { raise } from '../../../domain/src/failures.js';
import type { RecipientContact } from '../../../domain/src/notices/recipient-row.js';
import { CaseFile } from '../../../persistence/src/case-file.js';
import type { Notice } from '../../../persistence/src/entities/notice.entity.js';
import { APP_CONFIG, type AppConfig } from '../../../platform/src/config.js';
import { RecipientCipher } from '../../../platform/src/recipient-cipher.js';
import { renderLetterPdf } from '../../../rendering/src/notice-letter-pdf.js';
import { TemplateCatalog } from '../../../rendering/src/template-catalog.js';
import type { Caller } from '../caller.js';
import { NoticeMessages } from './notice-messages.js';
import { NoticeSteps } from './notice-steps.js';

export type PreviewFormat = 'html' | 'text' | 'pdf';

/** A notice as one person would receive it: the e-mail (HTML or text), the SMS, the letter (PDF), or the public page. */
@Injectable()
export class NoticePreview {
  constructor(
    @Inject(CaseFile) private readonly caseFile: CaseFile,
    @Inject(NoticeSteps) private readonly notices: NoticeSteps,
    @Inject(TemplateCatalog) private readonly templates: TemplateCatalog,
    @Inject(RecipientCipher) private readonly cipher: RecipientCipher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async render(caller: Caller, noticeId: string, recipientId: string | undefined, format: PreviewFormat): Promise<{ contentType: string; body: string | Buffer }> {
    const notice = await this.notices.owned(caller, noticeId);
    const contact = recipientId === undefined ? null : await this.contactOf(notice, recipientId);
    const organisation = await this.caseFile.read.organisations.get(caller.organisationId);
    const messages = new NoticeMessages(this.templates, organisation, notice, this.config.PUBLIC_URL, notice.publicSlug ?? (notice.channel === 'public' ? 'preview' : null));
    switch (notice.channel) {
      case 'public':
        return { contentType: 'text/html', body: messages.publicPage() };
      case 'sms':
        return { contentType: 'text/plain', body: messages.sms(contact) };
      case 'letter':
        if (format === 'pdf') return { contentType: 'application/pdf', body: await renderLetterPdf(messages.letter(contact, new Date())) };
        return format === 'html' ? { contentType: 'text/html', body: messages.email(contact).html } : { contentType: 'text/plain', body: messages.email(contact).text };
      case 'email':
        if (format === 'pdf') raise('unprocessable', 'an e-mail notice previews as html or text', 'format');
        return format === 'text' ? { contentType: 'text/plain', body: messages.email(contact).text } : { contentType: 'text/html', body: messages.email(contact).html };
    }
  }

  private async contactOf(notice: Notice, recipientId: string): Promise<RecipientContact> {
    const [recipient] = await this.caseFile.read.recipients.byIds([recipientId]);
    if (!recipient || recipient.incidentId !== notice.incidentId) raise('not-found', `recipient ${recipientId} not found for this incident`, 'recipient');
    if (!recipient.sealed || !recipient.keyId) raise('conflict', "the recipient's contact details are purged", 'recipient');
    return this.cipher.open<RecipientContact>(recipient.keyId, recipient.sealed);
  }
}
