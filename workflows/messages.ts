import { defineQuery, defineUpdate } from '@temporalio/workflow';

/** What starts an incident's workflow; the API and tests use this exact shape. */
export interface IncidentWorkflowInput {
  incidentId: string;
  organisationId: string;
  factsVersion: number;
  /** ISO-8601: the moment the controller became aware; anchors the Art. 33 clock. */
  awareAt: string;
  /** Fractions of each clock's window at which reminders fire; the organisation's setting. */
  reminderFractions?: number[];
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
  clocks: ClockState[];
}

export interface FactsVersionRecorded {
  version: number;
  awareAt: string;
}

export const incidentStateQuery = defineQuery<IncidentState>('incidentState');

/** A new facts version was stored; the workflow moves its clocks to the new timeline. */
export const recordFactsVersionUpdate = defineUpdate<IncidentState, [FactsVersionRecorded]>('recordFactsVersion');

export const incidentWorkflowId = (incidentId: string): string => `incident-${incidentId}`;
