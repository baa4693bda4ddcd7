import { refuse } from '../../failures.js';
import { TRACK_CATALOGUE } from '../catalogue.js';
import type { FilingTrackState } from '../filing-track-state.js';
import { filedReports, recipientsOf } from '../track-filings.js';
import { windowEnd } from '../window-end.js';
import type { StageRules } from './stage-rules.js';

/** A first report (not a withdrawal) is on file for this recipient. */
export function firstReportFiledFor(state: FilingTrackState, recipient: string | null): boolean {
  return filedReports(state).some((filing) => filing.recipient === recipient && filing.kind !== 'no-breach');
}

const everyFirstReportFiled = (state: FilingTrackState): boolean => recipientsOf(state).every((recipient) => firstReportFiledFor(state, recipient));

/**
 * One first report to each recipient by the track's deadline (IMY's notification, a processor's
 * notice to each controller, the Lex Maria report), then supplements: when the first report
 * announced them, within the track's supplement period, until one completes the report. A
 * withdrawal ("no breach after all") refers to a filed first report and ends the track.
 */
export const FIRST_REPORT_AND_SUPPLEMENTS: StageRules = {
  opened: (state) => state,

  opening(state, kind, recipient) {
    const firstFiled = firstReportFiledFor(state, recipient);
    if (kind === 'initial') {
      return firstFiled ? { refusal: refuse('conflict', 'the initial report is already filed: draft a supplement') } : { deadline: state.deadline };
    }
    if (!firstFiled) {
      return {
        refusal:
          kind === 'no-breach'
            ? refuse('conflict', 'nothing is filed to withdraw: decide that the track is not required instead')
            : refuse('conflict', `a ${kind} report supplements a filed initial report, and none is filed yet`),
      };
    }
    return { deadline: state.supplementDeadline };
  },

  recorded(state, before, filing) {
    if (filing.completesReport || filing.kind === 'no-breach') return { ...state, complete: true };
    if (!everyFirstReportFiled(state) || everyFirstReportFiled(before)) return state;
    // Every first report is in. A track without supplement periods owes nothing more; otherwise the
    // period runs when supplements were announced, and the track rests as filed when they were not.
    const supplements = TRACK_CATALOGUE[state.track].supplements;
    if (!supplements) return { ...state, complete: true };
    if (filing.announcesSupplements || !state.supplementsOnlyWhenAnnounced) {
      return { ...state, supplementDeadline: windowEnd(supplements, filing.filedAt!, state.timeZone, state.settings) };
    }
    return state;
  },

  anchorMoved: (state) => state,

  firstReportsFiled: everyFirstReportFiled,

  restsAsFiled: everyFirstReportFiled,

  pendingDeadlines: (state) => (everyFirstReportFiled(state) ? [] : [{ stage: 'initial', clock: 'initial', anchorAt: state.anchorAt, deadline: state.deadline }]),

  firstStage: 'initial',
};
