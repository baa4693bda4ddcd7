import type { FilingContext } from './filing-context.js';
import type { FilingInput, FilingLanguage, FilingSection } from './filing-input.js';
import type { FilingItemId } from './filing-item-ids.js';
import type { FilingLabels } from './filing-labels.js';

/**
 * What a track's report is, as one rule file states it: the form it follows, whose voice it
 * speaks in, its questions for a first report and how they are numbered, and whom it addresses.
 * Follow-up reports (supplements, withdrawals) are built from it the same way on every track.
 */
export interface TrackDocument {
  /** The mapping version of the form this document follows; a stored filing records it. */
  formVersion: string;
  /** Whose side the questions are asked from: the controller's (to an authority) or a processor's (to a controller). */
  voice: 'controller' | 'processor';
  /** The sections of a first report, in the recipient's order. */
  firstReport(context: FilingContext): FilingSection[];
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
}
