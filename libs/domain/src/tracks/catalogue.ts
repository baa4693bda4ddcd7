import type { FilingKind } from '../filings/filing-kinds.js';
import type { OrganisationRole } from '../incident/incident-facts.js';
import { RISK_OUTCOMES, type RiskOutcome } from '../risk/assessment.js';
import { APPROVER_ROLES, INCIDENT_EDITORS, type Role } from '../roles.js';

/**
 * The regulatory tracks an incident can owe, as data: who receives what, when the clock runs
 * out, who may draft, approve, record, propose "not required" and approve that proposal, on which channels a filing may be
 * recorded, and what each is called. Everything else — request schemas, route roles, SQL filters,
 * the workflows, the register and the e-mails — reads the rules from here, so a new track is one
 * entry in this file plus the rule file for its content.
 */
export const TRACK_KINDS = ['gdpr-art33-register', 'gdpr-art33', 'gdpr-art33-2', 'gdpr-art34', 'lex-maria', 'nis2'] as const;
export type TrackKind = (typeof TRACK_KINDS)[number];

export type Language = 'sv' | 'en';
export type Text = Readonly<Record<Language, string>>;

/**
 * A written reason — for deciding a track is not required, overriding the risk outcome, or
 * withdrawing a filing as "no breach after all" — must say something a supervisory authority can
 * weigh. Twenty characters is the floor below which nothing is explained.
 */
export const WRITTEN_REASON_MIN_LENGTH = 20;

/** The organisation's settings a clock may be counted in (see the organisation's settings). */
export interface ClockSettings {
  processorNoticeHours?: number;
  lexMariaReportDays?: number;
  lexMariaInvestigationDays?: number;
}

/** How long a clock runs from its anchor. */
export type TrackWindow =
  /** Fixed by law, e.g. Art. 33(1)'s 72 hours; weekends and holidays count. */
  | { basis: 'legal'; hours: number }
  /**
   * "Without undue delay" or "as soon as possible" made concrete as the organisation's own target
   * (a setting): a policy choice, not law.
   */
  | { basis: 'organisation-target'; setting: keyof ClockSettings; unit: 'hours' | 'days'; default: number }
  /** Counted in calendar weeks in the organisation's time zone (IMY: supplements within four weeks). */
  | { basis: 'calendar-weeks'; weeks: number }
  /** Counted in calendar months in the organisation's time zone (NIS2: the final report one month after). */
  | { basis: 'calendar-months'; months: number };

/** When an incident owes the track. */
export type OwedRule =
  /**
   * Implied by the risk outcome for one of our roles in the incident; `atLeast: null` means owed
   * before any assessment too (a processor tells its controllers about every breach).
   */
  | { basis: 'outcome'; roles: readonly OrganisationRole[]; atLeast: RiskOutcome | null }
  /** A person records that it applies (screening), e.g. Lex Maria, NIS2. */
  | { basis: 'screening'; decidedBy: readonly Role[]; orDesignatedReporter: boolean };

export interface TrackRoles {
  draft: readonly Role[];
  approve: readonly Role[];
  record: readonly Role[];
  /** Who may propose that the track is not required; it takes effect only once a second person decides it. */
  proposeNotRequired: readonly Role[];
  /** Who approves or rejects that proposal: never the person who proposed it (four eyes). */
  decideNotRequired: readonly Role[];
}

export const RECORD_CHANNELS = ['imy-e-service', 'imy-post', 'e-mail', 'letter', 'ivo-e-service', 'post', 'mcf-e-service', 'other'] as const;
export type RecordChannel = (typeof RECORD_CHANNELS)[number];

/**
 * How the reports of a track are due: one first report (per recipient) and supplements after it,
 * or NIS2's staged reports (early warning, notification, final report). Each names a rule file in
 * `tracks/stages/`.
 */
export type StagePlan = 'first-report-and-supplements' | 'nis2-staged-reports';

