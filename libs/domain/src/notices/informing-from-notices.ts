import type { InformingDataSubjects } from '../incident/incident-facts.js';
import { formatCount } from '../filings/format-numbers.js';
import { filingLabels } from '../filings/filing-labels.js';
import type { Language } from '../tracks/catalogue.js';
import type { ExceptionProposal } from './art34-exception.js';
import type { NoticeChannel } from './notice-content.js';

/** What the Art. 34 track holds, as the IMY report asks it. */
export interface Art34TrackSummary {
  /** Notices sent, each with when it went out and to how many. */
  sent: Array<{ channel: NoticeChannel; sentAt: string; delivered: number }>;
  /** A notice approved or going out, not yet sent. */
  underway: boolean;
  /** An approved Art. 34(3) exception. */
  exception?: ExceptionProposal;
}

const CHANNEL_WORDS: Readonly<Record<Language, Record<NoticeChannel, (count: string) => string>>> = {
  sv: {
    email: (count) => `e-post till var och en (${count} mottagare)`,
    letter: (count) => `brev till var och en (${count} mottagare)`,
    sms: (count) => `sms till var och en (${count} mottagare) med hänvisning till mer information`,
    public: () => 'offentligt meddelande på vår webbplats',
  },
  en: {
    email: (count) => `e-mail to each person (${count} recipients)`,
    letter: (count) => `a letter to each person (${count} recipients)`,
    sms: (count) => `a text message to each person (${count} recipients) pointing to more information`,
    public: () => 'a public notice on our website',
  },
};

/**
 * The Art. 34 answers of the IMY report (informed? when? how? why not?) from the notices track:
 * sent notices make "informed" with the first sending and every channel used; an approved
 * exception makes "will not inform" with its ground; a notice on its way makes "will inform".
 * Undefined when the track holds nothing yet, so the facts' own answer stands.
 */
export function informingFromNotices(summary: Art34TrackSummary, language: Language): InformingDataSubjects | undefined {
  if (summary.sent.length > 0) {
    const labels = filingLabels(language);
    const first = summary.sent.reduce((earliest, notice) => (notice.sentAt < earliest ? notice.sentAt : earliest), summary.sent[0]!.sentAt);
    const how = summary.sent.map((notice) => CHANNEL_WORDS[language][notice.channel](formatCount(notice.delivered, labels))).join('; ');
    return { decision: 'informed', informedAt: first, how: how.charAt(0).toUpperCase() + how.slice(1) };
  }
  if (summary.exception) return { decision: 'will-not-inform', ground: summary.exception.ground, reason: summary.exception.reason };
  if (summary.underway) return { decision: 'will-inform' };
  return undefined;
}
