import { formatInstant } from '../../../domain/src/filings/format-instant.js';
import { filingLabels } from '../../../domain/src/filings/filing-labels.js';
import type { NoticeContactPoint } from '../../../domain/src/notices/notice-content.js';
import type { Notice } from '../../../persistence/src/entities/notice.entity.js';
import type { Organisation } from '../../../persistence/src/entities/organisation.entity.js';
import type { NoticeModel } from '../../../rendering/src/notice-model.js';

/** The organisation's contact point as a notice names it (Art. 34(2) with Art. 33(3)(b)). */
export const contactPointOf = (organisation: Organisation): NoticeContactPoint => ({
  name: organisation.contactName ?? undefined,
  email: organisation.contactEmail ?? undefined,
  phone: organisation.contactPhone ?? undefined,
});

/** What a notice's templates are rendered from, for one person (their name only) or for everyone. */
export function noticeModelOf(organisation: Organisation, notice: Notice, recipientName: string | null, publicUrl: string | null): NoticeModel {
  const contact = contactPointOf(organisation);
  const labels = filingLabels(notice.language === 'en' ? 'en' : 'sv');
  return {
    organisationName: organisation.legalName ?? organisation.name,
    recipientName,
    subject: notice.content.subject?.trim() || null,
    content: {
      nature: notice.content.nature ?? '',
      consequences: notice.content.consequences ?? '',
      measures: notice.content.measures ?? '',
      advice: notice.content.advice ?? '',
    },
    contact: { name: contact.name ?? organisation.name, phone: contact.phone ?? null, email: contact.email ?? null },
    publicUrl,
    publishedAt: notice.sentAt ? formatInstant(notice.sentAt.toISOString(), organisation.timeZone, labels) : null,
  };
}
