import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { FilingKind, FilingLanguage } from '../../libs/domain/src/filings/filing-input.js';
import type { ClockSettings, TrackKind } from '../../libs/domain/src/tracks/catalogue.js';
import type { Actor } from '../../libs/domain/src/tracks/filing-track-commands.js';
import type { FilingTrackState, PendingDeadline, TrackStatus } from '../../libs/domain/src/tracks/filing-track-state.js';
import type { DraftContent } from '../activity-contracts.js';
import type { ReminderState } from '../messages.js';

export type { Actor };

/** What starts one regulatory track of an incident (a child of the incident workflow). */
export interface FilingTrackInput {
  incidentId: string;
  organisationId: string;
  track: TrackKind;
  /** The clock's anchor: awareAt (ISO-8601). */
  anchorAt: string;
  /** The window to the deadline: 72 h for Art. 33, the organisation's target for Art. 33(2). */
  windowMs: number;
  reminderFractions?: number[];
  /** Art. 33(2): the controllers to notify; the track is filed once each has been notified. */
  recipients?: string[];
  /** Where calendar periods (the supplement period) are counted; Europe/Stockholm when absent. */
  timeZone?: string;
  /** The organisation's clock settings the track's windows are counted in (e.g. the Lex Maria targets). */
  settings?: ClockSettings;
}

/** The track as its workflow sees it now: the rules' state, its status and its reminders. */
export interface TrackState extends FilingTrackState {
  status: TrackStatus;
  /** Every deadline still to be met on the track (staged tracks have several). */
  pendingDeadlines: PendingDeadline[];
  /** The next reminder and the clock it belongs to: `deadline`, `supplement`, or a stage's clock. */
  nextReminder: { key: string; dueAt: string; clock: string } | null;
  reminders: ReminderState[];
}

export interface CreateDraftRequest {
  filingId: string;
  kind: FilingKind;
  language: FilingLanguage;
  actor: Actor;
  recipient?: string;
  /** A first report: what will follow in a supplement; giving it announces supplements. */
  supplementsToFollow?: string;
  /** A supplement that completes the report. */
  completesReport?: boolean;
  noBreachJustification?: string;
  /** Reasons for delay, when the report will be filed after the deadline (printed in the report). */
  delayReason?: string;
  secrecyRequest?: string;
}

/** Render an unfiled report again from the current facts, optionally changing what a person wrote in it. */
export interface RenderDraftRequest {
  filingId: string;
  actor: Actor;
  content: DraftContent;
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

/** A "not required" decision a second person (`actor`) approved on the proposal of `proposedBy`. */
export interface NotRequiredRequest {
  reason: string;
  actor: Actor;
  proposedBy?: string;
}

/** NIS2: the CSIRT asked for an intermediate report, due at `dueAt`. */
export interface IntermediateRequest {
  dueAt: string;
  actor: Actor;
}

/** NIS2: the incident was handled at `handledAt` (it dates the final report after a progress report). */
export interface HandledRequest {
  handledAt: string;
  actor: Actor;
}

export const trackStateQuery = defineQuery<TrackState>('trackState');
export const createDraftUpdate = defineUpdate<TrackState, [CreateDraftRequest]>('createDraft');
export const renderDraftUpdate = defineUpdate<TrackState, [RenderDraftRequest]>('renderDraft');
export const submitFilingUpdate = defineUpdate<TrackState, [FilingDecision]>('submitFiling');
export const approveFilingUpdate = defineUpdate<TrackState, [FilingDecision]>('approveFiling');
export const rejectFilingUpdate = defineUpdate<TrackState, [FilingDecision]>('rejectFiling');
export const recordFilingUpdate = defineUpdate<TrackState, [RecordFilingRequest]>('recordFiling');
export const markNotRequiredUpdate = defineUpdate<TrackState, [NotRequiredRequest]>('markNotRequired');
export const requestIntermediateUpdate = defineUpdate<TrackState, [IntermediateRequest]>('requestIntermediate');
export const recordHandledUpdate = defineUpdate<TrackState, [HandledRequest]>('recordHandled');
/** awareAt was corrected: the deadline moves until the first report is filed, then lateness is frozen. */
export const moveAnchorSignal = defineSignal<[{ anchorAt: string }]>('moveAnchor');

export const filingTrackWorkflowId = (incidentId: string, track: TrackKind): string => `incident-${incidentId}-${track}`;
