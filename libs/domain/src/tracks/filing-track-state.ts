import { isPastDeadline } from '../clocks/deadline.js';
import type { FilingKind } from '../filings/filing-input.js';
import type { TrackKind } from './catalogue.js';

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
}

/** Everything the rules of a filing track decide from; the workflow holds it and persists each step. */
export interface FilingTrackState {
  track: TrackKind;
  /** The clock's anchor (awareAt) and the first report's deadline, ISO-8601. */
  anchorAt: string;
  deadline: string;
  /** The first report's window in milliseconds (moving the anchor keeps it). */
  windowMs: number;
  /** Where supplement periods are counted in calendar weeks. */
  timeZone: string;
  /** A processor's controllers, each owed a notice of its own; null when the track has one recipient. */
  recipients: string[] | null;
  filings: TrackFiling[];
  /** Set by the first recorded filing and never changed after: later corrections cannot undo lateness. */
  late: boolean | null;
  firstFiledAt: string | null;
  /** When supplements are due, once the first report is recorded on a track that expects them. */
  supplementDeadline: string | null;
  notRequired: { reason: string; decidedBy: string } | null;
  /** A completing supplement or a "no breach after all" report has been recorded: nothing more is owed. */
  complete: boolean;
  /**
   * The supplement period runs only when the first report announced supplements (runs started
   * before that rule keep the period after every first report).
   */
  supplementsOnlyWhenAnnounced: boolean;
}

export interface OpenTrack {
  track: TrackKind;
  anchorAt: string;
  windowMs: number;
  timeZone?: string;
  recipients?: string[] | null;
  supplementsOnlyWhenAnnounced?: boolean;
}

export function openFilingTrack(open: OpenTrack): FilingTrackState {
  return {
    track: open.track,
    anchorAt: new Date(open.anchorAt).toISOString(),
    deadline: new Date(Date.parse(open.anchorAt) + open.windowMs).toISOString(),
    windowMs: open.windowMs,
    timeZone: open.timeZone ?? 'Europe/Stockholm',
    recipients: open.recipients?.length ? [...open.recipients] : null,
    filings: [],
    late: null,
    firstFiledAt: null,
    supplementDeadline: null,
    notRequired: null,
    complete: false,
    supplementsOnlyWhenAnnounced: open.supplementsOnlyWhenAnnounced ?? true,
  };
}

/** The recipients a first report is owed to: each controller of a processor, or the one authority. */
export const recipientsOf = (state: FilingTrackState): Array<string | null> => state.recipients ?? [null];

export const filedReports = (state: FilingTrackState): TrackFiling[] => state.filings.filter((filing) => filing.status === 'filed');

/** A first report (not a withdrawal) is on file for this recipient. */
export function firstReportFiledFor(state: FilingTrackState, recipient: string | null): boolean {
  return filedReports(state).some((filing) => filing.recipient === recipient && filing.kind !== 'no-breach');
}

export const everyFirstReportFiled = (state: FilingTrackState): boolean => recipientsOf(state).every((recipient) => firstReportFiledFor(state, recipient));

export function trackStatus(state: FilingTrackState, now: number): TrackStatus {
  if (state.notRequired) return 'not-required';
  if (state.complete) return 'complete';
  if (everyFirstReportFiled(state)) return 'filed';
  if (state.filings.some((filing) => filing.status === 'awaiting-approval')) return 'awaiting-approval';
  return isPastDeadline(state.deadline, now) ? 'overdue' : 'open';
}

/** The track's first report is missing past its deadline (what overdue escalation chases). */
export const firstReportOverdue = (state: FilingTrackState, now: number): boolean =>
  !state.notRequired && !state.complete && !everyFirstReportFiled(state) && isPastDeadline(state.deadline, now);
