import { art34ExceptionCandidates } from './art34-exceptions.js';
import type { Assessment } from './assessment.js';
import { canonicalFactsHash, canonicalRiskFacts } from './canonical-hash.js';
import { applyEdpbQualifiers } from './edpb-qualifiers.js';
import { enisaSeverity } from './enisa.js';
import { readFacts } from './facts-reading.js';
import { toFactor } from './finding.js';
import { RISK_MODEL_VERSION } from './model-version.js';
import { decideOutcome, isAtLeast, outcomeForBand } from './outcome-rules.js';
import { writeRationale } from './rationale.js';
import type { RiskFacts } from './risk-facts.js';

/**
 * Assesses one version of a breach's facts (GDPR Art. 33-34): ENISA severity first, then the
 * EDPB's qualifiers. Pure and deterministic: the same facts, in any key or list order, give the
 * same assessment under the same model version. Facts must already satisfy the schema
 * (validateRiskFacts); keys outside it are ignored.
 */
export function assessRisk(facts: RiskFacts): Assessment {
  // Every rule reads the canonical form, so no result can depend on the order of a list.
  const canonical = canonicalRiskFacts(facts);
  const reading = readFacts(canonical);
  const enisa = enisaSeverity(reading);
  const qualifiers = applyEdpbQualifiers(reading, enisa.severity);
  const outcome = decideOutcome(
    outcomeForBand(enisa.severity.band),
    qualifiers.map((qualifier) => qualifier.effect),
  );
  const findings = [...enisa.findings, ...qualifiers.map((qualifier) => qualifier.finding)];
  const art34Exceptions = art34ExceptionCandidates(reading);

  return {
    outcome,
    notifyAuthority: isAtLeast(outcome, 'risk'),
    notifyDataSubjects: isAtLeast(outcome, 'high-risk'),
    severity: enisa.severity,
    factors: findings.map(toFactor),
    art34Exceptions,
    rationale: writeRationale({ outcome, severity: enisa.severity, findings, art34Exceptions }),
    modelVersion: RISK_MODEL_VERSION,
    inputHash: canonicalFactsHash(canonical),
  };
}
