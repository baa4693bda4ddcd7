import type { RiskFacts } from '../risk/risk-facts.js';
import type { IncidentFacts } from './incident-facts.js';

const REQUIRED_RISK_KEYS = ['breach', 'data', 'subjects', 'controller'] as const;

export type RiskFactsOfIncident = { complete: true; facts: RiskFacts } | { complete: false; missing: string[] };

/**
 * The RiskFacts part of an incident's facts. An incident may be opened before the facts
 * are known; until every required key is recorded there is nothing to assess, and the
 * Art. 33 clock runs regardless.
 */
export function riskFactsOfIncident(facts: IncidentFacts): RiskFactsOfIncident {
  const missing = REQUIRED_RISK_KEYS.filter((key) => facts[key] === undefined);
  if (missing.length > 0) return { complete: false, missing };
  const riskFacts: RiskFacts = { breach: facts.breach!, data: facts.data!, subjects: facts.subjects!, controller: facts.controller! };
  if (facts.careImpact !== undefined) riskFacts.careImpact = facts.careImpact;
  return { complete: true, facts: riskFacts };
}
