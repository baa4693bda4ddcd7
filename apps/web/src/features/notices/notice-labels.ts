import type { NoticeView } from '../../api/response-bodies.js';
import type { Messages } from '../../i18n/messages.sv.js';

/** A notice as people name it: its channel and the language it is written in ("E-post på svenska"). */
export const noticeName = (t: Messages, notice: Pick<NoticeView, 'channel' | 'language'>): string => t.noticesSummary.name(t.noticeChannel[notice.channel], t.noticeLanguage[notice.language]);

const ADDRESS_OF = { email: 'email', sms: 'phone', letter: 'postalAddress', public: undefined } as const;

/** A masked recipient as a list shows it: the name, then the address the channel uses (every address without one); never an address in full. */
export function describeMasked(masked: Readonly<Record<string, string | undefined>>, channel?: NoticeView['channel']): string {
  const address = channel && ADDRESS_OF[channel];
  const addresses = address ? [masked[address]] : [masked.email, masked.phone, masked.postalAddress];
  return [masked.name, ...addresses].filter(Boolean).join(', ') || '–';
}
