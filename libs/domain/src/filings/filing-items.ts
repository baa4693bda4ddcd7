import { DATA_CATEGORIES, SUBJECT_CATEGORIES } from '../risk/risk-facts.js';
import { TRACK_CATALOGUE } from '../tracks/catalogue.js';
import type { FilingItem, FilingSection } from './filing-input.js';
import type { FilingSectionId } from './filing-item-ids.js';
import { answer, makeItem, showInstant, type FilingContext } from './filing-context.js';
import { sectionTitle } from './filing-labels.js';
import { describeBreachNature } from './describe-breach.js';
import { likelyConsequencesSuggestion } from './consequence-suggestion.js';
import { formatCount } from './format-numbers.js';
import { imyCategories, type ImyCategories } from './imy-categories-2025-02.js';

// One builder per group of questions. Each reads only the facts, the organisation and the
// assessment in its context, so the same builders serve the authority's report, the processor's
// notice, and the comparison of two facts versions for a supplement.

export function makeSection(context: FilingContext, id: FilingSectionId, items: FilingItem[]): FilingSection {
  return { id, title: sectionTitle(context.labels, context.document, id), items };
}

/** IMY 1–4: who the controller is (for a processor's notice: who we are). */
export function organisationItems(context: FilingContext): FilingItem[] {
  const { organisation, incident } = context.input;
  return [
    makeItem(context, 'controller.name', answer(organisation.legalName), { required: true }),
    // A sole trader (enskild firma) has no organisation number and leaves the field blank.
    makeItem(context, 'controller.orgNumber', answer(organisation.orgNumber), { required: false }),
    makeItem(context, 'controller.postalAddress', answer(organisation.postalAddress), { required: true }),
    makeItem(context, 'controller.reference', answer(incident.reference), { required: false }),
  ];
}

/** IMY 5–9, Art. 33(3)(b): the DPO or other contact point, reachable by telephone or e-mail. */
export function contactItems(context: FilingContext): FilingItem[] {
  const { contact, postalAddress } = context.input.organisation;
  const phone = answer(contact.phone);
  const email = answer(contact.email);
  return [
    makeItem(context, 'contact.name', answer(contact.name), { required: true, art33Item: 'b' }),
    // One way to reach the contact point is enough; with neither, both are asked for.
    makeItem(context, 'contact.phone', phone, { required: email === null, art33Item: 'b' }),
    makeItem(context, 'contact.email', email, { required: phone === null, art33Item: 'b' }),
    makeItem(context, 'contact.role', answer(contact.role), { required: false, art33Item: 'b' }),
    // IMY sends its letters here: a postal address, never an e-mail address in its place.
    makeItem(context, 'contact.address', answer(postalAddress), { required: true, art33Item: 'b' }),
  ];
}

/** IMY 10–13 and discovery: when it happened, whether it has ceased, when and how it was found. */
export function timelineItems(context: FilingContext): FilingItem[] {
  const { facts } = context;
  const { phrases } = context.labels;
  const occurred =
    facts.occurredAt === undefined
      ? phrases.occurredUnknown
      : typeof facts.occurredAt === 'string'
        ? showInstant(context, facts.occurredAt)
        : phrases.between(showInstant(context, facts.occurredAt.from), showInstant(context, facts.occurredAt.to));
  const ceased = facts.containedAt !== undefined;
  return [
    makeItem(context, 'timeline.occurredAt', occurred, { required: true, art33Item: 'a' }),
    makeItem(context, 'timeline.ceased', ceased ? phrases.yes : phrases.notConfirmedCeased, { required: true, art33Item: 'a' }),
    makeItem(context, 'timeline.ceasedAt', facts.containedAt === undefined ? null : showInstant(context, facts.containedAt), {
      required: ceased,
      art33Item: 'a',
    }),
    makeItem(context, 'timeline.discoveredAt', showInstant(context, facts.discoveredAt), { required: true, art33Item: 'a' }),
    makeItem(context, 'timeline.awareAt', showInstant(context, facts.awareAt), { required: true }),
    makeItem(context, 'timeline.discoveryHow', answer(facts.awarenessNote), { required: false, art33Item: 'a' }),
  ];
}

