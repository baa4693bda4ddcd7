import { isPastDeadline, timeAfterDeadline } from '../clocks/deadline.js';
import { trackLabel } from '../tracks/catalogue.js';
import type { FilingDocument, FilingHeader, FilingInput, FilingSection } from './filing-input.js';
import { contextFor, showInstant, type FilingContext } from './filing-context.js';
import { filingLabels } from './filing-labels.js';
import { answersOfTheReport, noBreachSections, supplementSections } from './follow-up-sections.js';
import { formatDuration } from './format-numbers.js';
import { missingItems } from './missing-items.js';
import { numberSequentially } from './processor-notice.js';
import { TRACK_DOCUMENTS } from './track-documents.js';

/**
 * The filing as a structured document, from which the HTML, PDF and JSON exports are made.
 * Pure and deterministic: it reads no clock (lateness is judged at `preparedAt`), and the same
 * input always gives a deep-equal document. It carries no personal data of data subjects: the
 * facts hold none, and nothing is added here.
 */
export function buildFilingDocument(input: FilingInput): FilingDocument {
  const labels = filingLabels(input.language);
  // A report is late when it is prepared after the deadline it answers; one without a deadline never is.
  const late = input.deadline !== null && isPastDeadline(input.deadline, input.preparedAt);
  const document = TRACK_DOCUMENTS[input.track];
  const context = contextFor(input, labels, late, document);
  const sections = sectionsFor(context);
  // A supplement repeats only what changed, but its checklist still sees every gap of the report.
  const outstanding = document.followsUp(input.kind) && input.kind !== 'no-breach' ? answersOfTheReport(document.fullReport(context)) : [];
  const missing = missingItems([...sections, ...outstanding]);
  return {
    formVersion: document.formVersion,
    track: input.track,
    kind: input.kind,
    language: input.language,
    title: document.title(input.kind, labels),
    incidentReference: input.incident.reference,
    preparedAt: input.preparedAt,
    deadline: input.deadline,
    late,
    sections,
    missing,
    header: headerFor(context, missing.length > 0),
  };
}

function sectionsFor(context: FilingContext): FilingSection[] {
  const { input } = context;
  const fullReport = context.document.fullReport(context);
  let sections: FilingSection[];
  if (!context.document.followsUp(input.kind)) {
    sections = fullReport;
  } else {
    // A follow-up refers to the filing it follows: without it there is nothing to supplement or withdraw.
    if (input.previous === undefined) throw new Error(`a ${input.kind} filing needs input.previous, the filing it follows`);
    sections = input.kind === 'no-breach' ? noBreachSections(context, input.previous) : supplementSections(context, input.previous, fullReport);
  }
  return context.document.numberedInOrder ? numberSequentially(sections) : sections;
}

function headerFor(context: FilingContext, anythingMissing: boolean): FilingHeader {
  const { input, labels, late } = context;
  const followsLater = input.supplementsToFollow !== undefined || input.incident.facts.occurredAt === undefined || anythingMissing;
  return {
    organisationName: input.organisation.legalName,
    recipient: context.document.recipient(input, labels),
    trackLabel: trackLabel(input.track, input.language),
    kindLabel: context.document.kindLabel(input.kind, labels),
    preparedAt: showInstant(context, input.preparedAt),
    deadlineLabel: context.document.deadlineLabel(input, labels),
    deadline: input.deadline === null ? labels.chrome.noDeadline : showInstant(context, input.deadline),
    timeZone: input.organisation.timeZone,
    ...(late && input.deadline !== null && { lateBy: formatDuration(timeAfterDeadline(input.deadline, input.preparedAt), labels) }),
    preliminary: (input.kind === 'initial' || (input.kind === 'supplement' && !input.completesReport)) && followsLater,
  };
}
