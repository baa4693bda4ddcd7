import type { FilingDocument, FilingHeader, FilingInput, FilingSection } from './filing-input.js';
import { contextFor, showInstant, type FilingContext } from './filing-context.js';
import { filingLabels } from './filing-labels.js';
import { noBreachSections, supplementSections } from './follow-up-sections.js';
import { formatDuration } from './format-numbers.js';
import { imyReportSections } from './imy-report.js';
import { IMY_FORM_VERSION } from './imy-form-2025-02.js';
import { isLate, lateByMs } from './lateness.js';
import { missingItems } from './missing-items.js';
import { numberSequentially, processorNoticeSections } from './processor-notice.js';

/** The processor's notice follows no authority form; its version names our own layout. */
export const PROCESSOR_NOTICE_VERSION = 'breachflow-art33-2-2025-02';

/**
 * The filing as a structured document, from which the HTML, PDF and JSON exports are made.
 * Pure and deterministic: it reads no clock (lateness is judged at `preparedAt`), and the same
 * input always gives a deep-equal document. It carries no personal data of data subjects: the
 * facts hold none, and nothing is added here.
 */
export function buildFilingDocument(input: FilingInput): FilingDocument {
  const labels = filingLabels(input.language);
  const late = isLate(input.preparedAt, input.deadline);
  const context = contextFor(input, labels, late);
  const sections = sectionsFor(context);
  const missing = missingItems(sections);
  return {
    formVersion: input.track === 'gdpr-art33' ? IMY_FORM_VERSION : PROCESSOR_NOTICE_VERSION,
    track: input.track,
    kind: input.kind,
    language: input.language,
    title: labels.documentTitle[input.track][input.kind],
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
  const fullReport = input.track === 'gdpr-art33' ? imyReportSections(context) : processorNoticeSections(context);
  let sections: FilingSection[];
  if (input.kind === 'initial') {
    sections = fullReport;
  } else {
    // A follow-up refers to the filing it follows: without it there is nothing to supplement or withdraw.
    if (input.previous === undefined) throw new Error(`a ${input.kind} filing needs input.previous, the filing it follows`);
    sections = input.kind === 'no-breach' ? noBreachSections(context, input.previous) : supplementSections(context, input.previous, fullReport);
  }
  return input.track === 'gdpr-art33-2' ? numberSequentially(sections) : sections;
}

function headerFor(context: FilingContext, anythingMissing: boolean): FilingHeader {
  const { input, labels, late } = context;
  const followsLater = input.informationToFollow !== undefined || input.incident.facts.occurredAt === undefined || anythingMissing;
  return {
    organisationName: input.organisation.legalName,
    recipient: input.track === 'gdpr-art33' ? labels.authorityName : (input.recipient?.trim() || labels.phrases.recipientUnknown),
    trackLabel: labels.trackName[input.track],
    kindLabel: labels.kindName[input.kind],
    preparedAt: showInstant(context, input.preparedAt),
    deadline: showInstant(context, input.deadline),
    timeZone: input.organisation.timeZone,
    ...(late && { lateBy: formatDuration(lateByMs(input.preparedAt, input.deadline), labels) }),
    preliminary: (input.kind === 'initial' || input.kind === 'supplement') && followsLater,
  };
}