/**
 * Art. 33(1): a notification after the deadline gives the reasons for the delay. That binds the
 * first report on the tracks Art. 33(1) governs; a late supplement or a processor's late notice may
 * explain itself, but nothing requires it.
 */
export function delayReasonItem(context: FilingContext): FilingItem {
  const { input } = context;
  const reason = answer(input.delayReason);
  const value = reason ?? (context.late || input.deadline === null ? null : context.labels.phrases.delayNotApplicable(showInstant(context, input.deadline)));
  const required = context.late && input.kind === 'initial' && TRACK_CATALOGUE[input.track].delayReasonWhenLate;
  return makeItem(context, 'timeline.delayReason', value, { required });
}

/** Art. 33(3)(a): the nature of the breach, in IMY's categories and in our own words. */
export function breachItems(context: FilingContext): FilingItem[] {
  const { facts, labels } = context;
  const categories = imyCategories(facts);
  // The type and cause lists of IMY's form were not seen: the categories are those of IMY's statistics, and say so.
  const note = context.document.voice === 'controller' ? labels.phrases.imyStatisticsCategories : undefined;
  return [
    makeItem(context, 'breach.type', categories ? labels.imyIncidentTypes[categories.incidentType] : null, { required: true, art33Item: 'a', note }),
    makeItem(context, 'breach.title', answer(facts.title), { required: true, art33Item: 'a' }),
    makeItem(context, 'breach.description', answer(facts.summary), { required: true, art33Item: 'a' }),
    makeItem(context, 'breach.nature', describeBreachNature(facts, labels), { required: true, art33Item: 'a' }),
    makeItem(context, 'breach.cause', causeAnswer(context, categories), { required: true, art33Item: 'a', note }),
  ];
}

/** IMY's cause group, with the cause as we recorded it in brackets. */
function causeAnswer(context: FilingContext, categories: ImyCategories | null): string | null {
  const { facts, labels } = context;
  if (categories === null) return null;
  const group = categories.causeGroup === null ? null : labels.imyCauseGroups[categories.causeGroup];
  if (facts.cause === undefined) return group === null ? null : `${group}.`;
  const cause = labels.causes[facts.cause];
  return group === null ? labels.phrases.causeGroupUnsettled(cause) : labels.phrases.causeWithGroup(group, cause);
}

/** IMY 25–26 and the approximate numbers, Art. 33(3)(a): always stated as approximate. */
export function affectedItems(context: FilingContext): FilingItem[] {
  const { facts, labels } = context;
  const subjects = facts.subjects;
  // Lists follow the schema's order, so that reordering the same categories never reads as a change.
  const subjectCategories = subjects
    ? SUBJECT_CATEGORIES.filter((category) => subjects.categories.includes(category)).map((category) => labels.subjectCategories[category])
    : [];
  const dataCategories = facts.data
    ? DATA_CATEGORIES.filter((category) => facts.data!.categories.includes(category)).map((category) => labels.dataCategories[category])
    : [];
  return [
    makeItem(context, 'subjects.count', subjects ? labels.phrases.approxSubjects(formatCount(subjects.approxCount, labels)) : null, {
      required: true,
      art33Item: 'a',
    }),
    // Art. 33(3)(a) asks for the number of records "where possible": it is no gap when unknown.
    makeItem(
      context,
      'records.count',
      facts.approxRecords === undefined ? null : labels.phrases.approxRecords(formatCount(facts.approxRecords, labels)),
      { required: false, art33Item: 'a' },
    ),
    makeItem(context, 'subjects.categories', subjectCategories.length > 0 ? capitalise(subjectCategories.join(', ')) + '.' : null, {
      required: true,
      art33Item: 'a',
    }),
    makeItem(context, 'data.categories', dataCategories.length > 0 ? capitalise(dataCategories.join(', ')) + '.' : null, {
      required: true,
      art33Item: 'a',
    }),
  ];
}

/**
 * IMY 28 and the severity scale, Art. 33(3)(c): the likely consequences for the people, in the
 * organisation's own words. Until they are written the answer is missing, with a suggestion drawn
 * from the facts for a person to rework; the model's rationale is never sent in their place.
 */
