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
  careProvider?: boolean;
  nis2EntityClass?: Nis2EntityClass;
}