export interface TrackDefinition {
  kind: TrackKind;
  /** The track as people call it. */
  label: Text;
  /** Who receives what the track produces. */
  recipient: Text;
  /** The provision the track fulfils. */
  basis: Text;
  /** Drafts, approvals, recorded filings and a clock of its own, in a child workflow (`filingTrackWorkflow`). */
  ownWorkflow: boolean;
  owedWhen: OwedRule;
  /** One first report per controller named in the facts' `affectedControllers` (a processor's notices), instead of one in all. */
  reportPerAffectedController?: boolean;
  /** The first report's window; absent when the track has no clock of its own. */
  deadline?: TrackWindow;
  /** The window for supplements after the first report, when the track expects them (and they were announced). */
  supplements?: TrackWindow;
  stagePlan?: StagePlan;
  /** The reports a person may draft on the track. */
  reportKinds: readonly FilingKind[];
  /** The languages its reports are drafted in (the recipient's). */
  languages: readonly Language[];
  /** A first filing after the deadline must give the reasons for the delay. */
  delayReasonWhenLate: boolean;
  roles: TrackRoles;
  /** Only the reporters the organisation designated may record the filing (Lex Maria: HSLF-FS 2017:41 4 §). */
  recordedByDesignatedReporter?: boolean;
  minimumReasonLength: number;
  /** The channels a filing on this track may be recorded as sent on. */
  recordChannels: readonly RecordChannel[];
  /** Why only those channels, said when another is refused. */
  channelRule?: Text;
  /**
   * What settles the track before the incident may close: a recorded filing or a reasoned
   * "not required" decision, or (the register) a complete register entry.
   */
  settledBy: 'filing-or-decision' | 'complete-register-entry';
}

const decisions = { approve: APPROVER_ROLES, proposeNotRequired: INCIDENT_EDITORS, decideNotRequired: APPROVER_ROLES } as const;
const BOTH: readonly Language[] = ['sv', 'en'];

