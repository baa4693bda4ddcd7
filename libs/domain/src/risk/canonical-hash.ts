import type { RiskFacts } from './risk-facts.js';
import { sha256Hex } from './sha256.js';

const sortedCopy = <T extends string>(values: readonly T[]): T[] => [...values].sort();

/**
 * The facts reduced to what the risk model reads, in one canonical form: only the contract's
 * keys (an incident's facts also carry a timeline and a narrative, which must not make an
 * assessment look stale) and the category lists sorted, because their order means nothing.
 */
export function canonicalRiskFacts(facts: RiskFacts): RiskFacts {
  const { breach, data, subjects, controller, careImpact } = facts;
  const canonical: RiskFacts = {
    breach: {
      malicious: breach.malicious,
      ...(breach.confidentiality && {
        confidentiality: {
          exposure: breach.confidentiality.exposure,
          ...definedOnly({
            recipientsTrusted: breach.confidentiality.recipientsTrusted,
            dataRetrievedOrDeleted: breach.confidentiality.dataRetrievedOrDeleted,
          }),
        },
      }),
      ...(breach.integrity && {
        integrity: { recoverable: breach.integrity.recoverable, possiblyMisused: breach.integrity.possiblyMisused },
      }),
      ...(breach.availability && {
        availability: {
          permanentLoss: breach.availability.permanentLoss,
          backupRestorable: breach.availability.backupRestorable,
          ...definedOnly({ hoursUnavailable: breach.availability.hoursUnavailable }),
        },
      }),
      ...definedOnly({ exfiltrationRuledOut: breach.exfiltrationRuledOut }),
    },
    data: {
      categories: sortedCopy(data.categories),
      identifiability: data.identifiability,
      protection: data.protection,
      ...definedOnly({
        volumePerSubject: data.volumePerSubject,
        alreadyPublic: data.alreadyPublic,
        revealsLessThanCategory: data.revealsLessThanCategory,
      }),
    },
    subjects: { approxCount: subjects.approxCount, categories: sortedCopy(subjects.categories) },
    controller: { sector: controller.sector },
    ...definedOnly({ careImpact }),
  };
  return canonical;
}

function definedOnly<T extends Record<string, unknown>>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/**
 * JSON with every object's keys in sorted order, so equal values always give equal text.
 * Keys holding undefined are left out, as JSON.stringify would.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, member]) => member !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, member]) => `${JSON.stringify(key)}:${canonicalJson(member)}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The sha256 (hex) of the canonical facts: the same facts in any key or list order give the same hash. */
export function riskFactsHash(facts: RiskFacts): string {
  return sha256Hex(canonicalJson(canonicalRiskFacts(facts)));
}
