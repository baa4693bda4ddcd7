import { syllable } from 'syllable';
import type { NoticeLanguage } from './recipient-row.js';

/**
 * How easy a notice is to read, so that it is in "clear and plain language" (Art. 34(2)):
 * - Swedish: LIX (läsbarhetsindex) = words per sentence + the percentage of words longer than six
 *   letters. Under 30 is very easy, 30–40 easy (everyday news), 40–50 medium, over 50 hard. A
 *   notice warns above 40, and above 30 when it is written in easy-to-read Swedish (lättläst).
 * - English: Flesch Reading Ease = 206.835 − 1.015 × words per sentence − 84.6 × syllables per word.
 *   60–70 is plain English; a notice warns below 60.
 * The figure is a prompt for a person to rewrite, never a gate.
 */
export interface Readability {
  measure: 'lix' | 'flesch-reading-ease';
  score: number;
  /** The score is outside the documented threshold for the notice's language. */
  warning: boolean;
  threshold: number;
}

export const LIX_THRESHOLD: Readonly<Record<'sv' | 'sv-easy', number>> = { sv: 40, 'sv-easy': 30 };
export const FLESCH_THRESHOLD = 60;

const WORD = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;

function sentencesIn(text: string): number {
  return Math.max(1, text.split(/[.!?:]+(?:\s|$)|\n\s*\n/).filter((part) => part.match(WORD) !== null).length);
}

export function lix(text: string): number {
  const words = text.match(WORD) ?? [];
  if (words.length === 0) return 0;
  const long = words.filter((word) => word.replace(/[-'’]/g, '').length > 6).length;
  return round(words.length / sentencesIn(text) + (long * 100) / words.length);
}

export function fleschReadingEase(text: string): number {
  const words = text.match(WORD) ?? [];
  if (words.length === 0) return 0;
  const syllables = words.reduce((sum, word) => sum + Math.max(1, syllable(word)), 0);
  return round(206.835 - 1.015 * (words.length / sentencesIn(text)) - 84.6 * (syllables / words.length));
}

export function readabilityOf(text: string, language: NoticeLanguage): Readability {
  if (language === 'en') {
    const score = fleschReadingEase(text);
    return { measure: 'flesch-reading-ease', score, warning: score < FLESCH_THRESHOLD, threshold: FLESCH_THRESHOLD };
  }
  const score = lix(text);
  return { measure: 'lix', score, warning: score > LIX_THRESHOLD[language], threshold: LIX_THRESHOLD[language] };
}

const round = (value: number): number => Math.round(value * 10) / 10;
