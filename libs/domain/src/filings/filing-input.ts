import type { IncidentFacts } from '../incident/incident-facts.js';
import type { Assessment, RiskOutcome } from '../risk/assessment.js';

import type { FilingTrack, Language } from '../tracks/catalogue.js';

export type { FilingTrack };
export type FilingLanguage = Language;
export const FILING_KINDS = ['initial', 'supplement', 'final', 'no-breach'] as const;
export type FilingKind = (typeof FILING_KINDS)[number];

/** The organisation as a filing presents it (IMY form fields 1-9). */
export interface OrganisationProfile {
  legalName: string;
  /** Swedish organisationsnummer, NNNNNN-NNNN; absent for a sole trader. */
  orgNumber?: string;
  postalAddress?: string;
  contact: { name?: string; email?: string; phone?: string; role?: string };
  timeZone: string;
}

/** Everything a filing document is rendered from; rendering the same input gives the same bytes. */
export interface FilingInput {
  track: FilingTrack;
  kind: FilingKind;
  language: FilingLanguage;
  organisation: OrganisationProfile;
  incident: { reference: string; factsVersion: number; facts: IncidentFacts };
  /** The assessment of that facts version and the outcome acted on (an override's when one applies). */
  risk: { computed: Assessment; outcome: RiskOutcome; override?: { outcome: RiskOutcome; justification: string } } | null;
  /** The instant the draft is made (ISO-8601); lateness and "prepared on" are computed from it. */
  preparedAt: string;
  /**
   * The deadline this filing answers (ISO-8601): the track's Art. 33(1) / 33(2) deadline for a first
   * filing; for a supplement, the supplement's own deadline (IMY: 4 weeks after receiving the first);
   * null when none applies (a processor's supplement).
   */
  deadline: string | null;
  /** Reasons for delay, when the report is (or will be) filed after the deadline. */
  delayReason?: string;
  /** "Information to follow" (Art. 33(4)): why some items are not yet known. */
  informationToFollow?: string;
  /** For a processor's notice: the controller it goes to. */
  recipient?: string;
  /** For a supplement or final report: the earlier filing it supplements. */
  previous?: { sequence: number; filedAt: string; reference?: string; factsVersion: number; facts: IncidentFacts };
  /** For a "no breach after all" report: why. */
  noBreachJustification?: string;
}

/** One answer of the form, in the authority's e-service order. */
export interface FilingItem {
  /** Stable id, e.g. `controller.name`, `breach.nature`. */
  id: string;
  /** The question number in the authority's form version (SV numbering), when known. */
  number?: string;
  label: string;
  /** The answer as text; null when not known yet. */
  value: string | null;
  required: boolean;
  /** The Art. 33(3) point the item serves, when it serves one. */
  art33Item?: 'a' | 'b' | 'c' | 'd';
  /** In a supplement or final report: the answer as the earlier filing gave it (null: it was not known then). */
  previousValue?: string | null;
}

export interface FilingSection {
  id: string;
  title: string;
  items: FilingItem[];
}

/** A filing as a structured document: what the HTML, PDF and JSON exports are all made from. */
export interface FilingDocument {
  /** The mapping version of the authority's form this document follows, e.g. `imy-2025-02`. */
  formVersion: string;
  track: FilingTrack;
  kind: FilingKind;
  language: FilingLanguage;
  title: string;
  incidentReference: string;
  preparedAt: string;
  deadline: string | null;
  late: boolean;
  sections: FilingSection[];
  /** Required items (every Art. 33(3) item among them) that have no answer yet. */
  missing: Array<{ id: string; label: string; art33Item?: 'a' | 'b' | 'c' | 'd' }>;
  /** The header as people read it, already formatted; documents made by `buildFilingDocument` always have it. */
  header?: FilingHeader;
}

/** The header facts in the filing's language, with instants shown in the organisation's time zone. */
export interface FilingHeader {
  /** Who files: the controller (Art. 33) or the processor (Art. 33(2)). */
  organisationName: string;
  /** Who the filing goes to: the authority, or the controller a processor notifies. */
  recipient: string;
  trackLabel: string;
  kindLabel: string;
  preparedAt: string;
  deadline: string;
  timeZone: string;
  /** How long after the deadline the filing was prepared; present only when it is late. */
  lateBy?: string;
  /** Something is still unknown and will follow (Art. 33(4)): the filing is preliminary. */
  preliminary: boolean;
}
