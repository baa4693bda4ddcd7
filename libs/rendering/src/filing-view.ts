import type { FilingDocument, FilingHeader, FilingItem } from '../../domain/src/filings/filing-input.js';
import { filingLabels, type FilingLabels } from '../../domain/src/filings/filing-labels.js';
import { formatInstant } from '../../domain/src/filings/format-instant.js';
import { formatDuration } from '../../domain/src/filings/format-numbers.js';
import { timeAfterDeadline } from '../../domain/src/clocks/deadline.js';
import { TRACK_DOCUMENTS } from '../../domain/src/filings/track-documents.js';
import { TRACK_CATALOGUE, trackLabel } from '../../domain/src/tracks/catalogue.js';

// What the HTML templates and the PDF both lay out. Every key is always present (null when there
// is nothing to show), because the templates run in strict mode and a missing key is an error.

export interface FilingItemView {
  number: string | null;
  label: string;
  value: string | null;
  /** breachflow's checklist asks for it: unanswered, it reads "not answered". */
  required: boolean;
  /** The recipient's form marks it mandatory (shown as a tag). */
  mandatoryOnForm: boolean;
  suggestion: string | null;
  note: string | null;
  art33: string | null;
  changed: boolean;
  previousValue: string | null;
}

export interface FilingView {
  language: FilingDocument['language'];
  track: FilingDocument['track'];
  kind: FilingDocument['kind'];
  title: string;
  incidentReference: string;
  formVersion: string;
  header: Required<Omit<FilingHeader, 'lateBy'>>;
  preliminaryNote: string | null;
  /** Lateness; `reasonOwed` when the track owes written reasons for a delay (Art. 33(1)). */
  late: { title: string; intro: string; reason: string | null; reasonOwed: boolean } | null;
  checklist: { title: string; intro: string };
  missing: Array<{ label: string; art33: string | null }>;
  sections: Array<{ title: string; items: FilingItemView[] }>;
  /** Words the shared partials need, in the document's language. */
  words: { notAnswered: string; noAnswer: string; previousValue: string; currentValue: string; required: string; suggestion: string };
}

export function filingView(document: FilingDocument): FilingView {
  const labels = filingLabels(document.language);
  const header = document.header ?? fallbackHeader(document, labels);
  const art33 = (point: FilingItem['art33Item']): string | null => (point === undefined ? null : labels.chrome.art33Reference(point));
  const delayReason = document.sections.flatMap((section) => section.items).find((item) => item.id === 'timeline.delayReason');
  const words = TRACK_DOCUMENTS[document.track].ownWords(labels);
  const lateBy = header.lateBy ?? (document.deadline === null ? '' : formatDuration(timeAfterDeadline(document.deadline, document.preparedAt), labels));
  return {
    language: document.language,
    track: document.track,
    kind: document.kind,
    title: document.title,
    incidentReference: document.incidentReference,
    formVersion: document.formVersion,
    header: {
      organisationName: header.organisationName,
      recipient: header.recipient,
      trackLabel: header.trackLabel,
      kindLabel: header.kindLabel,
      preparedAt: header.preparedAt,
      deadlineLabel: header.deadlineLabel ?? labels.chrome.headerDeadline,
      deadline: header.deadline,
      timeZone: header.timeZone,
      preliminary: header.preliminary,
    },
    preliminaryNote: header.preliminary ? (words.preliminary ?? labels.chrome.preliminary) : null,
    late: document.late ? lateView(document, labels, lateBy, delayReason?.value ?? null) : null,
    checklist: { title: labels.chrome.missingTitle, intro: words.checklistIntro ?? labels.chrome.missingIntro },
    missing: document.missing.map((entry) => ({ label: entry.label, art33: art33(entry.art33Item) })),
    sections: document.sections.map((section) => ({
      title: section.title,
      items: section.items.map((item) => ({
        number: item.number ?? null,
        label: item.label,
        value: item.value,
        required: item.required,
        mandatoryOnForm: item.mandatoryOnForm === true,
        suggestion: item.suggestion ?? null,
        note: item.note ?? null,
        art33: art33(item.art33Item),
        changed: item.previousValue !== undefined,
        previousValue: item.previousValue ?? null,
      })),
    })),
    words: {
      notAnswered: labels.chrome.notAnswered,
      noAnswer: labels.chrome.noAnswer,
      previousValue: labels.chrome.previousValue,
      currentValue: labels.chrome.currentValue,
      required: labels.chrome.required,
      suggestion: labels.chrome.suggestion,
    },
  };
}

/** A document stored before headers existed: show its instants in UTC rather than guess a zone. */
function fallbackHeader(document: FilingDocument, labels: FilingLabels): FilingHeader {
  const sender = document.sections.flatMap((section) => section.items).find((item) => item.id === 'controller.name');
  return {
    organisationName: sender?.value ?? '',
    recipient: TRACK_DOCUMENTS[document.track].voice === 'controller' ? labels.authorityName : labels.phrases.recipientUnknown,
    trackLabel: trackLabel(document.track, document.language),
    kindLabel: TRACK_DOCUMENTS[document.track].kindLabel(document.kind, labels),
    preparedAt: formatInstant(document.preparedAt, 'UTC', labels),
    deadline: document.deadline === null ? labels.chrome.noDeadline : formatInstant(document.deadline, 'UTC', labels),
    timeZone: 'UTC',
    preliminary: document.missing.length > 0 && (document.kind === 'initial' || document.kind === 'supplement'),
  };
}

function lateView(document: FilingDocument, labels: FilingLabels, lateBy: string, reason: string | null): NonNullable<FilingView['late']> {
  const reasonOwed = TRACK_CATALOGUE[document.track].delayReasonWhenLate;
  return reasonOwed
    ? { title: labels.chrome.lateTitle, intro: labels.chrome.lateIntro(lateBy), reason, reasonOwed }
    : { title: labels.chrome.lateTitleNoReasonOwed, intro: labels.chrome.lateIntroNoReasonOwed(lateBy), reason, reasonOwed };
}
