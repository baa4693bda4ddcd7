import type { FilingLanguage, FilingTrack } from '../../../../libs/domain/src/filings/filing-input.js';
import { filingLabels } from '../../../../libs/domain/src/filings/filing-labels.js';
import { formatDuration } from '../../../../libs/domain/src/filings/format-numbers.js';
import { formatInstant as formatFilingInstant } from '../../../../libs/domain/src/filings/format-instant.js';

const TRACK_LABELS: Record<FilingTrack, Record<FilingLanguage, string>> = {
  'gdpr-art33': { sv: 'Anmälan till IMY (GDPR art. 33)', en: 'Report to IMY (GDPR Art. 33)' },
  'gdpr-art33-2': { sv: 'Underrättelse till personuppgiftsansvarig (GDPR art. 33.2)', en: 'Notice to the controller (GDPR Art. 33(2))' },
};

export const trackLabel = (track: FilingTrack, language: FilingLanguage): string => TRACK_LABELS[track][language];

/** An instant as people in the organisation read it, exactly as filings print it. */
export function formatInstant(iso: string, timeZone: string, language: FilingLanguage): string {
  return formatFilingInstant(iso, timeZone, filingLabels(language));
}

/** "18 h 30 min" left, or "overdue by 2 h 5 min". */
export function formatTimeLeft(ms: number, language: FilingLanguage): string {
  const text = formatDuration(Math.abs(ms), filingLabels(language));
  if (ms >= 0) return text;
  return language === 'sv' ? `försenad med ${text}` : `overdue by ${text}`;
}

/** `p75` → "75 %", `deadline` → the word for it; escalation keys read as their reminder. */
export function reminderLabel(key: string, language: FilingLanguage): string {
  const base = key.replace(/-escalation$/, '');
  const percent = /^p([\d.]+)$/.exec(base);
  if (percent) return `${percent[1]} %`;
  if (base === 'deadline') return language === 'sv' ? 'tidsfristen' : 'the deadline';
  return language === 'sv' ? 'efter tidsfristen' : 'after the deadline';
}
