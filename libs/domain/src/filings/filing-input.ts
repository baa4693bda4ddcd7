import type { IncidentFacts } from '../incident/incident-facts.js';
import type { Assessment, RiskOutcome } from '../risk/assessment.js';
import type { FilingTrack, Language } from '../tracks/catalogue.js';
import type { ScreeningAnswers } from '../tracks/screening.js';
import type { TaskData, TaskKind } from '../tracks/tasks/task-kinds.js';
import type { FilingKind } from './filing-kinds.js';

export type { FilingTrack };
export type FilingLanguage = Language;
export { FILING_KINDS, type FilingKind } from './filing-kinds.js';

/** The organisation as a filing presents it (IMY form fields 1-9). */
export interface OrganisationProfile {
  legalName: string;
  /** Swedish organisationsnummer, NNNNNN-NNNN; absent for a sole trader. */
  orgNumber?: string;
  /** Where IMY sends letters (and the organisation's postal address on the form); never an e-mail address. */
  postalAddress?: string;
  contact: { name?: string; email?: string; phone?: string; role?: string };
  timeZone: string;
  /** What the organisation, by default, asks IMY to keep confidential (the form's last free-text field). */
  secrecyNote?: string;
  /** The processor's notice time is agreed in the processing agreement (Art. 28(3)(f)), not only an internal target. */
  processorNoticeTimeAgreed?: boolean;
}

/** Another report on the same incident, which a report names among "other reports made". */
export interface OtherReport {
  track: FilingTrack;
  kind: FilingKind;
  status: 'draft' | 'awaiting-approval' | 'approved' | 'filed';
  filedAt?: string;
  /** The recipient's case number, once it has given one. */
  reference?: string;
}

/** A task of the track (the event analysis, informing patients or the service's recipients) as the report tells it. */
export interface TrackTaskSummary {
  kind: TaskKind;
  status: 'open' | 'done';
  data: TaskData;
  dueAt?: string;
  completedAt?: string;
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
  /**
   * Art. 33(4): what will follow in a supplement, and why it is not known yet. Saying so announces
   * supplements, and IMY then expects them within four weeks.
   */
  supplementsToFollow?: string;
  /** A supplement that completes the report: nothing more will follow. */
  completesReport?: boolean;
  /** What this filing asks IMY to keep confidential; the organisation's default when absent. */
  secrecyRequest?: string;
  /** For a processor's notice: the controller it goes to. */
  recipient?: string;
  /** For a supplement or final report: the earlier filing it supplements. */
  previous?: { sequence: number; filedAt: string; reference?: string; factsVersion: number; facts: IncidentFacts };
  /** For a "no breach after all" report: why. */
  noBreachJustification?: string;
  /** The incident's reports on other tracks, in the order they were made (Lex Maria and NIS2 name them). */
  otherReports?: OtherReport[];
  /** The track's tasks (Lex Maria: the event analysis and informing the patients; NIS2: the service's recipients). */
  tasks?: TrackTaskSummary[];
  /** What the screening that made the track owed answered (Lex Maria: caused or could have caused a serious care injury). */
  screening?: ScreeningAnswers;
  /** Lex Maria: the people the care provider designated to report (HSLF-FS 2017:41 4 §), by name. */
  designatedReporters?: string[];
}

/** One answer of the form, in the authority's e-service order. */
export interface FilingItem {
  /** Stable id, e.g. `controller.name`, `breach.nature`. */
  id: string;
  /** The question number in the recipient's form version and language, when confirmed. */
  number?: string;
  label: string;
  /** The answer as text; null when not known yet. */
  value: string | null;
  /** breachflow's checklist: a complete report answers this (Art. 33(3)); unanswered, it is listed as missing. */
  required: boolean;
  /** The recipient's form marks the field mandatory (*), as confirmed on the form. */
  mandatoryOnForm?: true;
  /** A draft answer for a person to edit into the facts; never sent as it stands. */
  suggestion?: string;
  /** The answer says that nobody has decided yet: on the checklist it counts as a gap. */
  undecided?: true;
  /** Where the answer's wording comes from when it is not the form's own (e.g. IMY's statistics categories). */
  note?: string;
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
  /** What the deadline is: the legal one, a time agreed with the controller, or an internal target. */
  deadlineLabel?: string;
  deadline: string;
  timeZone: string;
  /** How long after the deadline the filing was prepared; present only when it is late. */
  lateBy?: string;
  /** Something is still unknown and will follow (Art. 33(4)): the filing is preliminary. */
  preliminary: boolean;
}
