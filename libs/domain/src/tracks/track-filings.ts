import type { FilingTrackState, TrackFiling } from './filing-track-state.js';

/** The recipients a first report is owed to: each controller of a processor, or the one authority. */
export const recipientsOf = (state: FilingTrackState): Array<string | null> => state.recipients ?? [null];

export const filedReports = (state: FilingTrackState): TrackFiling[] => state.filings.filter((filing) => filing.status === 'filed');
