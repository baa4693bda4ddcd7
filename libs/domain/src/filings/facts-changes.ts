import type { IncidentFacts } from '../incident/incident-facts.js';
import { riskFactsOfIncident } from '../incident/risk-facts-of-incident.js';
import { canonicalJson } from '../canonical-json.js';
import { riskFactsHash } from '../risk/canonical-hash.js';
import type { FilingItem } from './filing-input.js';
import { contextForFacts, type FilingContext } from './filing-context.js';
import { affectedItems, breachItems, consequenceItems, informingItems, measureItems, timelineItems } from './filing-items.js';

/**
 * The answers that follow from the facts alone, for comparing two facts versions. Assessment-
 * derived answers are left out: the earlier version's assessment is not part of the input, and
 * comparing against the current one would invent a change.
 */
function factualItems(context: FilingContext): FilingItem[] {
  return [
    ...timelineItems(context),
    ...breachItems(context),
    ...affectedItems(context),
    ...consequenceItems(context).filter((item) => item.id === 'consequences.likely'),
    ...measureItems(context),
    ...informingItems(context),
  ];
}

/**
 * A supplement gives only what was missing or has changed (IMY): every answer that reads
 * differently now than it did from the earlier facts, with the earlier answer beside it. When the
 * facts the risk model reads have changed, the current severity follows as well, because the
 * assessment was redone on the new facts.
 */
export function changedItems(context: FilingContext, previousFacts: IncidentFacts): FilingItem[] {
  const before = new Map(factualItems(contextForFacts(context, previousFacts)).map((item) => [item.id, item.value]));
  const now = factualItems(contextForFacts(context, context.facts));
  // A suggestion belongs to a draft answer; a supplement reports what was recorded.
  const changes: FilingItem[] = now
    .filter((item) => before.get(item.id) !== item.value)
    .map(({ suggestion: _suggestion, ...item }) => ({ ...item, previousValue: before.get(item.id) ?? null }));
  if (context.risk !== null && riskFactsKey(previousFacts) !== riskFactsKey(context.facts)) {
    changes.push(...consequenceItems(context).filter((item) => item.id === 'consequences.severity'));
  }
  return changes;
}

/** Equal exactly when the risk model would read the same facts, in whatever key or list order. */
function riskFactsKey(facts: IncidentFacts): string {
  const riskFacts = riskFactsOfIncident(facts);
  if (riskFacts.complete) return riskFactsHash(riskFacts.facts);
  const { breach, data, subjects, controller, careImpact } = facts;
  return `incomplete:${canonicalJson({ breach, data, subjects, controller, careImpact })}`;
}
