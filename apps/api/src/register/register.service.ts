import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { IncidentFacts } from '../../../../libs/domain/src/incident/incident-facts.js';
import { REGISTER_TRACK, type RegisterEntry } from '../../../../libs/domain/src/register/register-entry.js';
import { withRegisterCompleteness } from '../../../../libs/domain/src/register/register-completeness.js';
import { tracksForOutcome } from '../../../../libs/domain/src/risk/implied-tracks.js';
import { AuditEvent } from '../../../../libs/persistence/src/entities/audit-event.entity.js';
import { Filing } from '../../../../libs/persistence/src/entities/filing.entity.js';
import { IncidentFactsVersion } from '../../../../libs/persistence/src/entities/incident-facts-version.entity.js';
import { Incident } from '../../../../libs/persistence/src/entities/incident.entity.js';
import { RiskAssessment } from '../../../../libs/persistence/src/entities/risk-assessment.entity.js';
import { RiskOverride } from '../../../../libs/persistence/src/entities/risk-override.entity.js';
import { TrackDecision } from '../../../../libs/persistence/src/entities/track-decision.entity.js';
import { User } from '../../../../libs/persistence/src/entities/user.entity.js';
import { loadRiskPicture } from '../../../../libs/persistence/src/risk/load-risk-picture.js';

/** Audit actions that are decisions a supervisory authority may ask about: who decided what, when. */
const DECISIONS: Record<string, string> = {
  'incident.created': 'incident opened',
  'risk.overridden': 'risk outcome overridden',
  'filing.approved': 'report approved',
  'filing.rejected': 'report returned to drafting',
  'filing.filed': 'report filed',
  'track.not-required': 'track decided not required',
  'incident.closed': 'incident closed',
};

/**
 * The Art. 33(5) register: every incident, notified or not, with its facts, effects,
 * remedial action, assessment, decisions and delay reasons — built from the case file.
 */
@Injectable()
export class RegisterService {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async entries(organisationId: string): Promise<RegisterEntry[]> {
    const incidents = await this.dataSource.getRepository(Incident).find({ where: { organisationId }, order: { awareAt: 'ASC' } });
    const entries: RegisterEntry[] = [];
    for (const incident of incidents) entries.push(await this.entry(this.dataSource.manager, incident));
    return entries;
  }

  async entry(manager: EntityManager, incident: Incident): Promise<RegisterEntry> {
    const { facts } = await manager.findOneByOrFail(IncidentFactsVersion, { incidentId: incident.id, version: incident.currentFactsVersion });
    const risk = await loadRiskPicture(manager, incident.id, incident.currentFactsVersion);
    const filings = await manager.find(Filing, { where: { incidentId: incident.id }, order: { track: 'ASC', sequence: 'ASC' } });
    const notRequired = await manager.find(TrackDecision, { where: { incidentId: incident.id }, order: { decidedAt: 'ASC' } });
    const events = await manager.find(AuditEvent, { where: { incidentId: incident.id, action: In(Object.keys(DECISIONS)) }, order: { seq: 'ASC' } });
    const people = await this.displayNames(manager, [...events.map((e) => e.actor), ...notRequired.map((d) => d.decidedBy)]);
    const entry = withRegisterCompleteness(
      {
        incidentId: incident.id,
        reference: incident.reference,
        title: incident.title,
        status: incident.status,
        awareAt: incident.awareAt.toISOString(),
        occurredAt: facts.occurredAt ?? null,
        discoveredAt: facts.discoveredAt,
        containedAt: facts.containedAt ?? null,
        cause: facts.cause ?? null,
        ourRole: facts.ourRole,
        summary: facts.summary,
        dataCategories: facts.data?.categories ?? [],
        subjectCategories: facts.subjects?.categories ?? [],
        approxSubjects: facts.subjects?.approxCount ?? null,
        approxRecords: facts.approxRecords ?? null,
        effects: facts.likelyConsequences ?? null,
        remedialAction: facts.measures ?? null,
        assessment: risk
          ? {
              outcome: risk.outcome,
              computedOutcome: risk.computed.outcome,
              band: risk.computed.severity.band,
              score: risk.computed.severity.score,
              modelVersion: risk.computed.modelVersion,
              inputHash: risk.computed.inputHash,
              rationale: risk.computed.rationale.en,
              overridden: risk.outcomeSource === 'override',
              overrideJustification: risk.override?.justification ?? null,
            }
          : null,
        decisions: events.map((e) => ({ at: e.occurredAt.toISOString(), by: people.get(e.actor) ?? e.actor, what: DECISIONS[e.action] })),
        filings: filings.map((f) => ({ track: f.track, kind: f.kind, status: f.status, filedAt: f.filedAt?.toISOString() ?? null, reference: f.reference, late: f.late })),
        delayReasons: filings.map((f) => f.delayReason).filter((r): r is string => !!r),
        notRequired: notRequired.map((d) => ({ track: d.track, reason: d.reason, decidedBy: people.get(d.decidedBy) ?? d.decidedBy, decidedAt: d.decidedAt.toISOString() })),
        closedAt: incident.closedAt?.toISOString() ?? null,
      },
      await this.owedTracks(manager, incident.id, facts),
    );
    return entry;
  }

  /**
   * Every track any assessed or overridden outcome has implied: owed tracks only ever grow,
   * so the register counts a track owed once any outcome made it so.
   */
  async owedTracks(manager: EntityManager, incidentId: string, facts: IncidentFacts): Promise<string[]> {
    const outcomes = [
      ...(await manager.find(RiskAssessment, { where: { incidentId } })).map((a) => a.outcome),
      ...(await manager.find(RiskOverride, { where: { incidentId } })).map((o) => o.outcome),
    ];
    return [...new Set([REGISTER_TRACK, ...outcomes.flatMap((outcome) => tracksForOutcome(outcome, facts.ourRole))])];
  }

  private async displayNames(manager: EntityManager, ids: string[]): Promise<Map<string, string>> {
    const uuids = [...new Set(ids.filter((id) => /^[0-9a-f-]{36}$/.test(id)))];
    if (uuids.length === 0) return new Map();
    const users = await manager.find(User, { where: { id: In(uuids) } });
    return new Map(users.map((u) => [u.id, u.displayName]));
  }
}
