import { Inject, Injectable } from '@nestjs/common';
import { Client, Connection, WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure, TypedSearchAttributes, type UpdateDefinition } from '@temporalio/common';
import type { IncidentWorkflows } from '../../../../libs/application/src/ports/incident-workflows.js';
import { RefusalError, refusalKindOfFailureType } from '../../../../libs/domain/src/failures.js';
import type { TrackKind } from '../../../../libs/domain/src/tracks/catalogue.js';
import { APP_CONFIG, type AppConfig } from '../../../../libs/platform/src/config.js';
import { incidentReferenceAttribute, organisationIdAttribute } from '../../../../libs/platform/src/temporal.js';
import {
  incidentStateQuery,
  recordFactsVersionUpdate,
  recordRiskOutcomeUpdate,
  type FactsVersionRecorded,
  type IncidentState,
  type IncidentWorkflowInput,
  type RiskOutcomeDecided,
} from '../../../../workflows/messages.js';
import { noticeDeliveryWorkflowId, type NoticeDeliveryInput } from '../../../../workflows/notices/notice-delivery.messages.js';
import { filingTrackWorkflowId, trackStateQuery, type TrackState } from '../../../../workflows/tracks/filing-track.messages.js';
import { SEARCH_ATTRIBUTES_AVAILABLE } from './temporal-client.module.js';

const QUERY_DEADLINE_MS = 3_000;

/**
 * A workflow rule's refusal (an update's typed failure) as the use-cases know it; a track that
 * has no running workflow refuses as a conflict. Anything else is not a refusal and is rethrown.
 */
function asRefusal(error: unknown): never {
  if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
    const kind = refusalKindOfFailureType(error.cause.type);
    if (kind) {
      const [field] = (error.cause.details ?? []) as Array<string | undefined>;
      throw new RefusalError({ kind, message: error.cause.message, ...(typeof field === 'string' && { field }) });
    }
  }
  if (error instanceof WorkflowNotFoundError) throw new RefusalError({ kind: 'conflict', message: 'this track has no running workflow (it is not owed, or already settled)' });
  throw error;
}

/** The Temporal side of `IncidentWorkflows`: start, tell about new facts, take human steps, ask for state. */
@Injectable()
export class IncidentWorkflowGateway implements IncidentWorkflows {
  constructor(
    @Inject(Client) private readonly client: Client,
    @Inject(Connection) private readonly connection: Connection,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SEARCH_ATTRIBUTES_AVAILABLE) private readonly searchAttributesAvailable: boolean,
  ) {}

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

  async resumeClosed(workflowId: string, reference: string, input: IncidentWorkflowInput): Promise<void> {
    const handle = this.client.workflow.getHandle(workflowId);
    let closedState: IncidentState;
    try {
      const latest = await handle.query(incidentStateQuery);
      if (latest.status === 'open') return; // a reopened run already runs (a repeated request)
      // The closing run may still be finishing its last step: its answer is final either way.
      if ((await handle.describe()).status.name === 'RUNNING') await handle.result();
      // A closed run answers queries from its history.
      closedState = await handle.query(incidentStateQuery);
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) {
        throw new RefusalError({ kind: 'conflict', message: "the incident's workflow history is no longer kept (Temporal's retention period has passed), so it cannot be reopened" });
      }
      throw error;
    }
    const { tracks, trackStatus, screenings } = closedState;
    await this.start(workflowId, reference, { ...input, resumedFrom: { tracks, trackStatus, screenings } });
  }

  async startNoticeDelivery(input: NoticeDeliveryInput): Promise<void> {
    await this.client.workflow.start('noticeDeliveryWorkflow', {
      workflowId: noticeDeliveryWorkflowId(input.noticeId),
      taskQueue: this.config.TEMPORAL_TASK_QUEUE,
      args: [input],
      workflowIdConflictPolicy: 'USE_EXISTING',
    });
  }

  async recordFactsVersion(workflowId: string, recorded: FactsVersionRecorded): Promise<boolean> {
    try {
      await this.incidentStep(workflowId, recordFactsVersionUpdate, recorded);
      return true;
    } catch (error) {
      if (error instanceof RefusalError && error.refusal.kind === 'stale') return false;
      throw error;
    }
  }

  async recordRiskOutcome(workflowId: string, decided: RiskOutcomeDecided): Promise<void> {
    await this.incidentStep(workflowId, recordRiskOutcomeUpdate, decided);
  }

  async incidentStep<Arg, Result>(workflowId: string, update: UpdateDefinition<Result, [Arg]>, arg: Arg): Promise<Result> {
    try {
      return await this.client.workflow.getHandle(workflowId).executeUpdate(update, { args: [arg] });
    } catch (error) {
      return asRefusal(error);
    }
  }

  trackStep<Arg>(incidentId: string, track: TrackKind, update: UpdateDefinition<TrackState, [Arg]>, arg: Arg): Promise<TrackState> {
    return this.incidentStep(filingTrackWorkflowId(incidentId, track), update, arg);
  }

  async trackState(incidentId: string, track: TrackKind): Promise<TrackState | undefined> {
    try {
      return await this.connection.withDeadline(Date.now() + QUERY_DEADLINE_MS, () => this.client.workflow.getHandle(filingTrackWorkflowId(incidentId, track)).query(trackStateQuery));
    } catch {
      return undefined;
    }
  }

  async state(workflowId: string): Promise<IncidentState | undefined> {
    try {
      return await this.connection.withDeadline(Date.now() + QUERY_DEADLINE_MS, () => this.client.workflow.getHandle(workflowId).query(incidentStateQuery));
    } catch {
      return undefined;
    }
  }
}