export function consequenceItems(context: FilingContext): FilingItem[] {
  const likely = answer(context.facts.likelyConsequences);
  const suggestion = likely === null ? likelyConsequencesSuggestion(context.facts, context.labels) : undefined;
  return [
    makeItem(context, 'consequences.likely', likely, { required: true, art33Item: 'c', suggestion }),
    makeItem(context, 'consequences.severity', severityStatement(context), { required: true, art33Item: 'c' }),
  ];
}

/** How serious the breach is for the people, in words: the outcome acted on and the severity band. */
export function severityStatement(context: FilingContext): string | null {
  const { labels, risk } = context;
  if (risk === null) return null;
  return labels.phrases.severity({
    outcome: labels.outcomes[risk.outcome],
    band: labels.severityBands[risk.computed.severity.band],
    ...(risk.override && {
      override: { computedOutcome: labels.outcomes[risk.computed.outcome], justification: risk.override.justification.trim() },
    }),
  });
}

/** IMY 30, Art. 33(3)(d). */
export function measureItems(context: FilingContext): FilingItem[] {
  return [makeItem(context, 'measures.taken', answer(context.facts.measures), { required: true, art33Item: 'd' })];
}

/**
 * IMY 31–35, Art. 34: whether the people were informed, when and how, when they will be, or why
 * not (an Art. 34(3) ground, or that the risk is not high). Until a person has decided, every
 * answer says so; the Art. 34(3) grounds the facts may support are offered as a suggestion only.
 */
export function informingItems(context: FilingContext): FilingItem[] {
  const { labels, risk } = context;
  const { phrases } = labels;
  const decided = context.facts.informingDataSubjects;
  const highRisk = risk?.outcome === 'high-risk';
  const pending = decided === undefined ? phrases.informingNotDecided : phrases.informingNotApplicable;
  const status =
    decided !== undefined ? phrases.informingDecision[decided.decision] : highRisk ? phrases.informingNotDecidedHighRisk : phrases.informingNotDecided;
  const candidates = risk?.computed.art34Exceptions.map((exception) => labels.art34Exceptions[exception]) ?? [];
  const grounds =
    decided?.decision === 'will-not-inform' && decided.ground !== undefined
      ? phrases.informingGround(decided.ground === 'no-high-risk' ? phrases.noHighRisk : labels.art34Exceptions[decided.ground], answer(decided.reason))
      : pending;
  return [
    makeItem(context, 'informing.status', status, { required: highRisk, undecided: decided === undefined }),
    makeItem(context, 'informing.informedAt', decided?.decision === 'informed' && decided.informedAt ? showInstant(context, decided.informedAt) : pending, { required: false }),
    makeItem(context, 'informing.how', decided?.decision === 'informed' ? answer(decided.how) : pending, { required: decided?.decision === 'informed' }),
    makeItem(context, 'informing.plannedAt', decided?.decision === 'will-inform' && decided.plannedAt ? showInstant(context, decided.plannedAt) : pending, { required: false }),
    makeItem(context, 'informing.grounds', grounds, {
      required: false,
      suggestion: decided === undefined && highRisk && candidates.length > 0 ? phrases.groundsCandidates(candidates) : undefined,
    }),
  ];
}

/**
 * Art. 33(4): what is still unknown will follow. Announcing it starts IMY's four-week period for
 * supplements; once anything is missing, the announcement is part of a complete report.
 */
export function informationToFollowItem(context: FilingContext, pendingLabels: string[]): FilingItem {
  const announced = answer(context.input.supplementsToFollow);
  const { phrases } = context.labels;
  const nothing = context.document.voice === 'processor' ? phrases.processorNothingToFollow : phrases.nothingToFollow;
  const value = announced !== null ? phrases.supplementsToFollow(announced, pendingLabels) : pendingLabels.length > 0 ? null : nothing;
  return makeItem(context, 'other.informationToFollow', value, { required: pendingLabels.length > 0 });
}

/** The last free-text field: what the organisation asks the recipient to keep confidential. */
export function secrecyItem(context: FilingContext): FilingItem {
  const { input } = context;
  return makeItem(context, 'other.secrecy', answer(input.secrecyRequest) ?? answer(input.organisation.secrecyNote), { required: false });
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
