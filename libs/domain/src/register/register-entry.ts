import type { IncidentCause, OccurredAt, OrganisationRole } from '../incident/incident-facts.js';
import type { IncidentStatus } from '../incident/incident-status.js';
import type { RiskOutcome, SeverityBand } from '../risk/assessment.js';

/** The assessment the organisation acted on, as the register records it. */
export interface RegisterAssessment {
  /** The outcome acted on: the override's when one applies. */
  outcome: RiskOutcome;
  /** What the model said; stays visible when a manager overrode it. */
  computedOutcome: RiskOutcome;
  band: SeverityBand;
  score: number;
  modelVersion: string;
  /** sha256 (hex) of the canonical facts the assessment was made from. */
  inputHash: string;
  /** The model's plain-language rationale, in the register's language. */
  rationale: string;
  overridden: boolean;
  overrideJustification: string | null;
}

/** A decision recorded on the incident (approval, override, closing, …). */
export interface RegisterDecision {
  /** ISO-8601. */
  at: string;
  /** The user's display name, or id when the name is not to be shown. */
  by: string;
  what: string;
}

/** A report on one track: to IMY, to a controller, the notices to data subjects, Lex Maria, NIS2. */
export interface RegisterFiling {
  /** Track id, e.g. `gdpr-art33`, `gdpr-art33-2`, `gdpr-art34`; new regimes add their own. */
  track: string;
  /** e.g. `initial`, `supplement`, `final`, `no-breach`. */
  kind: string;
  /** e.g. `draft`, `approved`, `filed`. */
  status: string;
  /** When it was filed (ISO-8601); null while it is not. This, not `status`, is what counts as filed. */
  filedAt: string | null;
  /** The recipient authority's reference. */
  reference: string | null;
  /** Filed after the track's deadline; null while that cannot be said. */
  late: boolean | null;
}

/** A person's recorded decision that an owed track needs no report, with the reason. */
export interface RegisterNotRequired {
  track: string;
  reason: string;
  decidedBy: string;
  /** ISO-8601. */
  decidedAt: string;
}

/** A person's screening of a track only a decision makes owed (Lex Maria, NIS2), with the reason. */
export interface RegisterScreening {
  track: string;
  applies: boolean;
  reason: string;
  decidedBy: string;
  /** ISO-8601. */
  decidedAt: string;
}

/** How a track ended for the incident. */
export interface RegisterTrackOutcome {
  track: string;
  outcome: 'filed' | 'not-required' | 'screened-out' | 'open';
}

/**
 * One incident in the Art. 33(5) register: the facts of the breach, its effects and the
 * remedial action taken — enough for the supervisory authority to verify compliance — plus
 * the assessment, the decisions and the filings, and whether the entry is complete.
 */
export interface RegisterEntry {
  incidentId: string;
  reference: string;
  title: string;
  status: IncidentStatus;
  /** ISO-8601; starts the 72-hour clock. */
  awareAt: string;
  /** An instant, a range when only bounds are known, or null when unknown. */
  occurredAt: OccurredAt | null;
  discoveredAt: string;
  containedAt: string | null;
  cause: IncidentCause | null;
  ourRole: OrganisationRole;
  /** The facts of the breach. */
  summary: string;
  dataCategories: string[];
  subjectCategories: string[];
  approxSubjects: number | null;
  approxRecords: number | null;
  /** Its likely consequences (Art. 33(3)(c)). */
  effects: string | null;
  /** The measures taken or proposed (Art. 33(3)(d)). */
  remedialAction: string | null;
  assessment: RegisterAssessment | null;
  decisions: RegisterDecision[];
  filings: RegisterFiling[];
  /** Reasons for a report made after its deadline (Art. 33(1)). */
  delayReasons: string[];
  notRequired: RegisterNotRequired[];
  /** Screening decisions (Lex Maria, NIS2), oldest first. */
  screenings: RegisterScreening[];
  /** Each track owed or screened, with its outcome, in catalogue order. */
  tracks: RegisterTrackOutcome[];
  /** Gap codes (see `registerEntryMissing`); empty when complete. */
  missing: string[];
  complete: boolean;
  closedAt: string | null;
}
