import { ConflictException, Inject, Injectable, Logger, NotFoundException, ServiceUnavailableException, UnprocessableEntityException } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { IncidentFacts } from '../../../../libs/domain/src/incident/incident-facts.js';
import { applyFactsChanges, type AppendFactsRequest, validateNewIncident } from '../../../../libs/domain/src/incident/validate-incident-facts.js';
import { appendAudit } from '../../../../libs/persistence/src/audit/audit-log.js';
import { canonicalJson } from '../../../../libs/domain/src/risk/canonical-hash.js';
import { DeadlineClock } from '../../../../libs/persistence/src/entities/deadline-clock.entity.js';
import { IdempotencyKey } from '../../../../libs/persistence/src/entities/idempotency-key.entity.js';
import { IncidentFactsVersion } from '../../../../libs/persistence/src/entities/incident-facts-version.entity.js';
import { Incident } from '../../../../libs/persistence/src/entities/incident.entity.js';
import { Organisation } from '../../../../libs/persistence/src/entities/organisation.entity.js';
import { Reminder } from '../../../../libs/persistence/src/entities/reminder.entity.js';
import type { RiskAssessment } from '../../../../libs/persistence/src/entities/risk-assessment.entity.js';
import { riskPictureOf } from '../../../../libs/persistence/src/risk/load-risk-picture.js';
import { riskFactsOfIncident } from '../../../../libs/domain/src/incident/risk-facts-of-incident.js';
import type { RiskOutcome } from '../../../../libs/domain/src/risk/assessment.js';
import { incidentWorkflowId, type ClockState, type IncidentState } from '../../../../workflows/messages.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { InvalidInputException } from '../common/invalid-input.exception.js';
import type { AssessmentHistoryEntry, IncidentRiskView } from '../../../../libs/persistence/src/risk/risk-picture-view.js';
import { IncidentRiskService } from '../risk/incident-risk.service.js';
import type { RiskOverrideRequest } from '../risk/risk-override.request.js';
import { IncidentWorkflowGateway } from '../temporal/incident-workflow.gateway.js';
import type { IncidentListQuery } from './incident-list.query.js';
import { incidentSummaryView, type IncidentSummaryView, type IncidentView, type TrackView } from './incident-view.js';

const UNIQUE_VIOLATION = '23505';

