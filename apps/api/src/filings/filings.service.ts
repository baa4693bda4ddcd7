import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { FilingTrack } from '../../../../libs/domain/src/filings/filing-input.js';
import { appendAudit } from '../../../../libs/persistence/src/audit/audit-log.js';
import { Filing } from '../../../../libs/persistence/src/entities/filing.entity.js';
import { Incident } from '../../../../libs/persistence/src/entities/incident.entity.js';
import {
  approveFilingUpdate,
  createDraftUpdate,
  markNotRequiredUpdate,
  recordFilingUpdate,
  rejectFilingUpdate,
  submitFilingUpdate,
} from '../../../../workflows/tracks/filing-track.messages.js';
import { markTrackNotRequiredUpdate } from '../../../../workflows/messages.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { IncidentWorkflowGateway } from '../temporal/incident-workflow.gateway.js';
import type { CreateFilingRequest, RecordFilingRequest, ReviewRequest } from './filing-requests.js';
import { filingView } from './filing-view.js';

const FILING_TRACKS: readonly string[] = ['gdpr-art33', 'gdpr-art33-2'];

/**
 * The filing use-cases. Every human step goes to the track's workflow as an update, whose
 * validator decides (four-eyes, roles, stale revisions, delay reasons) and whose activity
 * writes the case file; the API then reads the result back.
 */
@Injectable()
export class FilingsService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(IncidentWorkflowGateway) private readonly workflows: IncidentWorkflowGateway,
  ) {}

  async draft(user: AuthenticatedUser, incidentId: string, request: CreateFilingRequest) {
    const incident = await this.ownedIncident(user, incidentId);
    if (incident.status === 'closed') throw new ConflictException('the incident is closed');
    const filingId = randomUUID();
    await this.workflows.trackStep(incident.id, request.track, createDraftUpdate, {
      filingId,
      kind: request.kind,
      language: request.language,
      actor: { userId: user.id, role: user.role },
      recipient: request.recipient,
      informationToFollow: request.informationToFollow,
      noBreachJustification: request.noBreachJustification,
      delayReason: request.delayReason,
    });
    return filingView(await this.dataSource.getRepository(Filing).findOneByOrFail({ id: filingId }));
  }

  async get(user: AuthenticatedUser, filingId: string): Promise<Filing> {
    const filing = await this.dataSource.getRepository(Filing).findOneBy({ id: filingId, organisationId: user.organisationId });
    if (!filing) throw new NotFoundException(`filing ${filingId} not found`);
    return filing;
  }

  async submit(user: AuthenticatedUser, filingId: string, request: ReviewRequest) {
    return this.step(user, filingId, submitFilingUpdate, request);
  }

  async approve(user: AuthenticatedUser, filingId: string, request: ReviewRequest) {
    return this.step(user, filingId, approveFilingUpdate, request);
  }

  async reject(user: AuthenticatedUser, filingId: string, request: ReviewRequest) {
    return this.step(user, filingId, rejectFilingUpdate, request);
  }

  async record(user: AuthenticatedUser, filingId: string, request: RecordFilingRequest) {
    const filing = await this.get(user, filingId);
    await this.workflows.trackStep(filing.incidentId, filing.track, recordFilingUpdate, {
      filingId,
      filedAt: request.filedAt,
      channel: request.channel,
      // The reasons written into the draft count unless the person recording gives new ones.
      delayReason: request.delayReason ?? filing.delayReason ?? undefined,
      actor: { userId: user.id, role: user.role },
    });
    if (request.reference) await this.recordReference(user, filingId, request.reference);
    return filingView(await this.get(user, filingId));
  }

  /** The authority's reference arrives after filing; it is recorded once and never changed. */
  async recordReference(user: AuthenticatedUser, filingId: string, reference: string) {
    const filing = await this.get(user, filingId);
    if (filing.status !== 'filed') throw new ConflictException('a reference can be recorded only for a filed report');
    if (filing.reference !== null) throw new ConflictException(`the reference is already recorded (${filing.reference}) and cannot change`);
    await this.dataSource.transaction(async (manager) => {
      const updated = await manager
        .createQueryBuilder()
        .update(Filing)
        .set({ reference, referenceRecordedAt: new Date() })
        .where('id = :id AND reference IS NULL', { id: filingId })
        .execute();
      if (updated.affected !== 1) throw new ConflictException('the reference was recorded by someone else just now');
      await appendAudit(manager, { organisationId: user.organisationId, incidentId: filing.incidentId, actor: user.id, action: 'filing.reference-recorded', detail: { filingId } });
    });
    return filingView(await this.get(user, filingId));
  }

  async markNotRequired(user: AuthenticatedUser, incidentId: string, track: string, reason: string) {
    const incident = await this.ownedIncident(user, incidentId);
    const actor = { userId: user.id, role: user.role };
    if (FILING_TRACKS.includes(track)) {
      return this.workflows.trackStep(incident.id, track as FilingTrack, markNotRequiredUpdate, { reason, actor });
    }
    return this.workflows.incidentStep(incident.workflowId, markTrackNotRequiredUpdate, { track, reason, actor });
  }

  private async step(user: AuthenticatedUser, filingId: string, update: typeof submitFilingUpdate, request: ReviewRequest) {
    const filing = await this.get(user, filingId);
    await this.workflows.trackStep(filing.incidentId, filing.track, update, {
      filingId,
      revision: request.revision ?? filing.revision,
      actor: { userId: user.id, role: user.role },
      comment: request.comment,
    });
    return filingView(await this.get(user, filingId));
  }

  private async ownedIncident(user: AuthenticatedUser, incidentId: string): Promise<Incident> {
    const incident = await this.dataSource.getRepository(Incident).findOneBy({ id: incidentId, organisationId: user.organisationId });
    if (!incident) throw new NotFoundException(`incident ${incidentId} not found`);
    return incident;
  }
}
