import type { RiskOutcome } from '../../../domain/src/risk/assessment.js';
import type { TrackKind } from '../../../domain/src/tracks/catalogue.js';
import type { ProposedDecision } from '../../../persistence/src/entities/proposed-decision.entity.js';

/** A decision one person proposed that takes effect only once a second person approves it. */
export interface ProposedDecisionView {
  id: string;
  incidentId: string;
  /** `track-not-required`: the track needs no report; `risk-lowered`: the outcome is overridden to a lower one. */
  subject: 'track-not-required' | 'risk-lowered';
  track: TrackKind | null;
  outcome: RiskOutcome | null;
  /** The facts version a lowered outcome was proposed on; a newer version makes the proposal stale. */
  factsVersion: number | null;
  reason: string;
  proposedBy: string;
  proposedAt: string;
  /** Null while it awaits the second approval. */
  decision: 'approved' | 'rejected' | null;
  decidedBy: string | null;
  decidedAt: string | null;
  comment: string | null;
}

export const proposedDecisionView = (row: ProposedDecision): ProposedDecisionView => ({
  id: row.id,
  incidentId: row.incidentId,
  subject: row.subject,
  track: row.track as TrackKind | null,
  outcome: row.outcome,
  factsVersion: row.factsVersion,
  reason: row.reason,
  proposedBy: row.proposedBy,
  proposedAt: row.proposedAt.toISOString(),
  decision: row.decision,
  decidedBy: row.decidedBy,
  decidedAt: row.decidedAt?.toISOString() ?? null,
  comment: row.comment,
});
