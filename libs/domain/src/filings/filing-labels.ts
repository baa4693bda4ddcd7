import type { IncidentCause, InformingDecision } from '../incident/incident-facts.js';
import type { Harm } from './consequence-suggestion.js';
import type { Art34Exception, RiskOutcome, SeverityBand } from '../risk/assessment.js';
import type { ConfidentialityExposure, DataCategory, Protection, SubjectCategory } from '../risk/risk-facts.js';
import type { FilingKind, FilingLanguage, FilingTrack } from './filing-input.js';
import type { Art33Point, FilingItemId, FilingSectionId, GdprItemId, GdprSectionId } from './filing-item-ids.js';
import type { ImyCauseGroup, ImyIncidentType } from './imy-categories-2025-02.js';
import { EN_FILING_LABELS } from './filing-labels.en.js';
import { SV_FILING_LABELS } from './filing-labels.sv.js';
import type { TrackDocument } from './track-document.js';

export interface SeverityStatement {
  outcome: string;
  band: string;
  /** When a manager overrode the model: the model's outcome and the written justification. */
  override?: { computedOutcome: string; justification: string };
}

/** Sentences the builders fill in; each language words them its own way. */
export interface FilingPhrases {
  yes: string;
  notConfirmedCeased: string;
  occurredUnknown: string;
  between(from: string, to: string): string;
  delayNotApplicable(deadline: string): string;
  approxSubjects(count: string): string;
  approxRecords(count: string): string;
  causeWithGroup(group: string, cause: string): string;
  causeGroupUnsettled(cause: string): string;
  confidentiality(exposure: string): string;
  recipientsTrusted: string;
  dataRetrievedOrDeleted: string;
  integrity(recoverable: boolean, possiblyMisused: boolean): string;
  availability(permanentLoss: boolean, backupRestorable: boolean, hoursUnavailable: string | undefined): string;
  malicious: string;
  notMalicious: string;
  exfiltrationRuledOut: string;
  exfiltrationNotRuledOut: string;
  severity(statement: SeverityStatement): string;
  /** A suggestion of likely consequences for a person to rework, from the harms the facts make likely. */
  consequencesSuggestion(harms: string[]): string;
  /** Where the incident-type and cause categories come from (IMY's statistics, not the form's lists). */
  imyStatisticsCategories: string;
  informingDecision: Record<InformingDecision, string>;
  informingNotDecided: string;
  informingNotDecidedHighRisk: string;
  informingNotApplicable: string;
  /** Art. 34(1): the breach is not likely to result in a high risk. */
  noHighRisk: string;
  informingGround(ground: string, reason: string | null): string;
  groundsCandidates(candidates: string[]): string;
  supplementsToFollow(what: string, items: string[]): string;
  nothingToFollow: string;
  processorNothingToFollow: string;
  controllerDecides: string;
  completesReport: string;
  noChanges: string;
  noBreachStatement(firstFiledAt: string): string;
  recipientUnknown: string;
  duration(hours: number, minutes: number): string;
}

/** Words around the answers: headings of the boxes and the header, used by every rendering. */
export interface FilingChrome {
  headerReference: string;
  headerKind: string;
  headerTrack: string;
  headerFrom: string;
  headerTo: string;
  headerPreparedAt: string;
  headerDeadline: string;
  headerTimeZone: string;
  headerFormVersion: string;
  preliminary: string;
  missingTitle: string;
  missingIntro: string;
  lateTitle: string;
  lateIntro(lateBy: string): string;
  /** Late on a track that owes no reasons for the delay (a processor's notice, Lex Maria, NIS2). */
  lateTitleNoReasonOwed: string;
  lateIntroNoReasonOwed(lateBy: string): string;
  lateReasonMissing: string;
  notAnswered: string;
  /** An optional question left without an answer: nothing is owed. */
  noAnswer: string;
  /** Caption of a suggested answer, for a person to rework before it is sent. */
  suggestion: string;
  legalDeadline: string;
  supplementDeadline: string;
  agreedDeadline: string;
  internalTarget: string;
  /** The header's deadline when the report answers none (a processor's supplement). */
  noDeadline: string;
  previousValue: string;
  currentValue: string;
  required: string;
  art33Reference(point: Art33Point): string;
  page(current: number, total: number): string;
}

/** The GDPR tracks whose reports these labels word. */
export type GdprFilingTrack = Extract<FilingTrack, 'gdpr-art33' | 'gdpr-art33-2'>;
/** The kinds a GDPR report comes in (`final`: a completing supplement stored before supplements could say so). */
export type GdprFilingKind = Extract<FilingKind, 'initial' | 'supplement' | 'no-breach' | 'final'>;

/** Everything a filing says in one language. */
export interface FilingLabels {
  language: FilingLanguage;
  /** Intl locale for numbers and dates. */
  locale: string;
  monthNames: readonly string[];
  authorityName: string;
  /** Titles of the GDPR reports (the Lex Maria and NIS2 reports carry their own labels). */
  documentTitle: Record<GdprFilingTrack, Record<GdprFilingKind, string>>;
  kindName: Record<GdprFilingKind, string>;
  /** The kinds as a processor's notices are called ("underrättelse", never "anmälan"). */
  processorKindName: Record<GdprFilingKind, string>;
  harms: Record<Harm, string>;
  sections: Record<GdprSectionId, string>;
  /** Section headings a processor's notice words differently. */
  processorSections: Partial<Record<GdprSectionId, string>>;
  items: Record<GdprItemId, string>;
  /** Questions a processor's notice asks differently (from the processor's point of view). */
  processorItems: Partial<Record<GdprItemId, string>>;
  causes: Record<IncidentCause, string>;
  imyIncidentTypes: Record<ImyIncidentType, string>;
  imyCauseGroups: Record<ImyCauseGroup, string>;
  dataCategories: Record<DataCategory, string>;
  subjectCategories: Record<SubjectCategory, string>;
  exposures: Record<ConfidentialityExposure, string>;
  protections: Record<Protection, string>;
  outcomes: Record<RiskOutcome, string>;
  severityBands: Record<SeverityBand, string>;
  art34Exceptions: Record<Art34Exception, string>;
  phrases: FilingPhrases;
  chrome: FilingChrome;
}

const LABELS: Record<FilingLanguage, FilingLabels> = { sv: SV_FILING_LABELS, en: EN_FILING_LABELS };

export function filingLabels(language: FilingLanguage): FilingLabels {
  return LABELS[language];
}

/** The question as the track asks it: a processor speaks of its own awareness, the controller of its own. */
export function itemLabel(labels: FilingLabels, document: TrackDocument, id: FilingItemId): string {
  const label = document.ownWords(labels).items[id] ?? labels.items[id as GdprItemId];
  if (label === undefined) throw new Error(`no label for ${id} on the ${document.formVersion} report`);
  return label;
}

export function sectionTitle(labels: FilingLabels, document: TrackDocument, id: FilingSectionId): string {
  const title = document.ownWords(labels).sections[id] ?? labels.sections[id as GdprSectionId];
  if (title === undefined) throw new Error(`no title for section ${id} on the ${document.formVersion} report`);
  return title;
}
