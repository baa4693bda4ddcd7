import type { FilingInput, FilingItem, FilingSection } from './filing-input.js';
import { answer, makeItem, showInstant, type FilingContext } from './filing-context.js';
import { changedItems } from './facts-changes.js';
import { delayReasonItem, makeSection, organisationItems, secrecyItem } from './filing-items.js';
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
 * A supplement gives only what is new or has changed since the earlier filing, each with the
 * earlier answer beside it, as IMY asks — never the whole form again. A supplement that completes
 * the report says so; one that does not says what will still follow.
 */
export function supplementSections(context: FilingContext, previous: PreviousFiling, fullReport: readonly FilingSection[]): FilingSection[] {
  const reportOrder = fullReport.flatMap((section) => section.items);
  const position = (item: FilingItem): number => reportOrder.findIndex((candidate) => candidate.id === item.id);
  // Only questions this track's report asks (a processor's notice has no Art. 34 answers).
  const changes = changedItems(context, previous.facts)
    .filter((item) => position(item) >= 0)
    .sort((a, b) => position(a) - position(b));
  const sections = [
    followUpSection(context, previous),
    makeSection(context, 'changes', changes.length > 0 ? changes : [makeItem(context, 'followUp.noChanges', context.labels.phrases.noChanges, { required: false })]),
  ];
  if (context.input.completesReport || context.input.kind === 'final') {
    return [...sections, makeSection(context, 'other', [makeItem(context, 'followUp.completes', context.labels.phrases.completesReport, { required: false }), secrecyItem(context)])];
  }
  return [...sections, otherSection(context, [...sections, ...answersOfTheReport(fullReport)])];
}

/** The report's own answers, without its closing section: what a supplement's checklist still looks at. */
export function answersOfTheReport(fullReport: readonly FilingSection[]): FilingSection[] {
  return fullReport.filter((section) => section.id !== 'other');
}

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
