import { compileValidator, type Validation, type Validator } from '../validation/json-schema-validator.js';
import { riskFactsSchema } from './risk-facts.schema.js';

// The value lists are read from the schema itself, so the types cannot drift from the contract.
const breachProperties = riskFactsSchema.properties.breach.properties;
const dataProperties = riskFactsSchema.properties.data.properties;

export const CONFIDENTIALITY_EXPOSURES = breachProperties.confidentiality.properties.exposure.enum;
export const DATA_CATEGORIES = dataProperties.categories.items.enum;
export const VOLUMES_PER_SUBJECT = dataProperties.volumePerSubject.enum;
export const IDENTIFIABILITY_LEVELS = dataProperties.identifiability.enum;
export const PROTECTIONS = dataProperties.protection.enum;
export const SUBJECT_CATEGORIES = riskFactsSchema.properties.subjects.properties.categories.items.enum;
export const CONTROLLER_SECTORS = riskFactsSchema.properties.controller.properties.sector.enum;
export const CARE_IMPACTS = riskFactsSchema.properties.careImpact.enum;

export type ConfidentialityExposure = (typeof CONFIDENTIALITY_EXPOSURES)[number];
export type DataCategory = (typeof DATA_CATEGORIES)[number];
export type VolumePerSubject = (typeof VOLUMES_PER_SUBJECT)[number];
export type Identifiability = (typeof IDENTIFIABILITY_LEVELS)[number];
export type Protection = (typeof PROTECTIONS)[number];
export type SubjectCategory = (typeof SUBJECT_CATEGORIES)[number];
export type ControllerSector = (typeof CONTROLLER_SECTORS)[number];
export type CareImpact = (typeof CARE_IMPACTS)[number];

/** Data was or may have been disclosed or accessed without authorisation. */
export interface ConfidentialityLoss {
  exposure: ConfidentialityExposure;
  recipientsTrusted?: boolean;
  dataRetrievedOrDeleted?: boolean;
}

/** Data was altered. */
export interface IntegrityLoss {
  recoverable: boolean;
  possiblyMisused: boolean;
}

/** Data was lost or could not be accessed. */
export interface AvailabilityLoss {
  permanentLoss: boolean;
  backupRestorable: boolean;
  hoursUnavailable?: number;
}

export interface BreachFacts {
  confidentiality?: ConfidentialityLoss;
  integrity?: IntegrityLoss;
  availability?: AvailabilityLoss;
  malicious: boolean;
  exfiltrationRuledOut?: boolean;
}

export interface DataFacts {
  categories: DataCategory[];
  volumePerSubject?: VolumePerSubject;
  identifiability: Identifiability;
  protection: Protection;
  alreadyPublic?: boolean;
  revealsLessThanCategory?: boolean;
}

export interface SubjectFacts {
  approxCount: number;
  categories: SubjectCategory[];
}

export interface ControllerFacts {
  sector: ControllerSector;
}

/** The facts of one personal data breach that the risk model reads (risk-facts.schema.json). */
export interface RiskFacts {
  breach: BreachFacts;
  data: DataFacts;
  subjects: SubjectFacts;
  controller: ControllerFacts;
  careImpact?: CareImpact;
}

// Compiled on first use, so code that only assesses (such as workflow code) never compiles it.
let validator: Validator<RiskFacts> | undefined;

/** Checks unknown input against the contract; every problem names its dotted field. */
export function validateRiskFacts(input: unknown): Validation<RiskFacts> {
  validator ??= compileValidator<RiskFacts>(riskFactsSchema);
  return validator(input);
}
