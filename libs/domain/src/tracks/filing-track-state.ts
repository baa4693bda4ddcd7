import { isPastDeadline } from '../clocks/deadline.js';
import type { FilingKind } from '../filings/filing-kinds.js';
import type { ClockSettings, TrackKind } from './catalogue.js';
import { stageRulesOf } from './stages/stage-rules.js';

export { filedReports, recipientsOf } from './track-filings.js';

export const TRACK_FILING_STATUSES = ['draft', 'awaiting-approval', 'approved', 'filed'] as const;
export type TrackFilingStatus = (typeof TRACK_FILING_STATUSES)[number];

export const TRACK_STATUSES = ['open', 'awaiting-approval', 'overdue', 'filed', 'complete', 'not-required'] as const;
export type TrackStatus = (typeof TRACK_STATUSES)[number];

/** A track in one of these states no longer stands in the way of closing the incident. */
export const SETTLED_TRACK_STATUSES: readonly TrackStatus[] = ['filed', 'complete', 'not-required'];

/** One report on a track, from draft to recorded filing. */
export interface TrackFiling {
  filingId: string;
  sequence: number;
  kind: FilingKind;
  status: TrackFilingStatus;
  /** Bumped by every render; an approval or rejection names the revision it judged. */
  revision: number;
  /** Who opened the draft. */
  authorId: string;
  /** Who last rendered or changed the draft: the four-eyes rule keeps this person from approving it. */
  lastEditorId: string;
  /** A processor's notice: the controller it goes to; null for the authority. */
  recipient: string | null;
  /** The deadline this report answers: the track's for a first report, the supplement period's for a supplement; null when none applies. */
  deadline: string | null;
  filedAt: string | null;
  /** A first report that says supplements will follow (Art. 33(4)); IMY then expects them within four weeks. */
  announcesSupplements: boolean;
  /** A supplement that completes the report: nothing more follows. */
  completesReport: boolean;
  /** The reasons for a delay the draft gives; the approval covers them, so the filing is recorded with these. Absent in runs that predate it. */
  delayReason?: string | null;
}

/** Everything the rules of a filing track decide from; the workflow holds it and persists each step. */
export interface FilingTrackState {
  track: TrackKind;
  /** The clock's anchor (awareAt) and the first report's deadline, ISO-8601. */
  anchorAt: string;
  deadline: string;
  /** The first report's window in milliseconds (moving the anchor keeps it). */
  windowMs: number;
  /** Where calendar periods (weeks, months) are counted. */
  timeZone: string;
  /** The organisation's clock settings the track's windows are counted in. */
  settings: ClockSettings;
  /** A processor's controllers, each owed a notice of its own; null when the track has one recipient. */
  recipients: string[] | null;
  filings: TrackFiling[];
  /** Set by the first recorded filing and never changed after: later corrections cannot undo lateness. */
  late: boolean | null;
  firstFiledAt: string | null;
  /** When supplements are due, once the first report is recorded on a track that expects them. */
  supplementDeadline: string | null;
  /** Staged tracks (NIS2): when each kind of report is due; null while it cannot be said yet. */
  stageDeadlines: Partial<Record<FilingKind, string | null>>;
  /** Staged tracks (NIS2): when the incident was handled, which dates the final report after a progress report. */
  handledAt: string | null;
  /** Decided by a second person (`decidedBy`) on the proposal of `proposedBy` (absent in runs that predate four eyes). */
  notRequired: { reason: string; decidedBy: string; proposedBy?: string } | null;
  /** Nothing more is owed: a completing supplement, a withdrawal, or a final report is on file. */
  complete: boolean;
  /**
   * The supplement period runs only when the first report announced supplements (runs started
   * before that rule keep the period after every first report).
   */
  supplementsOnlyWhenAnnounced: boolean;
  /** "Not required" takes a proposer and a different approver (runs started before that rule took one person's word). */
  notRequiredNeedsSecondPerson: boolean;
  /** The reasons for a delay are the approved draft's and cannot change at recording (earlier runs took them at recording). */
  delayReasonFromApprovedDraft: boolean;
}

export interface OpenTrack {
  track: TrackKind;
  anchorAt: string;
  windowMs: number;
  timeZone?: string;
  settings?: ClockSettings;
  recipients?: string[] | null;
  supplementsOnlyWhenAnnounced?: boolean;
  notRequiredNeedsSecondPerson?: boolean;
  delayReasonFromApprovedDraft?: boolean;
}

export function openFilingTrack(open: OpenTrack): FilingTrackState {
  const state: FilingTrackState = {
    track: open.track,
    anchorAt: new Date(open.anchorAt).toISOString(),
    deadline: new Date(Date.parse(open.anchorAt) + open.windowMs).toISOString(),
    windowMs: open.windowMs,
    timeZone: open.timeZone ?? 'Europe/Stockholm',
    settings: open.settings ?? {},
    recipients: open.recipients?.length ? [...open.recipients] : null,
    filings: [],
    late: null,
    firstFiledAt: null,
    supplementDeadline: null,
    stageDeadlines: {},
    handledAt: null,
    notRequired: null,
    complete: false,
    supplementsOnlyWhenAnnounced: open.supplementsOnlyWhenAnnounced ?? true,
    notRequiredNeedsSecondPerson: open.notRequiredNeedsSecondPerson ?? true,
    delayReasonFromApprovedDraft: open.delayReasonFromApprovedDraft ?? true,
  };
  return stageRulesOf(state.track).opened(state);
}

/** The reports the track owes first are on file (Art. 33: a first report to each recipient; NIS2: the notification). */
export const firstReportsFiled = (state: FilingTrackState): boolean => stageRulesOf(state.track).firstReportsFiled(state);

/** A deadline still to be met: the stage it belongs to, from when it counts, and when it falls. */
export interface PendingDeadline {
  stage: FilingKind;
  /** Names the stage's clock within the track, unique for each deadline the stage has had (`intermediate-2`). */
  clock: string;
  anchorAt: string;
  deadline: string;
}

export function trackStatus(state: FilingTrackState, now: number): TrackStatus {
  if (state.notRequired) return 'not-required';
  if (state.complete) return 'complete';
  const rules = stageRulesOf(state.track);
  const overdue = rules.pendingDeadlines(state).some((pending) => isPastDeadline(pending.deadline, now));
  if (rules.restsAsFiled(state) && !overdue) return 'filed';
  if (state.filings.some((filing) => filing.status === 'awaiting-approval')) return 'awaiting-approval';
  return overdue ? 'overdue' : 'open';
}
