import { Inject, Injectable } from '@nestjs/common';
import { Client, Connection, WorkflowExecutionAlreadyStartedError, WorkflowUpdateFailedError } from '@temporalio/client';
import { TypedSearchAttributes, type UpdateDefinition } from '@temporalio/common';
import { APP_CONFIG, type AppConfig } from '../../../../libs/platform/src/config.js';
import { incidentReferenceAttribute, organisationIdAttribute } from '../../../../libs/platform/src/temporal.js';
import {
  incidentStateQuery,
  recordFactsVersionUpdate,
  recordRiskOutcomeUpdate,
  type FactsVersionRecorded,
  type RiskOutcomeDecided,
  type IncidentState,
  type IncidentWorkflowInput,
} from '../../../../workflows/messages.js';
import type { FilingTrack } from '../../../../libs/domain/src/filings/filing-input.js';
import { filingTrackWorkflowId, trackStateQuery, type TrackState } from '../../../../workflows/tracks/filing-track.messages.js';
import { SEARCH_ATTRIBUTES_AVAILABLE } from './temporal-client.module.js';
import { asHttpRefusal } from './workflow-refusal.js';

const QUERY_DEADLINE_MS = 3_000;

/** The API's only way to talk to incident workflows: start, tell about new facts, ask for state. */
@Injectable()
export class IncidentWorkflowGateway {
  constructor(
    @Inject(Client) private readonly client: Client,
    @Inject(Connection) private readonly connection: Connection,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SEARCH_ATTRIBUTES_AVAILABLE) private readonly searchAttributesAvailable: boolean,
  ) {}

  /** Idempotent: starting an incident whose workflow already runs is a no-op. */
  async start(workflowId: string, reference: string, input: IncidentWorkflowInput): Promise<void> {
    try {
      await this.client.workflow.start('incidentWorkflow', {
        workflowId,
        taskQueue: this.config.TEMPORAL_TASK_QUEUE,
        args: [input],
        workflowIdConflictPolicy: 'USE_EXISTING',
        typedSearchAttributes: this.searchAttributesAvailable
          ? new TypedSearchAttributes([
              { key: organisationIdAttribute, value: input.organisationId },
              { key: incidentReferenceAttribute, value: reference },
            ])
          : undefined,
      });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
  }

  /** Returns false when the workflow already knew this (or a newer) version. */
  async recordFactsVersion(workflowId: string, recorded: FactsVersionRecorded): Promise<boolean> {
    try {
      await this.client.workflow.getHandle(workflowId).executeUpdate(recordFactsVersionUpdate, { args: [recorded] });
      return true;
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError && /not newer/.test(error.cause?.message ?? '')) return false;
      throw error;
    }
  }

  async recordRiskOutcome(workflowId: string, decided: RiskOutcomeDecided): Promise<void> {
    await this.client.workflow.getHandle(workflowId).executeUpdate(recordRiskOutcomeUpdate, { args: [decided] });
  }

  /** Sends a human step to the incident workflow; a validator's refusal becomes a 4xx. */
  async incidentStep<Arg, Result>(workflowId: string, update: UpdateDefinition<Result, [Arg]>, arg: Arg): Promise<Result> {
    try {
      return await this.client.workflow.getHandle(workflowId).executeUpdate(update, { args: [arg] });
    } catch (error) {
      return asHttpRefusal(error);
    }
  }

  /** Sends a human step to one of the incident's track workflows; a validator's refusal becomes a 4xx. */
  async trackStep<Arg>(incidentId: string, track: FilingTrack, update: UpdateDefinition<TrackState, [Arg]>, arg: Arg): Promise<TrackState> {
    return this.incidentStep(filingTrackWorkflowId(incidentId, track), update, arg);
  }

  /** A track workflow's state, or undefined when it has not started or cannot answer in time. */
  async trackState(incidentId: string, track: FilingTrack): Promise<TrackState | undefined> {
    try {
      return await this.connection.withDeadline(Date.now() + QUERY_DEADLINE_MS, () =>
        this.client.workflow.getHandle(filingTrackWorkflowId(incidentId, track)).query(trackStateQuery),
      );
    } catch {
      return undefined;
    }
  }

  /** The live state, or undefined when the workflow cannot answer in time (e.g. no worker running). */
  async state(workflowId: string): Promise<IncidentState | undefined> {
    try {
      return await this.connection.withDeadline(Date.now() + QUERY_DEADLINE_MS, () =>
        this.client.workflow.getHandle(workflowId).query(incidentStateQuery),
      );
    } catch {
      return undefined;
    }
  }
}
