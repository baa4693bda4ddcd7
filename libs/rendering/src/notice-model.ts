import type { NoticeLanguage } from '../../domain/src/notices/recipient-row.js';

/**
 * What a notice template is rendered from: the organisation's words and contact point, and for a
 * message to one person only that person's name. Every key is present (null when there is
 * nothing), because templates run in strict mode.
 */
export interface NoticeModel {
  organisationName: string;
  /** The one recipient's name; null in a public notice or when the file gave none. */
  recipientName: string | null;
  /** The e-mail subject a person wrote; null for the template's default. */
  subject: string | null;
  content: { nature: string; consequences: string; measures: string; advice: string };
  contact: { name: string; phone: string | null; email: string | null };
  /** The public notice's address, for an SMS to point to; null when none is published. */
  publicUrl: string | null;
  /** When the public notice was published, formatted; null before. */
  publishedAt: string | null;
}

export const NOTICE_TEMPLATE_LANGUAGES: readonly NoticeLanguage[] = ['sv', 'en', 'sv-easy'];
export const NOTICE_TEMPLATE_PARTS = ['email.subject', 'email.text', 'email.html', 'sms.text', 'public.html'] as const;
export type NoticeTemplatePart = (typeof NOTICE_TEMPLATE_PARTS)[number];

export const noticeTemplateName = (language: NoticeLanguage, part: NoticeTemplatePart): string => `notices/${language}/${part}`;
