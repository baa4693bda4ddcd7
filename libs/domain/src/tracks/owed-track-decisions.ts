import { refuse, type Refusal } from '../failures.js';
import { APPROVER_ROLES } from '../roles.js';
import { isTrackKind, TRACK_CATALOGUE, TRACK_KINDS, type TrackKind } from './catalogue.js';
import type { Actor } from './filing-track-commands.js';
import { SETTLED_TRACK_STATUSES, type TrackStatus } from './filing-track-state.js';
import { refuseUnseconded } from './not-required-proposal.js';

/** What the incident knows of its tracks: which are owed and the status each last reported. */
export interface OwedTrackPicture {
  owed: readonly TrackKind[];
  statuses: Readonly<Partial<Record<TrackKind, TrackStatus>>>;
}

/** Who proposed the decision the approver now takes; `required` is false only in runs started before four eyes. */
export interface Seconding {
  required: boolean;
  proposedBy?: string;
}

/**
 * A second person approves that an owed track without a workflow of its own needs no report (a
 * track with its own workflow decides that there). Refused unless the track is owed, open, decided
 * by a role the catalogue allows, explained in writing, and proposed by someone else.
 */
export function refuseTrackNotRequired(picture: OwedTrackPicture, track: string, reason: string, actor: Actor, seconding: Seconding = { required: true }): Refusal | undefined {
  if (!isTrackKind(track)) return refuse('not-found', `unknown track ${track}: one of ${TRACK_KINDS.join(', ')}`);
  const definition = TRACK_CATALOGUE[track];
  if (!definition.roles.decideNotRequired.includes(actor.role)) {
    return refuse('forbidden', `deciding that a track is not required needs one of the roles ${definition.roles.decideNotRequired.join(', ')}; you are ${actor.role}`);
  }
  if (!picture.owed.includes(track)) return refuse('conflict', `${track} is not owed by this incident`);
  if (definition.ownWorkflow) return refuse('conflict', `${track} has its own workflow: decide it there`);
  if (picture.statuses[track] === 'not-required') return refuse('conflict', `${track} is already decided not required`);
  if (reason.trim().length < definition.minimumReasonLength) {
    return refuse('unprocessable', `reason must explain the decision in at least ${definition.minimumReasonLength} characters`, 'reason');
  }
  return seconding.required ? refuseUnseconded(seconding.proposedBy, actor) : undefined;
}

/** The owed tracks that still stand in the way of closing (a register entry's completeness is judged on its own). */
export function unsettledTracks(picture: OwedTrackPicture): Array<{ track: TrackKind; status: TrackStatus }> {
  return picture.owed
    .filter((track) => TRACK_CATALOGUE[track].settledBy === 'filing-or-decision')
    .map((track) => ({ track, status: picture.statuses[track] ?? 'open' }))
    .filter(({ status }) => !SETTLED_TRACK_STATUSES.includes(status));
}

/** An approver or the DPO closes an incident once every owed track is filed or decided not required. */
export function refuseClose(picture: OwedTrackPicture, closed: boolean, actor: Actor): Refusal | undefined {
  if (!APPROVER_ROLES.includes(actor.role)) return refuse('forbidden', `closing an incident needs one of the roles ${APPROVER_ROLES.join(', ')}; you are ${actor.role}`);
  if (closed) return refuse('conflict', 'the incident is already closed');
  const unsettled = unsettledTracks(picture);
  if (unsettled.length > 0) {
    return refuse(
      'conflict',
      `the incident cannot close while owed tracks are neither filed nor decided not required: ${unsettled.map(({ track, status }) => `${track} (${status})`).join(', ')}`,
    );
  }
  return undefined;
}
