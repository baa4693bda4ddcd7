import type { IncidentFacts } from '../../../domain/src/incident/incident-facts.js';
import type { TrackKind } from '../../../domain/src/tracks/catalogue.js';
import type { PendingDeadline, TrackStatus } from '../../../domain/src/tracks/filing-track-state.js';
import type { ScreeningRecord } from '../../../domain/src/tracks/screening.js';
import type { OwedTrack } from '../../../domain/src/tracks/owed-tracks.js';
import type { Incident } from '../../../persistence/src/entities/incident.entity.js';
import type { IncidentRiskView } from '../../../persistence/src/risk/risk-picture-view.js';
import type { ClockState } from '../../../../workflows/messages.js';
import type { ProposedDecisionView } from '../decisions/proposed-decision-view.js';

export interface IncidentSummaryView {
  id: string;
  reference: string;
  title: string;
  status: string;
  awareAt: string;
  factsVersion: number;
  createdAt: string;
  updatedAt: string;
}

export interface IncidentView extends IncidentSummaryView {
  facts: IncidentFacts;
  /** The risk assessment of the current facts version; null while `missingRiskFacts` is not empty. */
  risk: IncidentRiskView | null;
  missingRiskFacts: string[];
  /** The regulatory tracks owed so far, each with its live status, deadline and next reminder. */
  tracks: TrackView[];
  clocks: ClockState[];
  /** `workflow` when the clocks come live from the running workflow, `database` when it could not answer. */
  clocksSource: 'workflow' | 'database';
  workflowId: string;
  /** Tracks the facts suggest a person should screen (Lex Maria, NIS2) and nobody has screened in yet. */
  suggestedScreenings: TrackKind[];
  /** The latest screening decision per screened track. */
  screenings: Partial<Record<TrackKind, ScreeningRecord>>;
  /** The workflow's start is still in the outbox (Temporal could not take it yet): the clocks begin once it is delivered. */
  workflowPending: boolean;
  /** The facts version the workflow last took; behind `factsVersion` while it has not caught up. */
  workflowFactsVersion: number | null;
  /** Decisions one person proposed (a track not required, a lower outcome) that await a second approval and have no effect yet. */
  pendingDecisions: ProposedDecisionView[];
}

export function incidentSummaryView(incident: Incident): IncidentSummaryView {
  return {
    id: incident.id,
    reference: incident.reference,
    title: incident.title,
    status: incident.status,
    awareAt: incident.awareAt.toISOString(),
    factsVersion: incident.currentFactsVersion,
    createdAt: incident.createdAt.toISOString(),
    updatedAt: incident.updatedAt.toISOString(),
  };
}

export interface TrackView extends OwedTrack {
  /** True when status and deadline come from the track's own workflow; false while it is starting. */
  live: boolean;
  status: TrackStatus;
  deadline: string | null;
  nextReminder: { key: string; dueAt: string; clock: string } | null;
  late: boolean | null;
  supplementDeadline: string | null;
  /** Every deadline still to be met (NIS2's stages each have one). */
  pendingDeadlines: PendingDeadline[];
  filings: Array<{ id: string; sequence: number; kind: string; status: string; revision: number; recipient: string | null }>;
}
