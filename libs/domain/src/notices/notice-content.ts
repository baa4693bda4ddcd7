import type { NoticeLanguage } from './recipient-row.js';

/** How a notice reaches people. */
export const NOTICE_CHANNELS = ['email', 'letter', 'sms', 'public'] as const;
export type NoticeChannel = (typeof NOTICE_CHANNELS)[number];

/**
 * What a person writes into a notice (Art. 34(2) with Art. 33(3)(b)-(d)): what happened in plain
 * words, what it may mean for the person, what the organisation has done and will do, and what
 * the person can do. The contact point comes from the organisation's settings.
 */
export interface NoticeContent {
  /** The nature of the breach, in plain words. */
  nature?: string;
  /** The likely consequences for the person. */
  consequences?: string;
  /** The measures taken or proposed, including to mitigate its effects. */
  measures?: string;
  /** What the person can do to protect themselves. */
  advice?: string;
  /** The subject line of an e-mail (a default is used when absent). */
  subject?: string;
}

export interface NoticeContactPoint {
  name?: string;
  email?: string;
  phone?: string;
}

export const ART34_CONTENT = ['nature', 'consequences', 'measures', 'advice', 'contactPoint'] as const;
export type Art34ContentItem = (typeof ART34_CONTENT)[number];

const given = (value: string | undefined): boolean => value !== undefined && value.trim() !== '';

/**
 * What Art. 34(2) asks of every notice that is still missing. An SMS carries only a pointer (to the
 * public notice or a phone line) and never health details, so its checklist is the pointer.
 */
export function missingArt34Content(channel: NoticeChannel, content: NoticeContent, contact: NoticeContactPoint): Art34ContentItem[] {
  const missing: Art34ContentItem[] = [];
  if (channel !== 'sms') for (const item of ['nature', 'consequences', 'measures', 'advice'] as const) if (!given(content[item])) missing.push(item);
  const reachable = given(contact.email) || given(contact.phone);
  if (!given(contact.name) || !reachable) missing.push('contactPoint');
  return missing;
}

/** The text readability is measured on: what the person reads besides the fixed wording. */
export function readableText(content: NoticeContent): string {
  return [content.nature, content.consequences, content.measures, content.advice].filter(given).join('\n\n');
}

export const noticeLanguageOf = (language: string | null | undefined): NoticeLanguage => (language === 'en' || language === 'sv-easy' ? language : 'sv');
