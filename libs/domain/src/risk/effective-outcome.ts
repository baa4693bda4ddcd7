import type { RiskOutcome } from './assessment.js';

/** A manager's override as it bears on later assessments. */
export interface OverrideDecision {
  outcome: RiskOutcome;
  /** The model's outcome that the manager overrode. */
  overriddenOutcome: RiskOutcome;
}

export interface EffectiveOutcome {
  outcome: RiskOutcome;
  source: 'model' | 'override';
  /** An earlier override no longer applies because the model now says something else. */
  overrideLapsed: boolean;
}

/**
 * The outcome the organisation acts on. An override answers the model's outcome at the time:
 * it carries over to corrected facts while the model still says the same, and lapses the moment
 * the model's outcome changes, so that a person looks at the new picture.
 */
export function effectiveOutcome(computed: RiskOutcome, latestOverride: OverrideDecision | undefined): EffectiveOutcome {
  if (!latestOverride) return { outcome: computed, source: 'model', overrideLapsed: false };
  if (latestOverride.overriddenOutcome !== computed) return { outcome: computed, source: 'model', overrideLapsed: true };
  return { outcome: latestOverride.outcome, source: 'override', overrideLapsed: false };
}
