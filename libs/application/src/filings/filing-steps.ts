import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { raise } from '../../../domain/src/failures.js';
import type { FilingKind, FilingLanguage } from '../../../domain/src/filings/filing-input.js';
import { isTrackKind, type TrackKind } from '../../../domain/src/tracks/catalogue.js';
import { CaseFile } from '../../../persistence/src/case-file.js';
import type { Filing } from '../../../persistence/src/entities/filing.entity.js';
import type { DraftContent } from '../../../../workflows/activity-contracts.js';
import {
  approveFilingUpdate,
  createDraftUpdate,
  recordFilingUpdate,
  recordHandledUpdate,
  rejectFilingUpdate,
  renderDraftUpdate,
  requestIntermediateUpdate,
  submitFilingUpdate,
} from '../../../../workflows/tracks/filing-track.messages.js';
import { actorOf, designatedActorOf, type Caller } from '../caller.js';
import { IncidentQueries } from '../incidents/incident-queries.js';
import { INCIDENT_WORKFLOWS, type IncidentWorkflows } from '../ports/incident-workflows.js';
import { filingView, type FilingView } from './filing-view.js';

export interface DraftFilingRequest {
  track: TrackKind;
  language: FilingLanguage;
  kind: FilingKind;
  recipient?: string;
  /** A first report: what will follow in a supplement; giving it announces supplements (IMY then expects them within four weeks). */
  supplementsToFollow?: string;
  /** A supplement that completes the report. */
  completesReport?: boolean;
  noBreachJustification?: string;
  delayReason?: string;
  secrecyRequest?: string;
}

export interface ReviewRequest {
  comment?: string;
  /** The revision the person reviewed; the stored one when not given. */
  revision?: number;
}

export interface RecordFilingRequest {
  filedAt: string;
  channel: string;
  reference?: string;
  delayReason?: string;
}

/**
 * The people's steps on a track's reports. Each goes to the track's workflow as an update, whose
 * rules decide (roles, four eyes, stale revisions, delay reasons) and whose activity writes the
 * case file; the caller then reads the result back.
 */
@Injectable()
export class FilingSteps {
  constructor(
    @Inject(CaseFile) private readonly caseFile: CaseFile,
    @Inject(INCIDENT_WORKFLOWS) private readonly workflows: IncidentWorkflows,
    @Inject(IncidentQueries) private readonly incidents: IncidentQueries,
  ) {}

  async get(caller: Caller, filingId: string): Promise<Filing> {
    return (await this.caseFile.read.filings.findOwned(caller.organisationId, filingId)) ?? raise('not-found', `filing ${filingId} not found`);
  }

  async view(caller: Caller, filingId: string): Promise<FilingView> {
    return filingView(await this.get(caller, filingId));
  }

  async draft(caller: Caller, incidentId: string, request: DraftFilingRequest): Promise<FilingView> {
    const incident = await this.incidents.owned(caller, incidentId);
    if (incident.status === 'closed') raise('conflict', 'the incident is closed');
    const filingId = randomUUID();
    await this.workflows.trackStep(incident.id, request.track, createDraftUpdate, {
      filingId,
      kind: request.kind,
      language: request.language,
      actor: actorOf(caller),
      recipient: request.recipient,
      supplementsToFollow: request.supplementsToFollow,
      completesReport: request.completesReport,
      noBreachJustification: request.noBreachJustification,
      delayReason: request.delayReason,
      secrecyRequest: request.secrecyRequest,
    });
    return this.view(caller, filingId);
  }

  /** A new revision from the current facts, with whatever the person changed; any approval is undone. */
  async render(caller: Caller, filingId: string, content: DraftContent): Promise<FilingView> {
    const filing = await this.get(caller, filingId);
    await this.workflows.trackStep(filing.incidentId, filing.track, renderDraftUpdate, { filingId, actor: actorOf(caller), content });
    return this.view(caller, filingId);
  }

