import type { FilingSection } from './filing-input.js';
import type { FilingContext } from './filing-context.js';
import { IMY_FORM_VERSION, IMY_MANDATORY_FIELDS, IMY_QUESTION_NUMBERS } from './imy-form-2026-11.js';
import { gdprKind } from './gdpr-kind.js';
import type { TrackDocument } from './track-document.js';
import {
  affectedItems,
  breachItems,
  consequenceItems,
  contactItems,
  delayReasonItem,
  informingItems,
  makeSection,
  measureItems,
  organisationItems,
  timelineItems,
} from './filing-items.js';
import { otherSection } from './other-section.js';

/**
 * The controller's notification to IMY (Art. 33), section by section in the order of the Swedish
 * e-service (form `imy-2026-11`), so that a person can copy it field by field.
 */
function imyReportSections(context: FilingContext): FilingSection[] {
  const sections = [
    makeSection(context, 'controller', organisationItems(context)),
    makeSection(context, 'contact', contactItems(context)),
    makeSection(context, 'timeline', [...timelineItems(context), delayReasonItem(context)]),
    makeSection(context, 'breach', breachItems(context)),
    makeSection(context, 'affected', affectedItems(context)),
    makeSection(context, 'consequences', consequenceItems(context)),
    makeSection(context, 'measures', measureItems(context)),
    makeSection(context, 'informing', informingItems(context)),
  ];
  return [...sections, otherSection(context, sections)];
}

/** The `gdpr-art33` report: IMY's e-service form, in the controller's voice. */
export const IMY_REPORT: TrackDocument = {
  formVersion: IMY_FORM_VERSION,
  voice: 'controller',
  fullReport: imyReportSections,
  followsUp: (kind) => kind !== 'initial',
  ownWords: () => ({ items: {}, sections: {} }),
  questionNumber: (id, language) => IMY_QUESTION_NUMBERS[language][id],
  mandatoryOnForm: (id) => IMY_MANDATORY_FIELDS.includes(id),
  deadlineLabel: (input, labels) => (input.kind === 'initial' ? labels.chrome.legalDeadline : labels.chrome.supplementDeadline),
  numberedInOrder: false,
  recipient: (_input, labels) => labels.authorityName,
  title: (kind, labels) => labels.documentTitle['gdpr-art33'][gdprKind(kind)],
  kindLabel: (kind, labels) => labels.kindName[gdprKind(kind)],
};
