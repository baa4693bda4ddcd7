import type { FilingTrack } from '../tracks/catalogue.js';
import { IMY_REPORT } from './imy-report.js';
import { LEX_MARIA_REPORT } from './lex-maria/lex-maria-report.js';
import { NIS2_REPORT } from './nis2/nis2-report.js';
import { PROCESSOR_NOTICE } from './processor-notice.js';
import type { TrackDocument } from './track-document.js';

/** The report of each filing track: a new track adds its rule file and one entry here. */
export const TRACK_DOCUMENTS: Readonly<Record<FilingTrack, TrackDocument>> = {
  'gdpr-art33': IMY_REPORT,
  'gdpr-art33-2': PROCESSOR_NOTICE,
  'lex-maria': LEX_MARIA_REPORT,
  nis2: NIS2_REPORT,
};
