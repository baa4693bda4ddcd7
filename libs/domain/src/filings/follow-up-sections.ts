import type { FilingInput, FilingItem, FilingSection } from './filing-input.js';
import { answer, makeItem, showInstant, type FilingContext } from './filing-context.js';
import { changedItems } from './facts-changes.js';
import { delayReasonItem, makeSection, organisationItems } from './filing-items.js';
import { isMissing } from './missing-items.js';
import { otherSection } from './other-section.js';

type PreviousFiling = NonNullable<FilingInput['previous']>;

/**
 * Which filing this one follows: IMY's case number (diarienummer) when it has given one, and the
 * date of the first filing, plus who we are and our reference, as IMY's supplement route asks.
 */
function followUpSection(context: FilingContext, previous: PreviousFiling): FilingSection {
  const items = [
    makeItem(context, 'followUp.authorityReference', answer(previous.reference), { required: false }),
    makeItem(context, 'followUp.firstFiledAt', showInstant(context, previous.filedAt), { required: true }),
    ...organisationItems(context).filter((item) => item.id !== 'controller.postalAddress'),
  ];
  if (context.late || context.input.delayReason !== undefined) items.push(delayReasonItem(context));
  return makeSection(context, 'followUp', items);
}

/**
 * A supplement or a final report: only what was missing or has changed since the earlier filing.
 * Answers the full report still lacks are listed too (unanswered), because IMY asks a filing with
 * gaps to say what is missing and why. A final report says that it is final and has nothing left
 * to follow; a supplement still names what will.
 */
export function supplementSections(context: FilingContext, previous: PreviousFiling, fullReport: readonly FilingSection[]): FilingSection[] {
  const reportOrder = fullReport.flatMap((section) => section.items);
  const position = (item: FilingItem): number => reportOrder.findIndex((candidate) => candidate.id === item.id);
  // Only questions this track's report asks (a processor's notice has no Art. 34 answers).
  const changes = changedItems(context, previous.facts).filter((item) => position(item) >= 0);
  const changedIds = new Set(changes.map((item) => item.id));
  const outstanding = reportOrder.filter((item) => isMissing(item) && !changedIds.has(item.id) && !NOT_CARRIED_OVER.has(item.id));
  const changeItems = [...changes, ...outstanding].sort((a, b) => position(a) - position(b));
  const sections = [
    followUpSection(context, previous),
    makeSection(
      context,
      'changes',
      changeItems.length > 0 ? changeItems : [makeItem(context, 'followUp.noChanges', context.labels.phrases.noChanges, { required: false })],
    ),
  ];
  if (context.input.kind === 'final') {
    sections.push(makeSection(context, 'other', [makeItem(context, 'followUp.final', context.labels.phrases.finalReport, { required: false })]));
    return sections;
  }
  return [...sections, otherSection(context, sections)];
}

/** Answers a follow-up gives in its own right rather than carrying over from the full report. */
const NOT_CARRIED_OVER: ReadonlySet<string> = new Set(['timeline.delayReason', 'other.informationToFollow']);

/** On investigation it was no personal data breach after all: withdraw the filing, and say why. */
export function noBreachSections(context: FilingContext, previous: PreviousFiling): FilingSection[] {
  const firstFiledAt = showInstant(context, previous.filedAt);
  return [
    followUpSection(context, previous),
    makeSection(context, 'noBreach', [
      makeItem(context, 'noBreach.statement', context.labels.phrases.noBreachStatement(firstFiledAt), { required: true }),
      makeItem(context, 'noBreach.justification', answer(context.input.noBreachJustification), { required: true }),
    ]),
  ];
}
