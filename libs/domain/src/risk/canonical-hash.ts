import type { RiskFacts } from './risk-facts.js';
import { createHash } from 'node:crypto';

const sortedCopy = <T extends string>(values: readonly T[]): T[] => [...values].sort();

/**
 * The facts reduced to what the risk model reads, in one canonical form: only the contract's
 * keys (an incident's facts also carry a timeline and a narrative, which must not make an
 * assessment look stale) and the category lists sorted, because their order means nothing.
 */
export function canonicalRiskFacts(facts: RiskFacts): RiskFacts {
  // Keys are set in alphabetical order at every level, so JSON.stringify of the result is the
  // canonical text itself (a unit test holds it equal to canonicalJson, see canonical-json.ts) without sorting again.
  const { breach, data, subjects, controller, careImpact } = facts;
  const canonicalBreach = {} as RiskFacts['breach'];
  if (breach.availability) {
    const { backupRestorable, hoursUnavailable, permanentLoss } = breach.availability;
    canonicalBreach.availability = hoursUnavailable === undefined ? { backupRestorable, permanentLoss } : { backupRestorable, hoursUnavailable, permanentLoss };
  }
  if (breach.confidentiality) {
    const { dataRetrievedOrDeleted, exposure, recipientsTrusted } = breach.confidentiality;
    const confidentiality = {} as NonNullable<RiskFacts['breach']['confidentiality']>;
    if (dataRetrievedOrDeleted !== undefined) confidentiality.dataRetrievedOrDeleted = dataRetrievedOrDeleted;
    confidentiality.exposure = exposure;
    if (recipientsTrusted !== undefined) confidentiality.recipientsTrusted = recipientsTrusted;
    canonicalBreach.confidentiality = confidentiality;
  }
  if (breach.exfiltrationRuledOut !== undefined) canonicalBreach.exfiltrationRuledOut = breach.exfiltrationRuledOut;
  if (breach.integrity) canonicalBreach.integrity = { possiblyMisused: breach.integrity.possiblyMisused, recoverable: breach.integrity.recoverable };
  canonicalBreach.malicious = breach.malicious;

  const canonicalData = {} as RiskFacts['data'];
  if (data.alreadyPublic !== undefined) canonicalData.alreadyPublic = data.alreadyPublic;
  canonicalData.categories = sortedCopy(data.categories);
  canonicalData.identifiability = data.identifiability;
  canonicalData.protection = data.protection;
  if (data.revealsLessThanCategory !== undefined) canonicalData.revealsLessThanCategory = data.revealsLessThanCategory;
  if (data.volumePerSubject !== undefined) canonicalData.volumePerSubject = data.volumePerSubject;

  const canonical = { breach: canonicalBreach } as RiskFacts;
  if (careImpact !== undefined) canonical.careImpact = careImpact;
  canonical.controller = { sector: controller.sector };
  canonical.data = canonicalData;
  canonical.subjects = { approxCount: subjects.approxCount, categories: sortedCopy(subjects.categories) };
  return canonical;
}

/** The sha256 (hex) of the canonical facts: the same facts in any key or list order give the same hash. */
export function riskFactsHash(facts: RiskFacts): string {
  return canonicalFactsHash(canonicalRiskFacts(facts));
}

/** The hash of facts already in canonical form (their keys in order, so plain JSON is canonical). */
export function canonicalFactsHash(canonical: RiskFacts): string {
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}