const CATALOGUE = {
  'gdpr-art33-register': {
    kind: 'gdpr-art33-register',
    label: { sv: 'Dokumentation av personuppgiftsincidenten (artikel 33.5)', en: 'Breach register entry (Art. 33(5))' },
    recipient: { sv: 'Det egna incidentregistret', en: "The organisation's breach register" },
    basis: { sv: 'Dataskyddsförordningen artikel 33.5', en: 'GDPR Art. 33(5)' },
    ownWorkflow: false,
    // Every breach is documented, whatever the risk and before it is assessed.
    owedWhen: { basis: 'outcome', roles: ['controller', 'processor'], atLeast: null },
    reportKinds: [],
    languages: BOTH,
    delayReasonWhenLate: false,
    roles: { draft: INCIDENT_EDITORS, record: INCIDENT_EDITORS, ...decisions },
    minimumReasonLength: WRITTEN_REASON_MIN_LENGTH,
    recordChannels: [],
    settledBy: 'complete-register-entry',
  },
  'gdpr-art33': {
    kind: 'gdpr-art33',
    label: { sv: 'Anmälan till IMY (artikel 33)', en: 'Notification to IMY (Art. 33)' },
    recipient: { sv: 'Integritetsskyddsmyndigheten (IMY)', en: 'The Swedish Authority for Privacy Protection (IMY)' },
    basis: { sv: 'Dataskyddsförordningen artikel 33.1', en: 'GDPR Art. 33(1)' },
    ownWorkflow: true,
    owedWhen: { basis: 'outcome', roles: ['controller'], atLeast: 'risk' },
    deadline: { basis: 'legal', hours: 72 },
    supplements: { basis: 'calendar-weeks', weeks: 4 },
    stagePlan: 'first-report-and-supplements',
    reportKinds: ['initial', 'supplement', 'no-breach'],
    languages: BOTH,
    delayReasonWhenLate: true,
    roles: { draft: INCIDENT_EDITORS, record: INCIDENT_EDITORS, ...decisions },
    minimumReasonLength: WRITTEN_REASON_MIN_LENGTH,
    recordChannels: ['imy-e-service', 'imy-post', 'e-mail', 'other'],
    settledBy: 'filing-or-decision',
  },
  'gdpr-art33-2': {
    kind: 'gdpr-art33-2',
    label: { sv: 'Underrättelse till personuppgiftsansvarig (artikel 33.2)', en: 'Notification to the controller (Art. 33(2))' },
    recipient: { sv: 'Varje berörd personuppgiftsansvarig', en: 'Each affected controller' },
    basis: { sv: 'Dataskyddsförordningen artikel 33.2', en: 'GDPR Art. 33(2)' },
    ownWorkflow: true,
    owedWhen: { basis: 'outcome', roles: ['processor'], atLeast: null },
    reportPerAffectedController: true,
    deadline: { basis: 'organisation-target', setting: 'processorNoticeHours', unit: 'hours', default: 24 },
    stagePlan: 'first-report-and-supplements',
    reportKinds: ['initial', 'supplement', 'no-breach'],
    languages: BOTH,
    // Art. 33(1)'s reasons for delay bind the controller's notification, not a processor's notice.
    delayReasonWhenLate: false,
    roles: { draft: INCIDENT_EDITORS, record: INCIDENT_EDITORS, ...decisions },
    minimumReasonLength: WRITTEN_REASON_MIN_LENGTH,
    recordChannels: ['e-mail', 'letter', 'other'],
    settledBy: 'filing-or-decision',
  },
  'gdpr-art34': {
    kind: 'gdpr-art34',
    label: { sv: 'Information till de registrerade (artikel 34)', en: 'Communication to the data subjects (Art. 34)' },
    recipient: { sv: 'De registrerade som berörs', en: 'The data subjects affected' },
    basis: { sv: 'Dataskyddsförordningen artikel 34', en: 'GDPR Art. 34' },
    ownWorkflow: false,
    owedWhen: { basis: 'outcome', roles: ['controller'], atLeast: 'high-risk' },
    reportKinds: [],
    languages: BOTH,
    delayReasonWhenLate: false,
    roles: { draft: INCIDENT_EDITORS, record: INCIDENT_EDITORS, ...decisions },
    minimumReasonLength: WRITTEN_REASON_MIN_LENGTH,
    recordChannels: [],
    settledBy: 'filing-or-decision',
  },
  'lex-maria': {
    kind: 'lex-maria',
    label: { sv: 'Anmälan enligt lex Maria till IVO', en: 'Lex Maria report to IVO' },
    recipient: { sv: 'Inspektionen för vård och omsorg (IVO)', en: 'The Health and Social Care Inspectorate (IVO)' },
    basis: { sv: 'Patientsäkerhetslagen 3 kap. 5 §', en: 'Patient Safety Act (2010:659), chapter 3, section 5' },
    ownWorkflow: true,
    owedWhen: { basis: 'screening', decidedBy: ['dpo'], orDesignatedReporter: true },
    // "Snarast" (as soon as possible): the organisation's target, not a legal number of days.
    deadline: { basis: 'organisation-target', setting: 'lexMariaReportDays', unit: 'days', default: 14 },
    // The investigation (händelseanalys) goes with the report or "snarast därefter".
    supplements: { basis: 'organisation-target', setting: 'lexMariaInvestigationDays', unit: 'days', default: 42 },
    stagePlan: 'first-report-and-supplements',
    reportKinds: ['initial', 'supplement'],
    languages: ['sv'],
    delayReasonWhenLate: false,
    roles: { draft: INCIDENT_EDITORS, record: INCIDENT_EDITORS, ...decisions },
    recordedByDesignatedReporter: true,
    minimumReasonLength: WRITTEN_REASON_MIN_LENGTH,
    recordChannels: ['ivo-e-service', 'post'],
    channelRule: {
      sv: 'IVO tar emot anmälningar enligt lex Maria bara via sin e-tjänst eller med vanlig post, aldrig med e-post: de innehåller sekretessbelagda uppgifter om patienter',
      en: 'IVO accepts Lex Maria reports only through its e-service or by ordinary post, never by e-mail: they contain confidential patient data',
    },
    settledBy: 'filing-or-decision',
  },
  nis2: {
    kind: 'nis2',
    label: { sv: 'Incidentrapportering enligt cybersäkerhetslagen (NIS2) till MCF', en: 'NIS2 incident reporting to MCF' },
    recipient: { sv: 'Myndigheten för civilt försvar (MCF), CSIRT-enheten', en: 'The Swedish Civil Defence Agency (MCF), the CSIRT' },
    basis: { sv: 'Cybersäkerhetslagen (2025:1506) 2 kap. 5–8 §§', en: 'Swedish Cybersecurity Act (2025:1506), chapter 2, sections 5–8' },
    ownWorkflow: true,
    owedWhen: { basis: 'screening', decidedBy: APPROVER_ROLES, orDesignatedReporter: false },
    // The early warning: at the latest 24 hours after becoming aware (2 kap. 5 §).
    deadline: { basis: 'legal', hours: 24 },
    stagePlan: 'nis2-staged-reports',
    reportKinds: ['early-warning', 'notification', 'intermediate', 'progress', 'final'],
    languages: BOTH,
    delayReasonWhenLate: false,
    roles: { draft: INCIDENT_EDITORS, record: INCIDENT_EDITORS, ...decisions },
    minimumReasonLength: WRITTEN_REASON_MIN_LENGTH,
    recordChannels: ['mcf-e-service', 'e-mail', 'other'],
    settledBy: 'filing-or-decision',
  },
} as const satisfies Readonly<Record<TrackKind, TrackDefinition>>;

