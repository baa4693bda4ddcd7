import { refuse, type Refusal } from '../failures.js';
import { refuseSecondApproval, type ProposedDecision, type SecondApprovalCommand } from '../review/second-approval.js';
import { isTrackKind, TRACK_CATALOGUE, TRACK_KINDS, type TrackKind } from './catalogue.js';
import type { Actor } from './filing-track-commands.js';
import type { OwedTrackPicture } from './owed-track-decisions.js';

/** What a proposal is judged on: the owed tracks and their statuses, and which have a report on file or a proposal pending. */
export interface NotRequiredPicture extends OwedTrackPicture {
  filed: readonly TrackKind[];
  pending: readonly TrackKind[];
}

/**
 * Deciding not to notify is the one decision that makes a legal deadline stop chasing anyone, so
 * one person only proposes it, with the reason; it stays pending (the track owed, its clock
 * reminding) until a second person decides (`refuseNotRequiredDecision`).
 */
export function refuseNotRequiredProposal(picture: NotRequiredPicture, track: string, reason: string, actor: Actor): Refusal | undefined {
  if (!isTrackKind(track)) return refuse('not-found', `unknown track ${track}: one of ${TRACK_KINDS.join(', ')}`);
  const definition = TRACK_CATALOGUE[track];
  if (!definition.roles.proposeNotRequired.includes(actor.role)) {
    return refuse('forbidden', `proposing that a track is not required needs one of the roles ${definition.roles.proposeNotRequired.join(', ')}; you are ${actor.role}`);
  }
  if (!picture.owed.includes(track)) return refuse('conflict', `${track} is not owed by this incident`);
  if (definition.settledBy !== 'filing-or-decision') return refuse('conflict', `${track} is settled by a complete register entry, not by a decision`);
  if (picture.statuses[track] === 'not-required') return refuse('conflict', `${track} is already decided not required`);
  if (picture.filed.includes(track)) return refuse('conflict', 'a report is already filed on this track: file a supplement or a "no breach after all" report instead');
  if (picture.pending.includes(track)) return refuse('conflict', `a "not required" decision on ${track} already awaits a second approval`);
  if (reason.trim().length < definition.minimumReasonLength) {
    return refuse('unprocessable', `reason must explain the decision in at least ${definition.minimumReasonLength} characters`, 'reason');
  }
  return undefined;
}

/** Approving or rejecting the proposal: a role the track allows to decide, never the proposer. */
export const refuseNotRequiredDecision = (track: TrackKind, proposal: ProposedDecision, command: SecondApprovalCommand, actor: Actor): Refusal | undefined =>
  refuseSecondApproval(proposal, command, actor, TRACK_CATALOGUE[track].roles.decideNotRequired, `"not required" decision on ${track}`);

/**
 * The rule the workflows apply when the approved decision reaches them (runs started before four
 * eyes excepted): it names its proposer, and the approver is someone else.
 */
export function refuseUnseconded(proposedBy: string | undefined, actor: Actor): Refusal | undefined {
  if (proposedBy === undefined) return refuse('conflict', 'four-eyes rule: a "not required" decision is proposed by one person and approved by another');
  if (proposedBy === actor.userId) return refuse('conflict', 'four-eyes rule: you proposed this "not required" decision, so another approver or the DPO must approve it');
  return undefined;
}