  submit(caller: Caller, filingId: string, request: ReviewRequest): Promise<FilingView> {
    return this.review(caller, filingId, submitFilingUpdate, request);
  }

  approve(caller: Caller, filingId: string, request: ReviewRequest): Promise<FilingView> {
    return this.review(caller, filingId, approveFilingUpdate, request);
  }

  reject(caller: Caller, filingId: string, request: ReviewRequest): Promise<FilingView> {
    return this.review(caller, filingId, rejectFilingUpdate, request);
  }

  async record(caller: Caller, filingId: string, request: RecordFilingRequest): Promise<FilingView> {
    const filing = await this.get(caller, filingId);
    // The reasons for a delay are part of the report the second person approved; recording only confirms them.
    const approvedReason = filing.delayReason?.trim() || null;
    const given = request.delayReason?.trim() || null;
    if (given !== null && given !== approvedReason) {
      raise('unprocessable', 'the reasons for the delay are part of the approved report and cannot change when it is recorded: change them in the draft and have it approved again', 'delayReason');
    }
    await this.workflows.trackStep(filing.incidentId, filing.track, recordFilingUpdate, {
      filingId,
      filedAt: request.filedAt,
      channel: request.channel,
      delayReason: approvedReason ?? undefined,
      // Lex Maria: only the reporters the care provider designated record the filing.
      actor: await designatedActorOf(this.caseFile, caller),
    });
    if (request.reference) return this.recordReference(caller, filingId, request.reference);
    return this.view(caller, filingId);
  }

  /** The authority's reference arrives after filing; it is recorded once and never changed. */
  async recordReference(caller: Caller, filingId: string, reference: string): Promise<FilingView> {
    const filing = await this.get(caller, filingId);
    if (filing.status !== 'filed') raise('conflict', 'a reference can be recorded only for a filed report');
    if (filing.reference !== null) raise('conflict', `the reference is already recorded (${filing.reference}) and cannot change`);
    await this.caseFile.transaction(async (repositories) => {
      if (!(await repositories.filings.addReference(filingId, reference, new Date()))) raise('conflict', 'the reference was recorded by someone else just now');
      await repositories.audit.append({ organisationId: caller.organisationId, incidentId: filing.incidentId, actor: caller.id, action: 'filing.reference-recorded', detail: { filingId } });
    });
    return this.view(caller, filingId);
  }

  /** NIS2: the CSIRT asked for an intermediate report by `dueAt`; a clock of its own starts. */
  async requestIntermediate(caller: Caller, incidentId: string, track: string, dueAt: string): Promise<void> {
    const incident = await this.openIncident(caller, incidentId, track);
    await this.workflows.trackStep(incident.id, track as TrackKind, requestIntermediateUpdate, { dueAt, actor: actorOf(caller) });
  }

  /** NIS2: the incident was handled at `handledAt`; after a progress report the final report is due a month later. */
  async recordHandled(caller: Caller, incidentId: string, track: string, handledAt: string): Promise<void> {
    const incident = await this.openIncident(caller, incidentId, track);
    await this.workflows.trackStep(incident.id, track as TrackKind, recordHandledUpdate, { handledAt, actor: actorOf(caller) });
  }

  private async openIncident(caller: Caller, incidentId: string, track: string) {
    if (!isTrackKind(track)) raise('not-found', `unknown track ${track}`);
    const incident = await this.incidents.owned(caller, incidentId);
    if (incident.status === 'closed') raise('conflict', 'the incident is closed');
    return incident;
  }

  private async review(caller: Caller, filingId: string, update: typeof submitFilingUpdate, request: ReviewRequest): Promise<FilingView> {
    const filing = await this.get(caller, filingId);
    await this.workflows.trackStep(filing.incidentId, filing.track, update, {
      filingId,
      revision: request.revision ?? filing.revision,
      actor: actorOf(caller),
      comment: request.comment,
    });
    return this.view(caller, filingId);
  }
}
