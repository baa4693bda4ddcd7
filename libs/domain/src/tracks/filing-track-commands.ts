import type { FilingKind } from '../filings/filing-input.js';
import type { Role } from '../roles.js';

/** Who takes a step: the API signs this in from the caller's session. */
export interface Actor {
  userId: string;
  role: Role;
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
      /** A first report announces that supplements will follow. */
      announcesSupplements?: boolean;
      /** A supplement completes the report. */
      completesReport?: boolean;
    }
  /** Render an unfiled report again from the current facts: a new revision, and any approval is gone. */
  | { type: 're-render'; filingId: string; announcesSupplements?: boolean; completesReport?: boolean }
  | { type: 'submit'; filingId: string; revision: number }
  | { type: 'approve'; filingId: string; revision: number }
  | { type: 'reject'; filingId: string; revision: number; comment?: string }
  /** An approved report was sent: when, how, and (when late) why. */
  | { type: 'record'; filingId: string; filedAt: string; channel: string; delayReason?: string }
  | { type: 'decide-not-required'; reason: string }
  /** awareAt was corrected. */
  | { type: 'move-anchor'; anchorAt: string };

export type FilingTrackCommandType = FilingTrackCommand['type'];
