import type { UpdateDefinition } from '@temporalio/common';
import type { TrackKind } from '../../../domain/src/tracks/catalogue.js';
import type { FactsVersionRecorded, IncidentState, IncidentWorkflowInput, RiskOutcomeDecided } from '../../../../workflows/messages.js';
import type { TrackState } from '../../../../workflows/tracks/filing-track.messages.js';
import type { NoticeDeliveryInput } from '../../../../workflows/notices/notice-delivery.messages.js';

/**
 * How the use-cases reach an incident's workflows (Temporal, in production; the API provides the
 * adapter). A refusal by a workflow's rules arrives as a `RefusalError`.
 */
export interface IncidentWorkflows {
  /** Idempotent: starting an incident whose workflow already runs changes nothing. */
  start(workflowId: string, reference: string, input: IncidentWorkflowInput): Promise<void>;
  /**
   * A new run of a closed incident's workflow (same id), continuing from what its closed run knew.
   * Idempotent: when a reopened run already runs, nothing happens.
   */
  resumeClosed(workflowId: string, reference: string, input: IncidentWorkflowInput): Promise<void>;
  /** False when the workflow already knew this (or a newer) version. */
  recordFactsVersion(workflowId: string, recorded: FactsVersionRecorded): Promise<boolean>;
  recordRiskOutcome(workflowId: string, decided: RiskOutcomeDecided): Promise<void>;
  /** A human step on the incident workflow. */
  incidentStep<Arg, Result>(workflowId: string, update: UpdateDefinition<Result, [Arg]>, arg: Arg): Promise<Result>;
  /** A human step on one of the incident's track workflows. */
  trackStep<Arg>(incidentId: string, track: TrackKind, update: UpdateDefinition<TrackState, [Arg]>, arg: Arg): Promise<TrackState>;
  /** Starts sending a notice; idempotent while it runs (a second request joins the running one). */
  startNoticeDelivery(input: NoticeDeliveryInput): Promise<void>;
  /** The live state, or undefined when the workflow cannot answer in time (e.g. no worker running). */
  state(workflowId: string): Promise<IncidentState | undefined>;
  /** A track workflow's state, or undefined when it has not started or cannot answer in time. */
  trackState(incidentId: string, track: TrackKind): Promise<TrackState | undefined>;
}

export const INCIDENT_WORKFLOWS = Symbol('INCIDENT_WORKFLOWS');
