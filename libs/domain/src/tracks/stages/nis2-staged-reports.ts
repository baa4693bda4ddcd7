import { refuse } from '../../failures.js';
import type { FilingKind } from '../../filings/filing-kinds.js';
import { windowEnd } from '../window-end.js';
import type { FilingTrackState, PendingDeadline } from '../filing-track-state.js';
import { filedReports } from '../track-filings.js';
import type { StageRules } from './stage-rules.js';

const HOUR_MS = 3_600_000;
/** Cybersäkerhetslagen 2 kap. 6 §: the incident notification at the latest 72 hours after becoming aware. */
const NOTIFICATION_HOURS = 72;
/** 2 kap. 8 §: the final report one month after the notification (or after the incident is handled). */
const FINAL_REPORT_WINDOW = { basis: 'calendar-months', months: 1 } as const;

const filedOf = (state: FilingTrackState, kind: FilingKind) => filedReports(state).filter((filing) => filing.kind === kind);
const lastFiledAt = (state: FilingTrackState, kind: FilingKind): string | null => filedOf(state, kind).at(-1)?.filedAt ?? null;

/** The final report's deadline: a month after the notification, or after a progress report a month after the incident was handled. */
function finalDeadline(state: FilingTrackState): string | null {
  if (filedOf(state, 'progress').length > 0) return state.handledAt === null ? null : windowEnd(FINAL_REPORT_WINDOW, state.handledAt, state.timeZone);
  const notifiedAt = lastFiledAt(state, 'notification');
  return notifiedAt === null ? null : windowEnd(FINAL_REPORT_WINDOW, notifiedAt, state.timeZone);
}

const counted = (state: FilingTrackState): FilingTrackState => ({
  ...state,
  stageDeadlines: {
    ...state.stageDeadlines,
    'early-warning': state.deadline,
    notification: new Date(Date.parse(state.anchorAt) + NOTIFICATION_HOURS * HOUR_MS).toISOString(),
    final: finalDeadline(state),
  },
});

const notificationFiled = (state: FilingTrackState): boolean => filedOf(state, 'notification').length > 0;

/**
 * NIS2 (Cybersäkerhetslagen 2 kap. 5–8 §§) to the CSIRT (MCF): an early warning within 24 hours of
 * becoming aware of a significant incident, an incident notification within 72 hours, an
 * intermediate report when the CSIRT asks for one, and a final report one month after the
 * notification — or, when the incident is still ongoing then, a progress report and the final
 * report one month after the incident is handled. The final report completes the track.
 */
export const NIS2_STAGED_REPORTS: StageRules = {
  opened: counted,

  opening(state, kind) {
    const deadlines = state.stageDeadlines;
    switch (kind) {
      case 'early-warning':
        if (filedOf(state, 'early-warning').length > 0) return { refusal: refuse('conflict', 'the early warning is already filed: draft the incident notification') };
        if (notificationFiled(state)) return { refusal: refuse('conflict', 'the incident notification is filed: an early warning no longer applies') };
        return { deadline: deadlines['early-warning'] ?? null };
      case 'notification':
        if (notificationFiled(state)) return { refusal: refuse('conflict', 'the incident notification is already filed: draft an intermediate, progress or final report') };
        return { deadline: deadlines.notification ?? null };
      case 'intermediate':
        if (!notificationFiled(state)) return { refusal: refuse('conflict', 'an intermediate report follows the incident notification, and none is filed yet') };
        if (!deadlines.intermediate) return { refusal: refuse('conflict', "an intermediate report is made on the CSIRT's request: record the request first") };
        return { deadline: deadlines.intermediate };
      case 'progress':
      case 'final':
        if (!notificationFiled(state)) return { refusal: refuse('conflict', `a ${kind} report follows the incident notification, and none is filed yet`) };
        return { deadline: deadlines.final ?? null };
      default:
        return { refusal: refuse('unprocessable', `a NIS2 report is an early warning, notification, intermediate, progress or final report, not ${kind}`, 'kind') };
    }
  },

  recorded(state, _before, filing) {
    if (filing.kind === 'final') return { ...state, complete: true };
    const next = counted(state);
    return filing.kind === 'intermediate' ? { ...next, stageDeadlines: { ...next.stageDeadlines, intermediate: null } } : next;
  },

  anchorMoved: counted,

  firstReportsFiled: notificationFiled,

  // The track owes its final report: it is settled only when that is filed (complete).
  restsAsFiled: () => false,

  pendingDeadlines(state) {
    const deadlines = state.stageDeadlines;
    const pending: PendingDeadline[] = [];
    const earlyWarningOwed = filedOf(state, 'early-warning').length === 0 && !notificationFiled(state);
    if (earlyWarningOwed) pending.push({ stage: 'early-warning', clock: 'early-warning', anchorAt: state.anchorAt, deadline: state.deadline });
    if (!notificationFiled(state) && deadlines.notification) pending.push({ stage: 'notification', clock: 'notification', anchorAt: state.anchorAt, deadline: deadlines.notification });
    if (deadlines.intermediate) {
      // Each request is a clock of its own, so a second request reminds afresh.
      pending.push({ stage: 'intermediate', clock: `intermediate-${filedOf(state, 'intermediate').length + 1}`, anchorAt: state.anchorAt, deadline: deadlines.intermediate });
    }
    if (deadlines.final && filedOf(state, 'final').length === 0) {
      const afterProgress = filedOf(state, 'progress').length > 0;
      const from = afterProgress ? state.handledAt! : lastFiledAt(state, 'notification')!;
      pending.push({ stage: 'final', clock: afterProgress ? 'final-after-progress' : 'final', anchorAt: from, deadline: deadlines.final });
    }
    return pending;
  },

  firstStage: 'early-warning',
};