export const TRACK_CATALOGUE: Readonly<Record<TrackKind, TrackDefinition>> = CATALOGUE;

/** The tracks with drafts, approvals and recorded filings in a workflow of their own, as a type. */
export type FilingTrack = { [K in TrackKind]: (typeof CATALOGUE)[K]['ownWorkflow'] extends true ? K : never }[TrackKind];

export function trackDefinition(kind: TrackKind): TrackDefinition {
  return TRACK_CATALOGUE[kind];
}

export function isTrackKind(value: string): value is TrackKind {
  return (TRACK_KINDS as readonly string[]).includes(value);
}

export const trackLabel = (kind: TrackKind, language: Language): string => TRACK_CATALOGUE[kind].label[language];

/** Tracks with drafts, approvals and recorded filings in a workflow of their own. */
export const FILING_TRACKS: readonly FilingTrack[] = TRACK_KINDS.filter((kind): kind is FilingTrack => TRACK_CATALOGUE[kind].ownWorkflow);

export const isFilingTrack = (kind: TrackKind): kind is FilingTrack => TRACK_CATALOGUE[kind].ownWorkflow;

/** Tracks a person screens into being owed (Lex Maria, NIS2). */
export const SCREENED_TRACKS: readonly TrackKind[] = TRACK_KINDS.filter((kind) => TRACK_CATALOGUE[kind].owedWhen.basis === 'screening');

/** Every channel some filing track accepts, for the request schema; each track narrows it. */
export const FILING_RECORD_CHANNELS = RECORD_CHANNELS.filter((channel) => FILING_TRACKS.some((kind) => TRACK_CATALOGUE[kind].recordChannels.includes(channel)));

/** Every report kind some track accepts, for the request schema; each track narrows it. */
export const DRAFTABLE_KINDS: readonly FilingKind[] = [...new Set(TRACK_KINDS.flatMap((kind) => TRACK_CATALOGUE[kind].reportKinds))];

/** The roles that may take a step on at least one track: a route admits them, the track's own rule decides. */
export function rolesForStep(step: keyof TrackRoles): Role[] {
  return [...new Set(TRACK_KINDS.flatMap((kind) => TRACK_CATALOGUE[kind].roles[step]))];
}

/** The roles that may screen at least one track (a designated reporter is let through and judged by the rule). */
export function rolesForScreening(): Role[] {
  return [...new Set(SCREENED_TRACKS.flatMap((kind) => {
    const rule = TRACK_CATALOGUE[kind].owedWhen;
    return rule.basis === 'screening' ? [...rule.decidedBy, ...(rule.orDesignatedReporter ? INCIDENT_EDITORS : [])] : [];
  }))];
}

const HOUR_MS = 3_600_000;

/** A window counted in elapsed time (legal hours or the organisation's target), in milliseconds; undefined for calendar periods. */
export function windowMs(window: TrackWindow, settings: ClockSettings = {}): number | undefined {
  switch (window.basis) {
    case 'legal':
      return window.hours * HOUR_MS;
    case 'organisation-target': {
      const value = settings[window.setting] ?? window.default;
      return value * (window.unit === 'days' ? 24 : 1) * HOUR_MS;
    }
    default:
      return undefined;
  }
}

/**
 * The tracks an effective outcome implies for our role (null: no assessment yet). Owed tracks
 * only ever grow: see `nextOwedTracks`.
 */
export function tracksImpliedBy(outcome: RiskOutcome | null, role: OrganisationRole): TrackKind[] {
  return TRACK_KINDS.filter((kind) => {
    const rule = TRACK_CATALOGUE[kind].owedWhen;
    if (rule.basis !== 'outcome' || !rule.roles.includes(role)) return false;
    if (rule.atLeast === null) return true;
    return outcome !== null && RISK_OUTCOMES.indexOf(outcome) >= RISK_OUTCOMES.indexOf(rule.atLeast);
  });
}
