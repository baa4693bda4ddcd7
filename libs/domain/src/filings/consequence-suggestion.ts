import type { IncidentFacts } from '../incident/incident-facts.js';
import type { DataCategory } from '../risk/risk-facts.js';
import type { FilingLabels } from './filing-labels.js';

/**
 * The harms recital 85 names (and a few that follow from them for health data), as consequences
 * for the people — not for the organisation.
 */
export const HARMS = [
  'loss-of-control',
  'identity-theft-or-fraud',
  'financial-loss',
  'account-takeover',
  'unwanted-contact',
  'discrimination',
  'damage-to-reputation',
  'loss-of-secrecy',
  'physical-safety',
  'wrong-decisions',
  'care-disrupted',
] as const;
export type Harm = (typeof HARMS)[number];

const SPECIAL: readonly DataCategory[] = ['health', 'genetic', 'biometric', 'sex-life', 'beliefs-or-politics', 'union-membership', 'ethnic-origin', 'criminal', 'social-welfare'];
const IDENTIFYING_FOR_FRAUD: readonly DataCategory[] = ['national-id', 'payment-card', 'financial', 'credentials'];

/** Which harms the facts make likely, in the order a reader weighs them. */
export function likelyHarms(facts: IncidentFacts): Harm[] {
  const categories = facts.data?.categories ?? [];
  const has = (list: readonly DataCategory[]) => categories.some((category) => list.includes(category));
  const disclosed = facts.breach?.confidentiality !== undefined;
  const harms = new Set<Harm>();
  if (disclosed) {
    harms.add('loss-of-control');
    if (has(IDENTIFYING_FOR_FRAUD) || (categories.includes('identity') && categories.includes('contact'))) harms.add('identity-theft-or-fraud');
    if (has(['financial', 'payment-card'])) harms.add('financial-loss');
    if (categories.includes('credentials')) harms.add('account-takeover');
    if (categories.includes('contact')) harms.add('unwanted-contact');
    if (has(SPECIAL)) {
      harms.add('discrimination');
      harms.add('damage-to-reputation');
    }
    if (has(['health', 'social-welfare']) || facts.controller?.sector === 'healthcare') harms.add('loss-of-secrecy');
    if (categories.includes('location')) harms.add('physical-safety');
  }
  if (facts.breach?.integrity?.possiblyMisused) harms.add('wrong-decisions');
  if (facts.careImpact !== undefined && facts.careImpact !== 'none' && facts.careImpact !== 'minor') harms.add('care-disrupted');
  return HARMS.filter((harm) => harms.has(harm));
}

/**
 * A starting point for the likely consequences, built from the facts and marked as a suggestion:
 * a person rewrites it for this breach and records it as `likelyConsequences`; it is never sent
 * as it stands.
 */
export function likelyConsequencesSuggestion(facts: IncidentFacts, labels: FilingLabels): string | undefined {
  const harms = likelyHarms(facts);
  return harms.length === 0 ? undefined : labels.phrases.consequencesSuggestion(harms.map((harm) => labels.harms[harm]));
}
