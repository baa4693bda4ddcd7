import { Inject, Injectable } from '@nestjs/common';
import { isPastDeadline } from '../../../domain/src/clocks/deadline.js';
import { raise } from '../../../domain/src/failures.js';
import type { IncidentFacts } from '../../../domain/src/incident/incident-facts.js';
import { riskFactsOfIncident } from '../../../domain/src/incident/risk-facts-of-incident.js';
import { TRACK_CATALOGUE } from '../../../domain/src/tracks/catalogue.js';
import { suggestedScreenings } from '../../../domain/src/tracks/screening.js';
import { CaseFile } from '../../../persistence/src/case-file.js';
import type { Incident } from '../../../persistence/src/entities/incident.entity.js';
import type { IncidentFilter } from '../../../persistence/src/repositories/incident.repository.js';
import type { AssessmentHistoryEntry, IncidentRiskView } from '../../../persistence/src/risk/risk-picture-view.js';
import type { ClockState, IncidentState } from '../../../../workflows/messages.js';
import type { Caller } from '../caller.js';
import { INCIDENT_WORKFLOWS, type IncidentWorkflows } from '../ports/incident-workflows.js';
import { proposedDecisionView } from '../decisions/proposed-decision-view.js';
import { factsVersionViews, type FactsVersionView } from './facts-version-view.js';
import { incidentSummaryView, type IncidentSummaryView, type IncidentView, type TrackView } from './incident-view.js';

/**
 * What a person reads about incidents: the case file from PostgreSQL, the clocks live from the
 * workflows. Reading never writes: a workflow that lags behind the case file shows as such.
 */
@Injectable()
export class IncidentQueries {
  constructor(
    @Inject(CaseFile) private readonly caseFile: CaseFile,
    @Inject(INCIDENT_WORKFLOWS) private readonly workflows: IncidentWorkflows,
  ) {}

  /** The caller's organisation's incident; another organisation's is indistinguishable from a missing one. */
  async owned(caller: Caller, id: string): Promise<Incident> {
    return (await this.caseFile.read.incidents.findOwned(caller.organisationId, id)) ?? raise('not-found', `incident ${id} not found`);
  }

  async list(caller: Caller, filter: IncidentFilter): Promise<{ items: IncidentSummaryView[]; total: number; limit: number; offset: number }> {
    const { items, total } = await this.caseFile.read.incidents.list(caller.organisationId, filter);
    return { items: items.map(incidentSummaryView), total, limit: filter.limit, offset: filter.offset };
  }

  async get(caller: Caller, id: string): Promise<IncidentView> {
    return this.view(await this.owned(caller, id));
  }

  async assessments(caller: Caller, id: string): Promise<{ items: AssessmentHistoryEntry[] }> {
    await this.owned(caller, id);
    return { items: await this.caseFile.read.risk.history(id) };
  }

  /** Every facts version with what changed, who recorded it and why, newest first. */
  async factsVersions(caller: Caller, id: string): Promise<{ items: FactsVersionView[] }> {
    await this.owned(caller, id);
    const versions = await this.caseFile.read.facts.history(id);
    const names = await this.caseFile.read.organisations.displayNames(versions.map((version) => version.recordedBy));
    return { items: factsVersionViews(versions, names) };
  }

  /** The incident as people see it; what the caller already holds (just written) is not read again. */
  async view(incident: Incident, known?: { facts: IncidentFacts; risk: IncidentRiskView | null }): Promise<IncidentView> {
    const repositories = this.caseFile.read;
    // The case file and the workflow are asked at the same time.
    const [facts, risk, state, workflowPending, pendingDecisions] = await Promise.all([
      known?.facts ?? repositories.facts.facts(incident.id, incident.currentFactsVersion),
      known ? known.risk : repositories.risk.picture(incident.id, incident.currentFactsVersion),
      this.workflows.state(incident.workflowId),
      repositories.outbox.startPending(incident.id),
      repositories.proposedDecisions.pendingOf(incident.id),
    ]);
    const riskFacts = riskFactsOfIncident(facts);
    return {
      ...incidentSummaryView(incident),
      facts,
      risk,
      missingRiskFacts: riskFacts.complete ? [] : riskFacts.missing,
      tracks: await this.trackViews(incident, state),
      clocks: state?.clocks ?? (await this.clocksFromCaseFile(incident.id)),
      clocksSource: state ? 'workflow' : 'database',
      suggestedScreenings: suggestedScreenings(facts).filter((track) => state?.screenings?.[track]?.applies !== true),
      screenings: state?.screenings ?? {},
      workflowId: incident.workflowId,
      workflowPending,
      workflowFactsVersion: state?.factsVersion ?? null,
      pendingDecisions: pendingDecisions.map(proposedDecisionView),
    };
  }

  /** Each owed track with its live status, deadline and next reminder (from its own workflow where it has one). */
  private async trackViews(incident: Incident, state: IncidentState | undefined): Promise<TrackView[]> {
    if (!state) return [];
    const now = Date.now();
    return Promise.all(
      state.tracks.map(async (owed): Promise<TrackView> => {
        const definition = TRACK_CATALOGUE[owed.kind];
        const live = definition.ownWorkflow ? await this.workflows.trackState(incident.id, owed.kind) : undefined;
        // Until the track's own workflow answers, a deadline the incident's clock holds stands in.
        const deadline = live?.deadline ?? state.clocks.find((clock) => clock.kind === owed.kind)?.deadline ?? null;
        const fallback =
          definition.settledBy === 'complete-register-entry'
            ? state.status === 'closed'
              ? 'complete'
              : 'open'
            : (state.trackStatus[owed.kind] ?? (deadline !== null && isPastDeadline(deadline, now) ? 'overdue' : 'open'));
        return {
          ...owed,
          live: live !== undefined,
          status: live?.status ?? fallback,
          deadline,
          nextReminder: live?.nextReminder ?? null,
          late: live?.late ?? null,
          supplementDeadline: live?.supplementDeadline ?? null,
          pendingDeadlines: live?.pendingDeadlines ?? [],
          filings:
            live?.filings.map((filing) => ({ id: filing.filingId, sequence: filing.sequence, kind: filing.kind, status: filing.status, revision: filing.revision, recipient: filing.recipient })) ?? [],
        };
      }),
    );
  }

  /** What the workflow last recorded, for when it cannot answer a query (e.g. no worker). */
  private async clocksFromCaseFile(incidentId: string): Promise<ClockState[]> {
    const [clocks, fired] = await Promise.all([this.caseFile.read.clocks.ofIncident(incidentId), this.caseFile.read.clocks.firedReminders(incidentId)]);
    const now = Date.now();
    return clocks.map((clock) => ({
      kind: clock.kind,
      anchorAt: clock.anchorAt.toISOString(),
      deadline: clock.deadlineAt.toISOString(),
      status: isPastDeadline(clock.deadlineAt, now) ? 'overdue' : 'running',
      reminders: fired
        .filter((reminder) => reminder.clockKind === clock.kind)
        .map((reminder) => ({ key: reminder.reminderKey, dueAt: reminder.dueAt.toISOString(), firedAt: reminder.firedAt.toISOString() })),
      nextReminder: null,
    }));
  }
}
