import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { OrganisationRole } from '../libs/domain/src/incident/incident-facts.js';
import type { RiskOutcome } from '../libs/domain/src/risk/assessment.js';
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
  clocks: ClockState[];
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

export const incidentWorkflowId = (incidentId: string): string => `incident-${incidentId}`;
