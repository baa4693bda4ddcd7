import { filingLabels } from '../../../domain/src/filings/filing-labels.js';
import { formatDuration } from '../../../domain/src/filings/format-numbers.js';
import { formatInstant as formatFilingInstant } from '../../../domain/src/filings/format-instant.js';
import type { Language } from '../../../domain/src/tracks/catalogue.js';

/** An instant as people in the organisation read it, exactly as filings print it. */
export function formatInstant(iso: string, timeZone: string, language: Language): string {
  return formatFilingInstant(iso, timeZone, filingLabels(language));
}

/** "18 h 30 min" left, or "overdue by 2 h 5 min". */
export function formatTimeLeft(ms: number, language: Language): string {
  const text = formatDuration(Math.abs(ms), filingLabels(language));
  if (ms >= 0) return text;
  return language === 'sv' ? `försenad med ${text}` : `overdue by ${text}`;
}

/** `p75` → "75 %", `deadline` → the word for it; escalation keys read as their reminder. */
export function reminderLabel(key: string, language: Language): string {
  const base = key.replace(/-escalation$/, '');
  const percent = /^p([\d.]+)$/.exec(base);
  if (percent) return `${percent[1]} %`;
  if (base === 'deadline') return language === 'sv' ? 'tidsfristen' : 'the deadline';
  return language === 'sv' ? 'efter tidsfristen' : 'after the deadline';
}
