import { isTrackKind, TRACK_CATALOGUE, TRACK_KINDS } from '../tracks/catalogue.js';
import type { RegisterFiling, RegisterNotRequired, RegisterScreening, RegisterTrackOutcome } from './register-entry.js';

/**
 * Each track the incident owed or a person screened, with how it ended: a report filed, a reasoned
 * "not required", screened out (Lex Maria, NIS2: not owed, with the reason recorded), or still open.
 * The register's own track is settled by the entry itself and is not listed.
 */
export function registerTrackOutcomes(
  owedTracks: readonly string[],
  filings: readonly RegisterFiling[],
  notRequired: readonly RegisterNotRequired[],
  screenings: readonly RegisterScreening[],
): RegisterTrackOutcome[] {
  const screenedIn = screenings.filter((screening) => screening.applies).map((screening) => screening.track);
  const considered = new Set([...owedTracks, ...screenedIn, ...screenings.map((screening) => screening.track)]);
  return TRACK_KINDS.filter((track) => considered.has(track) && TRACK_CATALOGUE[track].settledBy !== 'complete-register-entry').map((track): RegisterTrackOutcome => {
    const owed = owedTracks.includes(track) || screenedIn.includes(track);
    if (!owed) return { track, outcome: 'screened-out' };
    if (notRequired.some((decision) => decision.track === track)) return { track, outcome: 'not-required' };
    if (filings.some((filing) => filing.track === track && filing.filedAt !== null)) return { track, outcome: 'filed' };
    return { track, outcome: 'open' };
  });
}

/** The tracks a register entry counts as owed: those an outcome implied, and those screened in. */
export function owedIncludingScreened(owedTracks: readonly string[], screenings: readonly RegisterScreening[]): string[] {
  const owed = new Set([...owedTracks, ...screenings.filter((screening) => screening.applies).map((screening) => screening.track)]);
  return [...TRACK_KINDS.filter((track) => owed.has(track)), ...[...owed].filter((track) => !isTrackKind(track))];
}
