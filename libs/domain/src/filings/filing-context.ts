import type { IncidentFacts } from '../incident/incident-facts.js';
import type { FilingInput, FilingItem } from './filing-input.js';
import type { Art33Point, FilingItemId } from './filing-item-ids.js';
import { itemLabel, type FilingLabels } from './filing-labels.js';
import { formatInstant } from './format-instant.js';
import type { TrackDocument } from './track-document.js';

/** What every item builder reads: the input, one facts version, the language and the lateness verdict. */
export interface FilingContext {
  input: FilingInput;
  /** The facts version the items describe: the current one, or the earlier one when diffing. */
  facts: IncidentFacts;
  labels: FilingLabels;
  late: boolean;
  /** The assessment to quote; null when the items must depend on the facts alone. */
  risk: FilingInput['risk'];
  /** The track's report: its form's numbering and voice. */
  document: TrackDocument;
}

export function contextFor(input: FilingInput, labels: FilingLabels, late: boolean, document: TrackDocument): FilingContext {
  return { input, facts: input.incident.facts, labels, late, risk: input.risk, document };
}

/** The same context reading another facts version, without the assessment (made from other facts). */
export function contextForFacts(context: FilingContext, facts: IncidentFacts): FilingContext {
  return { ...context, facts, risk: null };
}

export function showInstant(context: FilingContext, iso: string): string {
  return formatInstant(iso, context.input.organisation.timeZone, context.labels);
}

export interface ItemRequirement {
  required: boolean;
  art33Item?: Art33Point;
  suggestion?: string;
  note?: string;
  undecided?: boolean;
}

/** One answer, labelled in the track's voice and numbered as the recipient's form numbers it. */
export function makeItem(context: FilingContext, id: FilingItemId, value: string | null, requirement: ItemRequirement): FilingItem {
  const number = context.document.questionNumber(id, context.labels.language);
  return {
    id,
    ...(number !== undefined && { number }),
    label: itemLabel(context.labels, context.document, id),
    value,
    required: requirement.required,
    ...(context.document.mandatoryOnForm(id) && { mandatoryOnForm: true as const }),
    ...(requirement.art33Item !== undefined && { art33Item: requirement.art33Item }),
    ...(requirement.suggestion !== undefined && { suggestion: requirement.suggestion }),
    ...(requirement.note !== undefined && { note: requirement.note }),
    ...(requirement.undecided === true && { undecided: true as const }),
  };
}

/** A blank answer is no answer: it must show up as missing, not as an empty line. */
export function answer(text: string | undefined): string | null {
  const trimmed = text?.trim();
  return trimmed === undefined || trimmed === '' ? null : trimmed;
}
