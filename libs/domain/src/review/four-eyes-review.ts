import { refuse, type Refusal } from '../failures.js';
import type { Actor } from '../tracks/filing-track-commands.js';

/** Where a reviewed document (a report, a notice) stands. */
export type ReviewStatus = 'draft' | 'awaiting-approval' | 'approved';

export interface Reviewed {
  status: string;
  revision: number;
  /** Who rendered the revision under review: the one person who may not approve or reject it. */
  lastEditorId: string;
}

export interface ReviewCommand {
  type: 'submit' | 'approve' | 'reject';
  /** The revision the person reviewed. */
  revision: number;
  comment?: string;
}

export interface ReviewOutcome {
  status: ReviewStatus;
  transition: 'submitted' | 'approved' | 'rejected';
  comment: string | null;
}

/**
 * Four eyes, the same for every document that leaves the organisation: a draft is submitted,
 * then approved or sent back with a comment by someone other than whoever rendered the revision
 * under review; a decision names the revision it judged, and a newer one makes it stale.
 * Roles are the caller's to check; `noun` names the document in messages ("report", "notice"),
 * `authored` says how its author made it ("rendered this revision of", "proposed").
 */
export function reviewStep(current: Reviewed, command: ReviewCommand, actor: Actor, noun: string, authored = 'rendered this revision of'): { refusal: Refusal } | ReviewOutcome {
  const expected = command.type === 'submit' ? 'draft' : 'awaiting-approval';
  if (current.status !== expected) return { refusal: refuse('conflict', `the ${noun} is ${current.status}, not ${expected === 'draft' ? 'a draft' : 'awaiting approval'}`) };
  if (command.type !== 'submit' && current.lastEditorId === actor.userId) {
    return { refusal: refuse('conflict', `four-eyes rule: you ${authored} the ${noun}, so another approver or the DPO must review it`) };
  }
  if (command.revision !== current.revision) {
    return { refusal: refuse('stale', `you reviewed revision ${command.revision}, but the ${noun} is now at revision ${current.revision}: review it again`, 'revision') };
  }
  if (command.type === 'reject' && !command.comment?.trim()) return { refusal: refuse('unprocessable', 'a rejection needs a comment saying what to change', 'comment') };
  const status = { submit: 'awaiting-approval', approve: 'approved', reject: 'draft' } as const;
  const transition = { submit: 'submitted', approve: 'approved', reject: 'rejected' } as const;
  return { status: status[command.type], transition: transition[command.type], comment: command.type === 'submit' ? null : command.comment?.trim() || null };
}
