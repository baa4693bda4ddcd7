import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { OrganisationRole } from '../libs/domain/src/incident/incident-facts.js';
import type { RiskOutcome } from '../libs/domain/src/risk/assessment.js';
import type { ClockSettings, TrackKind } from '../libs/domain/src/tracks/catalogue.js';
import type { ScreeningAnswers, ScreeningRecord } from '../libs/domain/src/tracks/screening.js';
import type { Actor } from '../libs/domain/src/tracks/filing-track-commands.js';
import type { TrackStatus } from '../libs/domain/src/tracks/filing-track-state.js';
import type { OwedTrack } from '../libs/domain/src/tracks/owed-tracks.js';

/** What starts an incident's workflow; the API and tests use this exact shape. */
export interface IncidentWorkflowInput {
  incidentId: string;
  organisationId: string;
  factsVersion: number;
  /** ISO-8601: the moment the controller became aware; anchors the Art. 33 clock. */
  awareAt: string;
  /** Fractions of each clock's window at which reminders fire; the organisation's setting. */
  reminderFractions?: number[];
  /** Our role in this incident; decides which tracks an outcome implies. */
  role?: OrganisationRole;
  /** The effective risk outcome of the first facts version, or null while facts are incomplete. */
  outcome?: RiskOutcome | null;
  /** The organisation's target for a processor's Art. 33(2) notice, in hours (default 24). */
  processorNoticeHours?: number;
  /** Art. 33(2): the controllers a processor must notify. */
  affectedControllers?: string[];
  /** The organisation's time zone, where calendar periods are counted (Europe/Stockholm when absent). */
  timeZone?: string;
  /** The organisation's clock targets (e.g. Lex Maria's report and investigation targets). */
  clockSettings?: ClockSettings;
  /** A reopened incident: what its closed run knew, so tracks already started are never started again. */
  resumedFrom?: ResumedIncident;
}

/** The closed run's state a reopened incident's new run continues from. */
export interface ResumedIncident {
  tracks: OwedTrack[];
  trackStatus: Partial<Record<TrackKind, TrackStatus>>;
  screenings: Partial<Record<TrackKind, ScreeningRecord>>;
}

export interface ReminderState {
  key: string;
  dueAt: string;
  firedAt: string | null;
}

export interface ClockState {
  kind: string;
  anchorAt: string;
  deadline: string;
  status: 'running' | 'overdue';
  reminders: ReminderState[];
  nextReminder: { key: string; dueAt: string } | null;
}

export interface IncidentState {
  incidentId: string;
  factsVersion: number;
  role: OrganisationRole;
  /** The effective outcome the workflow acts on; null until the facts can be assessed. */
  riskOutcome: RiskOutcome | null;
  /** The regulatory tracks owed so far; they only ever grow (see libs/domain/src/tracks). */
  tracks: OwedTrack[];
  /** The status each track's own workflow last reported, by track kind. */
  trackStatus: Partial<Record<TrackKind, TrackStatus>>;
  status: 'open' | 'closed';
  clocks: ClockState[];
  /** What people decided when screening the tracks that are owed only by a person's decision. */
  screenings: Partial<Record<TrackKind, ScreeningRecord>>;
}

export interface FactsVersionRecorded {
  version: number;
  awareAt: string;
  role?: OrganisationRole;
  /** The effective outcome for this version; null while the facts cannot be assessed. */
  outcome?: RiskOutcome | null;
}

/** A manager overrode (or an override lapsed on) the outcome of the current facts version. */
export interface RiskOutcomeDecided {
  factsVersion: number;
  outcome: RiskOutcome;
}

export const incidentStateQuery = defineQuery<IncidentState>('incidentState');

/** A new facts version was stored; the workflow moves its clocks to the new timeline. */
export const recordFactsVersionUpdate = defineUpdate<IncidentState, [FactsVersionRecorded]>('recordFactsVersion');

/** The effective outcome changed without new facts (a manager's override). */
export const recordRiskOutcomeUpdate = defineUpdate<IncidentState, [RiskOutcomeDecided]>('recordRiskOutcome');

/** A track's workflow reports its status to the incident, which decides whether it may close. */
export const trackStatusSignal = defineSignal<[{ track: TrackKind; status: TrackStatus }]>('trackStatus');

export interface CloseIncidentRequest {
  actor: Actor;
}

/** Closing needs every owed track filed or decided not required (the API checks the register first). */
export const closeIncidentUpdate = defineUpdate<IncidentState, [CloseIncidentRequest]>('closeIncident');

/** A "not required" decision a second person (`actor`) approved on the proposal of `proposedBy`. */
export interface TrackNotRequiredRequest {
  track: string;
  reason: string;
  actor: Actor;
  proposedBy?: string;
}

export interface ScreeningUpdateRequest {
  track: string;
  applies: boolean;
  reason: string;
  answers: ScreeningAnswers;
  actor: Actor;
}

/** A person screened a track in (it becomes owed, with its own workflow) or out. */
export const recordScreeningUpdate = defineUpdate<IncidentState, [ScreeningUpdateRequest]>('recordScreening');

/** A track without a workflow of its own decided not required. */
export const markTrackNotRequiredUpdate = defineUpdate<IncidentState, [TrackNotRequiredRequest]>('markTrackNotRequired');

export const incidentWorkflowId = (incidentId: string): string => `incident-${incidentId}`;
