import { Inject, Injectable } from '@nestjs/common';
import type { IncidentFacts } from '../../../domain/src/incident/incident-facts.js';
import { withRegisterCompleteness } from '../../../domain/src/register/register-completeness.js';
import type { RegisterEntry } from '../../../domain/src/register/register-entry.js';
import { tracksImpliedBy, TRACK_KINDS, type TrackKind } from '../../../domain/src/tracks/catalogue.js';
import { owedIncludingScreened, registerTrackOutcomes } from '../../../domain/src/register/register-track-outcomes.js';
import { CaseFile, type Repositories } from '../../../persistence/src/case-file.js';
import type { Incident } from '../../../persistence/src/entities/incident.entity.js';

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
export class RegisterEntries {
  constructor(@Inject(CaseFile) private readonly caseFile: CaseFile) {}

  async all(organisationId: string): Promise<RegisterEntry[]> {
    const entries: RegisterEntry[] = [];
    for (const incident of await this.caseFile.read.incidents.allOf(organisationId)) entries.push(await this.entry(incident));
    return entries;
  }

  async entry(incident: Incident, repositories: Repositories = this.caseFile.read): Promise<RegisterEntry> {
    const [facts, risk, filings, notRequired, events, screeningRows] = await Promise.all([
      repositories.facts.facts(incident.id, incident.currentFactsVersion),
      repositories.risk.picture(incident.id, incident.currentFactsVersion),
      repositories.filings.ofIncident(incident.id),
      repositories.trackDecisions.ofIncident(incident.id),
      repositories.audit.ofIncident(incident.id, Object.keys(DECISIONS)),
      repositories.screenings.ofIncident(incident.id),
    ]);
    const people = await repositories.organisations.displayNames([
      ...events.map((event) => event.actor),
      ...notRequired.map((decision) => decision.decidedBy),
      ...screeningRows.map((screening) => screening.decidedBy),
    ]);
    const registerFilings = filings.map((filing) => ({ track: filing.track, kind: filing.kind, status: filing.status, filedAt: filing.filedAt?.toISOString() ?? null, reference: filing.reference, late: filing.late }));
    const decidedNotRequired = notRequired.map((decision) => ({
      track: decision.track,
      reason: decision.reason,
      decidedBy: people.get(decision.decidedBy) ?? decision.decidedBy,
      decidedAt: decision.decidedAt.toISOString(),
    }));
    const screenings = screeningRows.map((screening) => ({
      track: screening.track,
      applies: screening.applies,
      reason: screening.reason,
      decidedBy: people.get(screening.decidedBy) ?? screening.decidedBy,
      decidedAt: screening.decidedAt.toISOString(),
    }));
    const owed = owedIncludingScreened(await this.owedTracks(repositories, incident.id, facts), screenings);
    return withRegisterCompleteness(
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
        decisions: events.map((event) => ({ at: event.occurredAt.toISOString(), by: people.get(event.actor) ?? event.actor, what: DECISIONS[event.action] })),
        filings: registerFilings,
        delayReasons: filings.map((filing) => filing.delayReason).filter((reason): reason is string => !!reason),
        notRequired: decidedNotRequired,
        screenings,
        tracks: registerTrackOutcomes(owed, registerFilings, decidedNotRequired, screenings),
        closedAt: incident.closedAt?.toISOString() ?? null,
      },
      owed,
    );
  }

  /**
   * Every track any assessed or overridden outcome has implied (and those owed before any
   * assessment): owed tracks only ever grow, so the register counts a track owed once any
   * outcome made it so.
   */
  private async owedTracks(repositories: Repositories, incidentId: string, facts: IncidentFacts): Promise<TrackKind[]> {
    const outcomes = await repositories.risk.outcomesEverGiven(incidentId);
    const owed = new Set([...tracksImpliedBy(null, facts.ourRole), ...outcomes.flatMap((outcome) => tracksImpliedBy(outcome, facts.ourRole))]);
    return TRACK_KINDS.filter((kind) => owed.has(kind));
  }
}
