import { formatInstant } from '../../../domain/src/filings/format-instant.js';
import { filingLabels } from '../../../domain/src/filings/filing-labels.js';
import type { RecipientContact } from '../../../domain/src/notices/recipient-row.js';
import type { Notice } from '../../../persistence/src/entities/notice.entity.js';
import type { Organisation } from '../../../persistence/src/entities/organisation.entity.js';
import type { RenderedEmail } from '../../../rendering/src/email-models.js';
import type { Letter } from '../../../rendering/src/notice-letter-pdf.js';
import type { TemplateCatalog } from '../../../rendering/src/template-catalog.js';
import { noticeModelOf } from './notice-model-of.js';
import { publicNoticeUrl } from './notice-view.js';

/**
 * What one person receives of a notice, on its channel: an e-mail, an SMS or a letter. Only that
 * person's name goes in; their address is used for the envelope and nowhere else.
 */
export class NoticeMessages {
  constructor(
    private readonly templates: TemplateCatalog,
    private readonly organisation: Organisation,
    private readonly notice: Notice,
    private readonly publicBaseUrl: string,
    /** The published public notice an SMS points to, when there is one. */
    private readonly publicSlug: string | null,
  ) {}

  private model(contact: RecipientContact | null) {
    const publicUrl = this.publicSlug ? publicNoticeUrl(this.publicBaseUrl, this.publicSlug) : null;
    return noticeModelOf(this.organisation, this.notice, contact?.name ?? null, publicUrl);
  }

  email(contact: RecipientContact | null): RenderedEmail {
    return this.templates.renderNoticeEmail(this.notice.language, this.model(contact));
  }

  sms(contact: RecipientContact | null): string {
    return this.templates.renderNoticeSms(this.notice.language, this.model(contact));
  }

  letter(contact: RecipientContact | null, at: Date): Letter {
    const message = this.email(contact);
    const organisationName = this.organisation.legalName ?? this.organisation.name;
    return {
      addressLines: contact ? [contact.name ?? '', ...(contact.postalAddress ?? '').split(/\n|,\s*/)].filter(Boolean) : [],
      sender: [organisationName, this.organisation.postalAddress].filter(Boolean).join(', '),
      date: formatInstant(at.toISOString(), this.organisation.timeZone, filingLabels(this.notice.language === 'en' ? 'en' : 'sv')).split(' ')[0]!,
      title: message.subject,
      body: message.text,
    };
  }

  publicPage(): string {
    return this.templates.renderPublicNotice(this.notice.language, this.model(null));
  }
}
