// The risk model (GDPR Art. 32-34): ENISA severity, EDPB qualifiers, and what they imply.
export { assessRisk } from './assess-risk.js';
export type { Art34Exception, Assessment, Factor, RiskOutcome, Severity, SeverityBand } from './assessment.js';
export { RISK_OUTCOMES } from './assessment.js';
export {
  assessmentCurrency,
  isAssessmentCurrent,
  reassessIfStale,
  type AssessmentCurrency,
  type Reassessment,
  type StaleReason,
} from './assessment-currency.js';
export { art34ExceptionCandidates, VERY_LARGE_NUMBER_OF_PEOPLE } from './art34-exceptions.js';
export { canonicalRiskFacts, riskFactsHash } from './canonical-hash.js';
export { EDPB_QUALIFIERS, LARGE_NUMBER_OF_PEOPLE, type Qualifier } from './edpb-qualifiers.js';
export {
  CATEGORY_DPC,
  CIRCUMSTANCE_POINTS,
  CREDENTIALS_DPC_BY_SECTOR,
  EASE_OF_IDENTIFICATION,
  enisaSeverity,
  severityBand,
} from './enisa.js';
export { QUICK_RESTORE_HOURS, readFacts, SPECIAL_CATEGORIES, VULNERABLE_SUBJECTS, type FactsReading } from './facts-reading.js';
export { RISK_MODEL_VERSION } from './model-version.js';
export { decideOutcome, outcomeForBand, type OutcomeEffect } from './outcome-rules.js';
export { writeRationale } from './rationale.js';
export {
  CARE_IMPACTS,
  CONFIDENTIALITY_EXPOSURES,
  CONTROLLER_SECTORS,
  DATA_CATEGORIES,
  IDENTIFIABILITY_LEVELS,
  PROTECTIONS,
  SUBJECT_CATEGORIES,
  validateRiskFacts,
  VOLUMES_PER_SUBJECT,
  type AvailabilityLoss,
  type BreachFacts,
  type CareImpact,
  type ConfidentialityExposure,
  type ConfidentialityLoss,
  type ControllerFacts,
  type ControllerSector,
  type DataCategory,
  type DataFacts,
  type Identifiability,
  type IntegrityLoss,
  type Protection,
  type RiskFacts,
  type SubjectCategory,
  type SubjectFacts,
  type VolumePerSubject,
} from './risk-facts.js';
export { riskFactsSchema } from './risk-facts.schema.js';
