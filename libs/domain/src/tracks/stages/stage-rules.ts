import type { FilingKind } from '../../filings/filing-kinds.js';
import type { Refusal } from '../../failures.js';
import { TRACK_CATALOGUE, type StagePlan, type TrackKind } from '../catalogue.js';
import type { FilingTrackState, PendingDeadline, TrackFiling } from '../filing-track-state.js';
import { FIRST_REPORT_AND_SUPPLEMENTS } from './first-report-and-supplements.js';
import { NIS2_STAGED_REPORTS } from './nis2-staged-reports.js';

/**
 * When a track's reports are due and what each one settles: the part of a filing track's rules
 * that differs between tracks (IMY's first report and supplements; NIS2's staged reports). The
 * report life cycle itself — drafts, four eyes, recording — is the same for all.
 */
export interface StageRules {
  /** The state as the track opens, with the deadlines known from the start. */
  opened(state: FilingTrackState): FilingTrackState;
  /** Whether a report of this kind may be opened now for this recipient, and the deadline it answers. */
  opening(state: FilingTrackState, kind: FilingKind, recipient: string | null): { refusal: Refusal } | { deadline: string | null };
  /** The state once `filing` is recorded (already marked filed in `state`; `before` is the state before). */
  recorded(state: FilingTrackState, before: FilingTrackState, filing: TrackFiling): FilingTrackState;
  /** The state after awareAt was corrected, while nothing is filed: the deadlines counted from it move. */
  anchorMoved(state: FilingTrackState): FilingTrackState;
  /** The reports owed first are on file: the first deadline's clock and its escalation stop. */
  firstReportsFiled(state: FilingTrackState): boolean;
  /** The track rests as filed (settled for closing) while nothing is overdue. */
  restsAsFiled(state: FilingTrackState): boolean;
  /** The deadlines still to be met, the first report's included while it is owed. */
  pendingDeadlines(state: FilingTrackState): PendingDeadline[];
  /** The stage whose deadline is the track's own (its first clock): `initial`, or NIS2's `early-warning`. */
  firstStage: FilingKind;
}

const PLANS: Readonly<Record<StagePlan, StageRules>> = {
  'first-report-and-supplements': FIRST_REPORT_AND_SUPPLEMENTS,
  'nis2-staged-reports': NIS2_STAGED_REPORTS,
};

export function stageRulesOf(track: TrackKind): StageRules {
  return PLANS[TRACK_CATALOGUE[track].stagePlan ?? 'first-report-and-supplements'];
}
