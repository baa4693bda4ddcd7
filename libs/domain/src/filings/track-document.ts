import type { FilingContext } from './filing-context.js';
import type { FilingInput, FilingKind, FilingLanguage, FilingSection } from './filing-input.js';
import type { FilingItemId, FilingSectionId } from './filing-item-ids.js';
import type { FilingLabels } from './filing-labels.js';

/** The questions and section headings a track words its own way; the rest read as the shared (IMY) wording. */
export interface TrackWords {
  items: Partial<Record<FilingItemId, string>>;
  sections: Partial<Record<FilingSectionId, string>>;
  /** The preliminary note and the checklist's intro, where the GDPR wording (Art. 33(3)-(4)) does not fit. */
  preliminary?: string;
  checklistIntro?: string;
}

/**
 * What a track's report is, as one rule file states it: the form it follows, whose voice it
 * speaks in, its questions and how they are numbered, and whom it addresses. The GDPR tracks'
 * follow-ups (supplements, withdrawals) are built from the first report the same way on each;
 * a track whose every report stands on its own (NIS2's stages) builds them all itself.
 */
export interface TrackDocument {
  /** The mapping version of the form this document follows; a stored filing records it. */
  formVersion: string;
  /** Whose side the questions are asked from: the controller's (to an authority) or a processor's (to a controller). */
  voice: 'controller' | 'processor';
  /** The sections of a full report of the input's kind (for a follow-up: of the first report), in the recipient's order. */
  fullReport(context: FilingContext): FilingSection[];
  /** The kind is a follow-up that repeats only what changed since the filing it follows. */
  followsUp(kind: FilingKind): boolean;
  /** Questions and headings in the track's own words. */
  ownWords(labels: FilingLabels): TrackWords;
  /** The number the recipient's form gives a question in this language; undefined where none was confirmed. */
  questionNumber(id: FilingItemId, language: FilingLanguage): string | undefined;
  /** The recipient's form marks the question mandatory (as confirmed on the form). */
  mandatoryOnForm(id: FilingItemId): boolean;
  /** What the header calls the deadline (legal, agreed or an internal target). */
  deadlineLabel(input: FilingInput, labels: FilingLabels): string;
  /** No authority form to follow: the questions are numbered 1, 2, 3 … in order. */
  numberedInOrder: boolean;
  /** Whom the report addresses, as the header names it. */
  recipient(input: FilingInput, labels: FilingLabels): string;
  /** The document's title for a kind of report. */
  title(kind: FilingKind, labels: FilingLabels): string;
  /** What the kind of report is called on this track. */
  kindLabel(kind: FilingKind, labels: FilingLabels): string;
}
