import type { FilingKind } from '../filings/filing-kinds.js';
import type { Role } from '../roles.js';
import type { Language, TrackKind } from './catalogue.js';

/** Who takes a step: the API signs this in from the caller's session. */
export interface Actor {
  userId: string;
  role: Role;
  /** The tracks the organisation designated this person to report on (Lex Maria: HSLF-FS 2017:41 4 §). */
  designatedReporterFor?: readonly TrackKind[];
}

/** The human steps and corrections a filing track takes, each judged by `decideFilingStep`. */
export type FilingTrackCommand =
  /** Open a new report on the track (the first one, a supplement, a final report, or a withdrawal). */
  | {
      type: 'open-draft';
      filingId: string;
      kind: FilingKind;
      recipient: string | null;
      noBreachJustification?: string;
      /** The report's language; the track's recipient reads only some. Absent in runs that predate the check. */
      language?: Language;
      /** A first report announces that supplements will follow. */
      announcesSupplements?: boolean;
      /** A supplement completes the report. */
      completesReport?: boolean;
      /** The reasons for a delay the report gives (Art. 33(1)); approval covers them. */
      delayReason?: string | null;
    }
  /** Render an unfiled report again from the current facts: a new revision, and any approval is gone. */
  | { type: 're-render'; filingId: string; announcesSupplements?: boolean; completesReport?: boolean; delayReason?: string | null }
  | { type: 'submit'; filingId: string; revision: number }
  | { type: 'approve'; filingId: string; revision: number }
  | { type: 'reject'; filingId: string; revision: number; comment?: string }
  /** An approved report was sent: when and how; the reasons for a delay are the approved report's own. */
  | { type: 'record'; filingId: string; filedAt: string; channel: string; delayReason?: string }
  /** A second person approved the proposal `proposedBy` made that the track is not required. */
  | { type: 'decide-not-required'; reason: string; proposedBy?: string }
  /** awareAt was corrected. */
  | { type: 'move-anchor'; anchorAt: string }
  /** NIS2: the CSIRT asked for an intermediate report, due then. */
  | { type: 'request-intermediate'; dueAt: string }
  /** NIS2: the incident is handled; after a progress report the final report is due a month later. */
  | { type: 'record-handled'; handledAt: string };

export type FilingTrackCommandType = FilingTrackCommand['type'];
