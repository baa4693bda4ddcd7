import type { IncidentCause, IncidentFacts } from '../incident/incident-facts.js';

/** The incident types IMY sorts notifications into in its statistics (form `imy-2025-02`). */
export const IMY_INCIDENT_TYPES = [
  'misdirected',
  'other-mishandling',
  'unauthorised-access',
  'lost-or-stolen',
  'deleted-or-destroyed',
] as const;
export type ImyIncidentType = (typeof IMY_INCIDENT_TYPES)[number];

/** The cause groups of IMY's reports. */
export const IMY_CAUSE_GROUPS = ['human-factor', 'antagonistic-attack', 'technical-or-other'] as const;
export type ImyCauseGroup = (typeof IMY_CAUSE_GROUPS)[number];

/**
 * One row of the lookup: a recorded cause, optionally narrowed by whether the act was intentional
 * or data was lost for good, and the IMY categories it files under. A null cause group means the
 * facts do not settle it (for instance, a device that went missing, not yet known whether stolen).
 */
export interface ImyCategoryRule {
  cause: IncidentCause | 'unstated';
  malicious?: boolean;
  permanentLoss?: true;
  incidentType: ImyIncidentType;
  causeGroup: ImyCauseGroup | null;
}

/**
 * Our causes and the C/I/A facts → IMY's statistics categories; the first matching row wins.
 * The choice-list values on the live form were not captured, so the categories are those of IMY's
 * published statistics [verify against the live form before filing through the e-service].
 */
export const IMY_CATEGORY_RULES_2025_02: readonly ImyCategoryRule[] = [
  { cause: 'external-attack', incidentType: 'unauthorised-access', causeGroup: 'antagonistic-attack' },
  { cause: 'misdirected-communication', incidentType: 'misdirected', causeGroup: 'human-factor' },
  { cause: 'lost-or-stolen-device', malicious: true, incidentType: 'lost-or-stolen', causeGroup: 'antagonistic-attack' },
  { cause: 'lost-or-stolen-device', malicious: false, incidentType: 'lost-or-stolen', causeGroup: 'human-factor' },
  { cause: 'lost-or-stolen-device', incidentType: 'lost-or-stolen', causeGroup: null },
  { cause: 'insider', malicious: true, incidentType: 'unauthorised-access', causeGroup: 'antagonistic-attack' },
  { cause: 'insider', permanentLoss: true, incidentType: 'deleted-or-destroyed', causeGroup: 'human-factor' },
  { cause: 'insider', incidentType: 'other-mishandling', causeGroup: 'human-factor' },
  { cause: 'misconfiguration', permanentLoss: true, incidentType: 'deleted-or-destroyed', causeGroup: 'human-factor' },
  { cause: 'misconfiguration', incidentType: 'other-mishandling', causeGroup: 'human-factor' },
  { cause: 'third-party', malicious: true, incidentType: 'unauthorised-access', causeGroup: 'antagonistic-attack' },
  { cause: 'third-party', permanentLoss: true, incidentType: 'deleted-or-destroyed', causeGroup: 'technical-or-other' },
  { cause: 'third-party', incidentType: 'other-mishandling', causeGroup: 'technical-or-other' },
  { cause: 'other', malicious: true, incidentType: 'unauthorised-access', causeGroup: 'antagonistic-attack' },
  { cause: 'other', permanentLoss: true, incidentType: 'deleted-or-destroyed', causeGroup: 'technical-or-other' },
  { cause: 'other', incidentType: 'other-mishandling', causeGroup: 'technical-or-other' },
  { cause: 'unstated', malicious: true, incidentType: 'unauthorised-access', causeGroup: 'antagonistic-attack' },
  { cause: 'unstated', permanentLoss: true, incidentType: 'deleted-or-destroyed', causeGroup: null },
  { cause: 'unstated', incidentType: 'other-mishandling', causeGroup: null },
];

export interface ImyCategories {
  incidentType: ImyIncidentType;
  causeGroup: ImyCauseGroup | null;
}

/** IMY's categories for the facts, or null when neither a cause nor the breach facts are known yet. */
export function imyCategories(facts: IncidentFacts, rules: readonly ImyCategoryRule[] = IMY_CATEGORY_RULES_2025_02): ImyCategories | null {
  if (facts.cause === undefined && facts.breach === undefined) return null;
  const cause = facts.cause ?? 'unstated';
  const malicious = facts.breach?.malicious;
  const permanentLoss = facts.breach?.availability?.permanentLoss === true;
  const rule = rules.find(
    (candidate) =>
      candidate.cause === cause &&
      (candidate.malicious === undefined || candidate.malicious === malicious) &&
      (candidate.permanentLoss === undefined || permanentLoss),
  );
  return rule ? { incidentType: rule.incidentType, causeGroup: rule.causeGroup } : null;
}
