import { refuse, type Refusal } from '../failures.js';
import type { Role } from '../roles.js';
import type { Actor } from '../tracks/filing-track-commands.js';
import { reviewStep } from './four-eyes-review.js';

/** A decision one person proposed, waiting for a second person's word (or given it). */
export interface ProposedDecision {
  proposedBy: string;
  decision: 'approved' | 'rejected' | null;
}

export interface SecondApprovalCommand {
  type: 'approve' | 'reject';
  comment?: string;
}

/**
 * Four eyes on a decision that lowers what the organisation owes (a track "not required", a lower
 * risk outcome): it takes effect only when a second person who holds one of `deciders` and is not
 * the proposer approves it; a rejection says why. The same rule as for reports and notices
 * (`reviewStep`), with the proposal standing for the revision under review.
 */
export function refuseSecondApproval(proposal: ProposedDecision, command: SecondApprovalCommand, actor: Actor, deciders: readonly Role[], noun: string): Refusal | undefined {
  if (!deciders.includes(actor.role)) return refuse('forbidden', `deciding on the ${noun} needs one of the roles ${deciders.join(', ')}; you are ${actor.role}`);
  const underReview = { status: proposal.decision ?? 'awaiting-approval', revision: 1, lastEditorId: proposal.proposedBy };
  const review = reviewStep(underReview, { type: command.type, revision: 1, comment: command.comment }, actor, noun, 'proposed');
  return 'refusal' in review ? review.refusal : undefined;
}
