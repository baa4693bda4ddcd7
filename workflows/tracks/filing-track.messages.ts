import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { FilingKind, FilingLanguage, FilingTrack } from '../../libs/domain/src/filings/filing-input.js';
import type { Role } from '../../libs/domain/src/roles.js';
import type { ReminderState } from '../messages.js';

/** What starts one regulatory track of an incident (a child of the incident workflow). */
export interface FilingTrackInput {
  incidentId: string;
  organisationId: string;
  track: FilingTrack;
  /** The clock's anchor: awareAt (ISO-8601). */
  anchorAt: string;
  /** The window to the deadline: 72 h for Art. 33, the organisation's target for Art. 33(2). */
  windowMs: number;
  reminderFractions?: number[];
  /** Art. 33(2): the controllers to notify; the track is filed once each has been notified. */
  recipients?: string[];
}

export type TrackStatus = 'open' | 'awaiting-approval' | 'filed' | 'overdue' | 'not-required' | 'complete';
export type TrackFilingStatus = 'draft' | 'awaiting-approval' | 'approved' | 'filed';

export interface TrackFiling {
  filingId: string;
  sequence: number;
  kind: FilingKind;
  status: TrackFilingStatus;
  revision: number;
  authorId: string;
  recipient: string | null;
  filedAt: string | null;
}

export interface TrackState {
  track: FilingTrack;
  status: TrackStatus;
  deadline: string;
  /** Set by the first recorded filing and never changed after: later corrections cannot undo lateness. */
  late: boolean | null;
  firstFiledAt: string | null;
  /** Art. 33(4): supplements are expected within four weeks of the initial report, until a final one. */
  supplementDeadline: string | null;
  nextReminder: { key: string; dueAt: string; clock: 'deadline' | 'supplement' } | null;
  reminders: ReminderState[];
  filings: TrackFiling[];
  notRequired: { reason: string; decidedBy: string } | null;
}

export interface Actor {
  userId: string;
  role: Role;
}

export interface CreateDraftRequest {
  filingId: string;
  kind: FilingKind;
  language: FilingLanguage;
  actor: Actor;
  recipient?: string;
  informationToFollow?: string;
  noBreachJustification?: string;
  /** Reasons for delay, when the report will be filed after the deadline (printed in the report). */
  delayReason?: string;
}

export interface FilingDecision {
  filingId: string;
  /** The revision the person reviewed; a newer revision makes the decision stale. */
  revision: number;
  actor: Actor;
  comment?: string;
}

export interface RecordFilingRequest {
  filingId: string;
  filedAt: string;
  channel: string;
  delayReason?: string;
  actor: Actor;
}

export interface NotRequiredRequest {
  reason: string;
  actor: Actor;
}

export const trackStateQuery = defineQuery<TrackState>('trackState');
export const createDraftUpdate = defineUpdate<TrackState, [CreateDraftRequest]>('createDraft');
export const submitFilingUpdate = defineUpdate<TrackState, [FilingDecision]>('submitFiling');
export const approveFilingUpdate = defineUpdate<TrackState, [FilingDecision]>('approveFiling');
export const rejectFilingUpdate = defineUpdate<TrackState, [FilingDecision]>('rejectFiling');
export const recordFilingUpdate = defineUpdate<TrackState, [RecordFilingRequest]>('recordFiling');
export const markNotRequiredUpdate = defineUpdate<TrackState, [NotRequiredRequest]>('markNotRequired');
/** awareAt was corrected: the deadline moves until the first report is filed, then lateness is frozen. */
export const moveAnchorSignal = defineSignal<[{ anchorAt: string }]>('moveAnchor');

export const filingTrackWorkflowId = (incidentId: string, track: FilingTrack): string => `incident-${incidentId}-${track}`;

/** Why an update was refused; the API turns each into its HTTP status. */
export const REFUSAL = { forbidden: 'Forbidden', conflict: 'Conflict', unprocessable: 'Unprocessable' } as const;
