import type { NoticeView } from '../../api/response-bodies.js';
import type { Messages } from '../../i18n/messages.sv.js';
import type { NoticeMessages } from '../../i18n/notices.sv.js';

/** A notice as people name it: its channel and the language it is written in ("E-post på svenska"). */
export const noticeName = (t: Messages, notice: Pick<NoticeView, 'channel' | 'language'>): string => t.noticesSummary.name(t.noticeChannel[notice.channel], t.noticeLanguage[notice.language]);

const ADDRESS_OF = { email: 'email', sms: 'phone', letter: 'postalAddress', public: undefined } as const;

/** A masked recipient as a list shows it: the name, then the address the channel uses (every address without one); never an address in full. */
export function describeMasked(masked: Readonly<Record<string, string | undefined>>, channel?: NoticeView['channel']): string {
  const address = channel && ADDRESS_OF[channel];
  const addresses = address ? [masked[address]] : [masked.email, masked.phone, masked.postalAddress];
  return [masked.name, ...addresses].filter(Boolean).join(', ') || '–';
}

/** Whom a notice goes to: everyone, the recipients of one language ("English (en)", as the file names it), one segment; a public notice to anyone. */
export function audienceOf(t: Messages, m: NoticeMessages, notice: Pick<NoticeView, 'channel' | 'targetLanguage' | 'segment'>): string {
  if (notice.channel === 'public') return m.notices.anyone;
  const language = notice.targetLanguage ? m.notices.languageOnly(`${t.noticeLanguage[notice.targetLanguage]} (${notice.targetLanguage})`) : m.notices.everyone;
  return [language, notice.segment && m.notices.segmentOnly(notice.segment)].filter(Boolean).join(', ');
}
