import type { FilingItem, FilingSection } from './filing-input.js';
import { gdprKind } from './gdpr-kind.js';
import type { TrackDocument } from './track-document.js';
import { answer, makeItem, type FilingContext } from './filing-context.js';
import {
  affectedItems,
  breachItems,
  consequenceItems,
  contactItems,
  delayReasonItem,
  makeSection,
  measureItems,
  organisationItems,
  timelineItems,
} from './filing-items.js';
import { otherSection } from './other-section.js';

/**
 * A processor's notice to a controller (Art. 33(2)): what happened, when we became aware, which of
 * the controller's data and people are concerned, what we have done, whom to contact and what will
 * follow. The controller needs the same Art. 33(3) answers for its own notification, so the items
 * are IMY's questions asked from the processor's side; it is the controller who decides on IMY and
 * on the data subjects.
 */
function processorNoticeSections(context: FilingContext): FilingSection[] {
  const sections = [
    makeSection(context, 'recipient', [makeItem(context, 'recipient.controller', answer(context.input.recipient), { required: true })]),
    makeSection(context, 'controller', organisationItems(context)),
    makeSection(context, 'contact', contactItems(context)),
    makeSection(context, 'timeline', [...timelineItems(context), delayReasonItem(context)]),
    makeSection(context, 'breach', breachItems(context)),
    makeSection(context, 'affected', affectedItems(context)),
    makeSection(context, 'consequences', consequenceItems(context)),
    makeSection(context, 'measures', measureItems(context)),
  ];
  const controllerDecides = makeItem(context, 'other.controllerDecides', context.labels.phrases.controllerDecides, { required: false });
  return [...sections, otherSection(context, sections, [controllerDecides])];
}

/** The `gdpr-art33-2` notice: no authority form, in the processor's voice, to the controller it names. */
export const PROCESSOR_NOTICE: TrackDocument = {
  formVersion: 'breachflow-art33-2-2025-02',
  voice: 'processor',
  fullReport: processorNoticeSections,
  followsUp: (kind) => kind !== 'initial',
  ownWords: (labels) => ({ items: labels.processorItems, sections: labels.processorSections }),
  questionNumber: () => undefined,
  mandatoryOnForm: () => false,
  deadlineLabel: (input, labels) => (input.organisation.processorNoticeTimeAgreed ? labels.chrome.agreedDeadline : labels.chrome.internalTarget),
  numberedInOrder: true,
  recipient: (input, labels) => input.recipient?.trim() || labels.phrases.recipientUnknown,
  title: (kind, labels) => labels.documentTitle['gdpr-art33-2'][gdprKind(kind)],
  kindLabel: (kind, labels) => labels.processorKindName[gdprKind(kind)],
};

/** A document without an authority form numbers its questions 1, 2, 3 … in order. */
export function numberSequentially(sections: FilingSection[]): FilingSection[] {
  let next = 1;
  const numbered = ({ id, ...rest }: FilingItem): FilingItem => ({ id, number: String(next++), ...rest });
  return sections.map((section) => ({ ...section, items: section.items.map(numbered) }));
}