/** The incident use-cases: the case file lives in PostgreSQL, its clocks in the incident workflow. */
@Injectable()
export class IncidentsService {
  private readonly log = new Logger(IncidentsService.name);

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(IncidentWorkflowGateway) private readonly workflows: IncidentWorkflowGateway,
    @Inject(IncidentRiskService) private readonly risk: IncidentRiskService,
  ) {}

  /**
   * Stores the incident and its first facts version, then starts its workflow. With an
   * Idempotency-Key, a retry (even after a crash between the two steps) creates nothing twice
   * and completes whatever the first attempt left undone.
   */
  async create(user: AuthenticatedUser, body: unknown, idempotencyKey?: string): Promise<{ view: IncidentView; replayed: boolean }> {
    const validation = validateNewIncident(body, new Date());
    if (!validation.ok) throw new InvalidInputException(validation.errors);
    const facts = validation.value;
    const requestHash = createHash('sha256').update(canonicalJson(body)).digest('hex');

    if (idempotencyKey) {
      const replay = await this.replayIdempotent(user, idempotencyKey, requestHash);
      if (replay) return { view: replay, replayed: true };
    }

    const settings = this.organisationSettings(user.organisationId);
    settings.catch(() => undefined); // awaited below; a failed insert must not leave it unhandled
    let created: { incident: Incident; assessment: RiskAssessment | undefined };
    try {
      created = await this.dataSource.transaction((manager) => this.insertIncident(manager, user, facts, idempotencyKey, requestHash));
    } catch (error) {
      // Two requests with the same key raced; the loser answers with the winner's incident.
      if (idempotencyKey && (error as { code?: string }).code === UNIQUE_VIOLATION) {
        const replay = await this.replayIdempotent(user, idempotencyKey, requestHash);
        if (replay) return { view: replay, replayed: true };
      }
      throw error;
    }
    // What the request already knows is handed on, not read back from the database.
    const { incident, assessment } = created;
    const risk = assessment ? riskPictureOf(assessment) : null;
    await this.startWorkflow(incident, { role: facts.ourRole, outcome: risk?.outcome ?? null, affectedControllers: facts.affectedControllers }, await settings);
    return { view: await this.view(incident, { facts, risk }), replayed: false };
  }

  async list(user: AuthenticatedUser, query: IncidentListQuery): Promise<{ items: IncidentSummaryView[]; total: number; limit: number; offset: number }> {
    const builder = this.dataSource
      .getRepository(Incident)
      .createQueryBuilder('i')
      .where('i.organisation_id = :org', { org: user.organisationId });
    if (query.status) builder.andWhere('i.status = :status', { status: query.status });
    if (query.q) {
      builder.andWhere("(i.title ILIKE :q ESCAPE '\\' OR i.reference ILIKE :q ESCAPE '\\')", {
        q: `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
      });
    }
    if (query.awareFrom) builder.andWhere('i.aware_at >= :from', { from: new Date(query.awareFrom) });
    if (query.awareTo) builder.andWhere('i.aware_at < :to', { to: new Date(query.awareTo) });
    const [rows, total] = await builder
      .orderBy('i.aware_at', 'DESC')
      .addOrderBy('i.id', 'ASC')
      .take(query.limit)
      .skip(query.offset)
      .getManyAndCount();
    return { items: rows.map(incidentSummaryView), total, limit: query.limit, offset: query.offset };
  }

  async get(user: AuthenticatedUser, id: string): Promise<IncidentView> {
    return this.view(await this.findOwned(this.dataSource.manager, user, id));
  }

  /** Appends a facts version (immutable), then moves the workflow's clocks to the new timeline. */
  async appendFacts(user: AuthenticatedUser, id: string, request: AppendFactsRequest): Promise<IncidentView> {
    const incident = await this.dataSource.transaction(async (manager) => {
      const current = await this.findOwned(manager, user, id, true);
      if (request.baseVersion !== undefined && request.baseVersion !== current.currentFactsVersion) {
        throw new ConflictException(
          `the facts changed since version ${request.baseVersion}; the current version is ${current.currentFactsVersion}: reload and apply your change again`,
        );
      }
      const previous = await manager.findOneByOrFail(IncidentFactsVersion, { incidentId: id, version: current.currentFactsVersion });
      const merged = applyFactsChanges(previous.facts, request.changes, new Date());
      if (!merged.ok) {
        throw new InvalidInputException(merged.errors.map((e) => ({ ...e, field: `changes.${e.field}` })));
      }
      const version = current.currentFactsVersion + 1;
      await manager.insert(IncidentFactsVersion, {
        incidentId: id,
        version,
        facts: merged.value,
        changeReason: request.reason ?? null,
        recordedBy: user.id,
      });
      await this.risk.assessFactsVersion(manager, user.organisationId, id, version, merged.value);
      await manager.update(Incident, { id }, { currentFactsVersion: version, title: merged.value.title, awareAt: new Date(merged.value.awareAt) });
      await appendAudit(manager, {
        organisationId: user.organisationId,
        incidentId: id,
        actor: user.id,
        action: 'incident.facts-recorded',
        detail: { version, changed: Object.keys(request.changes).sort() },
      });
      return manager.findOneByOrFail(Incident, { id });
    });
    await this.syncWorkflow(incident);
    return this.view(incident);
  }

  async assessments(user: AuthenticatedUser, id: string): Promise<{ items: AssessmentHistoryEntry[] }> {
    await this.findOwned(this.dataSource.manager, user, id);
    return { items: await this.risk.history(this.dataSource.manager, id) };
  }

  /** A manager replaces the outcome of the current assessment; the workflow learns the new outcome. */
  async overrideOutcome(user: AuthenticatedUser, id: string, decision: RiskOverrideRequest): Promise<IncidentView> {
    const incident = await this.dataSource.transaction(async (manager) => {
      const current = await this.findOwned(manager, user, id, true);
      if (decision.factsVersion !== undefined && decision.factsVersion !== current.currentFactsVersion) {
        throw new ConflictException(
          `the facts changed since version ${decision.factsVersion}; the current version is ${current.currentFactsVersion}: review the new assessment first`,
        );
      }
      await this.risk.override(manager, user, id, current.currentFactsVersion, decision);
      return current;
    });
    const { outcome } = await this.riskSignals(incident);
    try {
      if (outcome) await this.workflows.recordRiskOutcome(incident.workflowId, { factsVersion: incident.currentFactsVersion, outcome });
    } catch (error) {
      this.log.warn(`workflow ${incident.workflowId} did not take the overridden outcome: ${(error as Error).message}`);
    }
    return this.view(incident);
  }

  private async insertIncident(
    manager: EntityManager,
    user: AuthenticatedUser,
    facts: IncidentFacts,
    idempotencyKey: string | undefined,
    requestHash: string,
  ): Promise<{ incident: Incident; assessment: RiskAssessment | undefined }> {
    const id = randomUUID();
    const reference = await this.nextReference(manager, user.organisationId, new Date(facts.awareAt));
    await manager.insert(Incident, {
      id,
      organisationId: user.organisationId,
      reference,
      title: facts.title,
      status: 'open',
      awareAt: new Date(facts.awareAt),
      currentFactsVersion: 1,
      workflowId: incidentWorkflowId(id),
      createdBy: user.id,
    });
    await manager.insert(IncidentFactsVersion, { incidentId: id, version: 1, facts, changeReason: null, recordedBy: user.id });
    const assessment = await this.risk.assessFactsVersion(manager, user.organisationId, id, 1, facts);
    if (idempotencyKey) {
      await manager.insert(IdempotencyKey, { organisationId: user.organisationId, key: idempotencyKey, requestHash, incidentId: id });
    }
    await appendAudit(manager, {
      organisationId: user.organisationId,
      incidentId: id,
      actor: user.id,
      action: 'incident.created',
      detail: { reference, factsVersion: 1 },
    });
    return { incident: await manager.findOneByOrFail(Incident, { id }), assessment };
  }

  /** BF-<year>-<n>, numbered per organisation and year; serialised per organisation. */
  private async nextReference(manager: EntityManager, organisationId: string, awareAt: Date): Promise<string> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`incident-reference:${organisationId}`]);
    const year = awareAt.getUTCFullYear();
    const prefix = `BF-${year}-`;
    const [row] = await manager.query(
      `SELECT coalesce(max(substring(reference from length($2) + 1)::int), 0) AS last
         FROM incidents WHERE organisation_id = $1 AND reference LIKE $2 || '%'`,
      [organisationId, prefix],
    );
    return `${prefix}${String(Number(row.last) + 1).padStart(4, '0')}`;
  }

  private async replayIdempotent(user: AuthenticatedUser, key: string, requestHash: string): Promise<IncidentView | undefined> {
    const record = await this.dataSource.getRepository(IdempotencyKey).findOneBy({ organisationId: user.organisationId, key });
    if (!record) return undefined;
    if (record.requestHash !== requestHash) {
      throw new UnprocessableEntityException('this Idempotency-Key was already used with a different request body');
    }
    const incident = await this.dataSource.getRepository(Incident).findOneByOrFail({ id: record.incidentId });
    await this.startWorkflow(incident);
    return this.view(incident);
  }

  private async startWorkflow(
    incident: Incident,
    known?: Awaited<ReturnType<IncidentsService['riskSignals']>>,
    settings?: Awaited<ReturnType<IncidentsService['organisationSettings']>>,
  ): Promise<void> {
    const { role, outcome, affectedControllers } = known ?? (await this.riskSignals(incident));
    try {
      await this.workflows.start(incident.workflowId, incident.reference, {
        incidentId: incident.id,
        organisationId: incident.organisationId,
        factsVersion: incident.currentFactsVersion,
        awareAt: incident.awareAt.toISOString(),
        role,
        outcome,
        affectedControllers,
        ...(settings ?? (await this.organisationSettings(incident.organisationId))),
      });
    } catch (error) {
      this.log.error(`starting workflow ${incident.workflowId} failed: ${(error as Error).message}`);
      throw new ServiceUnavailableException(
        `incident ${incident.reference} is stored but its workflow could not be started; retry with the same Idempotency-Key`,
      );
    }
  }

  /** Brings a workflow that missed a facts version up to date; harmless when it is current. */
  private async syncWorkflow(incident: Incident): Promise<void> {
    const { role, outcome } = await this.riskSignals(incident);
    try {
      await this.workflows.recordFactsVersion(incident.workflowId, {
        version: incident.currentFactsVersion,
        awareAt: incident.awareAt.toISOString(),
        role,
        outcome,
      });
    } catch (error) {
      this.log.warn(`workflow ${incident.workflowId} did not take facts version ${incident.currentFactsVersion}: ${(error as Error).message}`);
    }
  }

  /** The organisation's clock settings, fixed into each incident's workflow when it starts. */
  private async organisationSettings(organisationId: string) {
    const organisation = await this.dataSource.getRepository(Organisation).findOneByOrFail({ id: organisationId });
    return { reminderFractions: organisation.reminderFractions, processorNoticeHours: organisation.processorNoticeHours };
  }

  /** What the workflow needs to know to decide which tracks are owed. */
  private async riskSignals(
    incident: Incident,
  ): Promise<{ role: IncidentFacts['ourRole']; outcome: RiskOutcome | null; affectedControllers?: string[] }> {
    const { facts } = await this.dataSource
      .getRepository(IncidentFactsVersion)
      .findOneByOrFail({ incidentId: incident.id, version: incident.currentFactsVersion });
    const risk = await this.risk.current(this.dataSource.manager, incident.id, incident.currentFactsVersion);
    return { role: facts.ourRole, outcome: risk?.outcome ?? null, affectedControllers: facts.affectedControllers };
  }

  private async findOwned(manager: EntityManager, user: AuthenticatedUser, id: string, lock = false): Promise<Incident> {
    const incident = await manager.getRepository(Incident).findOne({
      where: { id, organisationId: user.organisationId },
      lock: lock ? { mode: 'pessimistic_write' } : undefined,
    });
    // Another organisation's incident is indistinguishable from a missing one.
    if (!incident) throw new NotFoundException(`incident ${id} not found`);
    return incident;
  }

  private async view(incident: Incident, known?: { facts: IncidentFacts; risk: IncidentRiskView | null }): Promise<IncidentView> {
    // The case file and the workflow are asked at the same time.
    const [facts, risk, firstState] = await Promise.all([
      known?.facts ??
        this.dataSource
          .getRepository(IncidentFactsVersion)
          .findOneByOrFail({ incidentId: incident.id, version: incident.currentFactsVersion })
          .then((version) => version.facts),
      known ? known.risk : this.risk.current(this.dataSource.manager, incident.id, incident.currentFactsVersion),
      this.workflows.state(incident.workflowId),
    ]);
    let state = firstState;
    if (state && state.factsVersion < incident.currentFactsVersion) {
      await this.syncWorkflow(incident);
      state = await this.workflows.state(incident.workflowId);
    }
    const riskFacts = riskFactsOfIncident(facts);
    return {
      ...incidentSummaryView(incident),
      facts,
      risk,
      missingRiskFacts: riskFacts.complete ? [] : riskFacts.missing,
      tracks: await this.trackViews(incident, state),
      clocks: state?.clocks ?? (await this.clocksFromDatabase(incident.id)),
      clocksSource: state ? 'workflow' : 'database',
      workflowId: incident.workflowId,
    };
  }

  /** Each owed track with its live status, deadline and next reminder (from its own workflow where it has one). */
  private async trackViews(incident: Incident, state: IncidentState | undefined): Promise<TrackView[]> {
    if (!state) return [];
    return Promise.all(
      state.tracks.map(async (owed): Promise<TrackView> => {
        const live = owed.kind === 'gdpr-art33' || owed.kind === 'gdpr-art33-2' ? await this.workflows.trackState(incident.id, owed.kind) : undefined;
        // Until the track's own workflow answers, the Art. 33 deadline is the incident clock's.
        const deadline = live?.deadline ?? (owed.kind === 'gdpr-art33' ? (state.clocks.find((c) => c.kind === 'gdpr-art33')?.deadline ?? null) : null);
        const fallback =
          owed.kind === 'gdpr-art33-register'
            ? state.status === 'closed'
              ? 'complete'
              : 'open'
            : (state.trackStatus[owed.kind] ?? (deadline && Date.now() >= new Date(deadline).getTime() ? 'overdue' : 'open'));
        return {
          ...owed,
          live: live !== undefined,
          status: live?.status ?? fallback,
          deadline,
          nextReminder: live?.nextReminder ?? null,
          late: live?.late ?? null,
          supplementDeadline: live?.supplementDeadline ?? null,
          filings: live?.filings.map((f) => ({ id: f.filingId, sequence: f.sequence, kind: f.kind, status: f.status, revision: f.revision, recipient: f.recipient })) ?? [],
        };
      }),
    );
  }

  /** What the workflow last recorded, for when it cannot answer a query (e.g. no worker). */
  private async clocksFromDatabase(incidentId: string): Promise<ClockState[]> {
    const clocks = await this.dataSource.getRepository(DeadlineClock).findBy({ incidentId });
    const fired = await this.dataSource.getRepository(Reminder).findBy({ incidentId });
    const now = Date.now();
    return clocks.map((clock) => ({
      kind: clock.kind,
      anchorAt: clock.anchorAt.toISOString(),
      deadline: clock.deadlineAt.toISOString(),
      status: now >= clock.deadlineAt.getTime() ? 'overdue' : 'running',
      reminders: fired
        .filter((r) => r.clockKind === clock.kind)
        .map((r) => ({ key: r.reminderKey, dueAt: r.dueAt.toISOString(), firedAt: r.firedAt.toISOString() })),
      nextReminder: null,
    }));
  }
}
