import type { Art34Exception } from '../risk/assessment.js';
import type { RiskFacts } from '../risk/risk-facts.js';

export const INCIDENT_CAUSES = [
  'external-attack',
  'misconfiguration',
  'misdirected-communication',
  'lost-or-stolen-device',
  'insider',
  'third-party',
  'other',
] as const;
export type IncidentCause = (typeof INCIDENT_CAUSES)[number];

export const ORGANISATION_ROLES = ['controller', 'processor'] as const;
export type OrganisationRole = (typeof ORGANISATION_ROLES)[number];

export const NIS2_ENTITY_CLASSES = ['essential', 'important', 'none'] as const;
export type Nis2EntityClass = (typeof NIS2_ENTITY_CLASSES)[number];

export const INFORMING_DECISIONS = ['informed', 'will-inform', 'will-not-inform'] as const;
export type InformingDecision = (typeof INFORMING_DECISIONS)[number];

/** Why the people are not informed: an Art. 34(3) ground, or that the risk is not high (Art. 34(1)). */
export const NOT_INFORMING_GROUNDS = ['no-high-risk', '34(3)(a)', '34(3)(b)', '34(3)(c)'] as const;
export type NotInformingGround = 'no-high-risk' | Art34Exception;

/** What the controller has decided and done about informing the people (Art. 34), as IMY asks it. */
export interface InformingDataSubjects {
  decision: InformingDecision;
  /** When they were informed (decision `informed`). */
  informedAt?: string;
  /** How they were informed, e.g. "e-post till var och en" (decision `informed`). */
  how?: string;
  /** When they will be informed (decision `will-inform`). */
  plannedAt?: string;
  /** Why not (decision `will-not-inform`). */
  ground?: NotInformingGround;
  reason?: string;
}

/** What a NIS2 incident report (to MCF) asks beyond the breach facts (NIS2 Art. 23(4)). */
export interface Nis2Facts {
  /** How the service the entity provides was affected (disruption, degradation, duration). */
  serviceImpact?: string;
  /** The incident has or may have an impact in another member state. */
  crossBorderImpact?: boolean;
  /** The assessment of the incident's severity and impact (first in the notification, then in detail in the final report). */
  severityAndImpact?: string;
  /** Indicators of compromise, where available (no personal data). */
  indicatorsOfCompromise?: string;
  /** The systems affected. */
  affectedSystems?: string;
  /** The type of threat or root cause. */
  rootCause?: string;
  /** Mitigation applied and ongoing. */
  mitigation?: string;
  /** Risks that remain. */
  remainingRisks?: string;
  /** When the incident was handled (ended), which dates the final report after a progress report. */
  handledAt?: string;
}

/** When the breach happened: an instant, or a range when only bounds are known. */
export type OccurredAt = string | { from: string; to: string };

/**
 * One version of an incident's facts: narrative, timeline, parties, regime flags and the
 * RiskFacts keys the risk model reads. Instants are ISO-8601 strings with an offset.
 */
export interface IncidentFacts extends Partial<RiskFacts> {
  title: string;
  summary: string;
  cause?: IncidentCause;
  occurredAt?: OccurredAt;
  discoveredAt: string;
  /** Became aware with reasonable certainty: starts the Art. 33 clock. */
  awareAt: string;
  /** How awareness was established (who confirmed what, when). */
  awarenessNote?: string;
  containedAt?: string;
  ourRole: OrganisationRole;
  approxRecords?: number;
  likelyConsequences?: string;
  measures?: string;
  /** Art. 33(2): when we are the processor, the controllers we must notify (names). */
  affectedControllers?: string[];
  /** The decision on informing the people (Art. 34); absent while it is not taken. */
  informingDataSubjects?: InformingDataSubjects;
  careProvider?: boolean;
  /** The unit (clinic, ward, practice) where the event happened: IVO routes a Lex Maria report by it. */
  careUnit?: string;
  /** The consequences for the patients' care and health, in clinical terms (for IVO), not the privacy harm. */
  patientConsequences?: string;
  nis2EntityClass?: Nis2EntityClass;
  nis2?: Nis2Facts;
}
