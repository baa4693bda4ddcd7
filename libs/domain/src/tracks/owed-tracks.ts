import type { OrganisationRole } from '../incident/incident-facts.js';
import type { RiskOutcome } from '../risk/assessment.js';
import { TRACK_CATALOGUE, tracksImpliedBy, type TrackKind } from './catalogue.js';

/** A regulatory track the incident owes, and whether the current outcome still implies it. */
export interface OwedTrack {
  kind: TrackKind;
  /** When the track first became owed (ISO-8601). */
  owedSince: string;
  /**
   * False once a lower outcome no longer implies the track. It stays owed: a filing already
   * made or due is never silently cancelled; a person must record that it is not required.
   */
  impliedByCurrentOutcome: boolean;
}

/**
 * The tracks owed after a new effective outcome (null: not assessed yet): newly implied tracks
 * are added, tracks already owed are kept (only marked as no longer implied) — owed tracks only
 * ever grow.
 */
export function nextOwedTracks(current: readonly OwedTrack[], outcome: RiskOutcome | null, role: OrganisationRole, at: string): OwedTrack[] {
  const implied = new Set<TrackKind>(tracksImpliedBy(outcome, role));
  // A track a person screened in does not depend on the risk outcome.
  const screened = (kind: TrackKind) => TRACK_CATALOGUE[kind].owedWhen.basis === 'screening';
  const kept = current.map((track) => ({ ...track, impliedByCurrentOutcome: screened(track.kind) ? track.impliedByCurrentOutcome : implied.has(track.kind) }));
  const added = [...implied]
    .filter((kind) => !current.some((track) => track.kind === kind))
    .map((kind) => ({ kind, owedSince: at, impliedByCurrentOutcome: true }));
  return [...kept, ...added];
}
