import { assessRisk } from './assess-risk.js';
import type { Assessment } from './assessment.js';
import { riskFactsHash } from './canonical-hash.js';
import { RISK_MODEL_VERSION } from './model-version.js';
import type { RiskFacts } from './risk-facts.js';

// A stored assessment is a record of what the model said about certain facts at a certain
// version; it is never rewritten. These functions only tell whether it still answers for the
// facts and model of today, and produce a new assessment beside it when it does not.

export type StaleReason = 'facts-changed' | 'model-changed';

export type AssessmentCurrency = { current: true } | { current: false; reasons: StaleReason[] };

type StoredAssessment = Pick<Assessment, 'modelVersion' | 'inputHash'>;

/** Whether a stored assessment was made from these facts under this model version, and if not, why. */
export function assessmentCurrency(
  stored: StoredAssessment,
  facts: RiskFacts,
  modelVersion: string = RISK_MODEL_VERSION,
): AssessmentCurrency {
  const reasons: StaleReason[] = [];
  if (stored.inputHash !== riskFactsHash(facts)) reasons.push('facts-changed');
  if (stored.modelVersion !== modelVersion) reasons.push('model-changed');
  return reasons.length === 0 ? { current: true } : { current: false, reasons };
}

export function isAssessmentCurrent(
  stored: StoredAssessment,
  facts: RiskFacts,
  modelVersion: string = RISK_MODEL_VERSION,
): boolean {
  return assessmentCurrency(stored, facts, modelVersion).current;
}

export type Reassessment =
  | { reassessed: false; assessment: Assessment }
  | { reassessed: true; assessment: Assessment; previous: Assessment; reasons: StaleReason[] };

/**
 * Returns the stored assessment itself when it is current; otherwise a fresh one, with the
 * stored one handed back untouched as `previous` so the caller can keep both.
 */
export function reassessIfStale(stored: Assessment, facts: RiskFacts): Reassessment {
  const currency = assessmentCurrency(stored, facts);
  if (currency.current) return { reassessed: false, assessment: stored };
  return { reassessed: true, assessment: assessRisk(facts), previous: stored, reasons: currency.reasons };
}
