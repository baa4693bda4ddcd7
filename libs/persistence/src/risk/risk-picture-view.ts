import type { Assessment, RiskOutcome } from '../../../domain/src/risk/assessment.js';
import type { EffectiveOutcome } from '../../../domain/src/risk/effective-outcome.js';
import type { RiskAssessment } from '../entities/risk-assessment.entity.js';
import type { RiskOverride } from '../entities/risk-override.entity.js';

export interface OverrideView {
  id: string;
  outcome: RiskOutcome;
  justification: string;
  decidedBy: string;
  decidedAt: string;
  /** The assessment (facts version) the override was made on. */
  assessmentId: string;
}

/** The current risk picture: what the organisation acts on, what the model computed, and any override. */
export interface IncidentRiskView {
  factsVersion: number;
  /** The outcome the organisation acts on (the override's when one applies). */
  outcome: RiskOutcome;
  outcomeSource: EffectiveOutcome['source'];
  /** An earlier override stopped applying because the model's outcome changed. */
  overrideLapsed: boolean;
  override: OverrideView | null;
  assessedAt: string;
  assessmentId: string;
  /** The model's assessment, unchanged: outcome, severity, factors, rationale, model version, input hash. */
  computed: Assessment;
}

export function overrideView(override: RiskOverride): OverrideView {
  return {
    id: override.id,
    outcome: override.outcome,
    justification: override.justification,
    decidedBy: override.decidedBy,
    decidedAt: override.decidedAt.toISOString(),
    assessmentId: override.assessmentId,
  };
}

export interface AssessmentHistoryEntry {
  id: string;
  factsVersion: number;
  modelVersion: string;
  inputHash: string;
  assessedAt: string;
  computed: Assessment;
  overrides: OverrideView[];
}

export function historyEntry(row: RiskAssessment, overrides: RiskOverride[]): AssessmentHistoryEntry {
  return {
    id: row.id,
    factsVersion: row.factsVersion,
    modelVersion: row.modelVersion,
    inputHash: row.inputHash,
    assessedAt: row.assessedAt.toISOString(),
    computed: row.assessment,
    overrides: overrides.filter((o) => o.assessmentId === row.id).map(overrideView),
  };
}
