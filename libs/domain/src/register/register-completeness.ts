import { isTrackKind, TRACK_CATALOGUE } from '../tracks/catalogue.js';
import {
  type RegisterAssessment,
  type RegisterEntry,
  type RegisterFiling,
  type RegisterNotRequired,
} from './register-entry.js';

/**
 * What can make an entry incomplete, in the order they are reported:
 * - `summary`, `effects`, `remedial-action`: the three things Art. 33(5) names;
 * - `assessment`: neither a risk assessment nor a recorded override;
 * - `override-justification`: an override without its written justification;
 * - `delay-reasons`: a report filed late with no reason recorded (Art. 33(1));
 * - `track:<track>`: an owed track with neither a filed report nor a reasoned not-required decision.
 */
export type RegisterGap =
  | 'summary'
  | 'effects'
  | 'remedial-action'
  | 'assessment'
  | 'override-justification'
  | 'delay-reasons'
  | `track:${string}`;

/** What completeness reads; a `RegisterEntry` is one. */
export interface RegisterCompletenessInput {
  summary: string | null | undefined;
  effects: string | null | undefined;
  remedialAction: string | null | undefined;
  assessment: Pick<RegisterAssessment, 'overridden' | 'overrideJustification'> | null | undefined;
  /** An outcome a manager recorded where the model gave none (facts it could not assess). */
  override?: { justification: string | null } | null;
  filings: ReadonlyArray<Pick<RegisterFiling, 'track' | 'kind' | 'filedAt' | 'late'>>;
  notRequired: ReadonlyArray<Pick<RegisterNotRequired, 'track' | 'reason'>>;
  delayReasons?: readonly string[] | null;
}

const given = (text: string | null | undefined): boolean => typeof text === 'string' && text.trim() !== '';

/**
 * What the entry still lacks, given the tracks the incident owes (OwedTrack kinds; the
 * register's own track is skipped). Empty means complete. A filing counts once it has a
 * `filedAt`; a not-required decision counts only with a reason, because the register must let
 * the authority see why nothing was filed.
 */
export function registerEntryMissing(entry: RegisterCompletenessInput, owedTracks: readonly string[]): RegisterGap[] {
  const missing: RegisterGap[] = [];
  if (!given(entry.summary)) missing.push('summary');
  if (!given(entry.effects)) missing.push('effects');
  if (!given(entry.remedialAction)) missing.push('remedial-action');

  const assessment = entry.assessment ?? null;
  const override = entry.override ?? null;
  if (assessment === null && override === null) {
    missing.push('assessment');
  } else if ((assessment?.overridden && !given(assessment.overrideJustification)) || (assessment === null && !given(override?.justification))) {
    missing.push('override-justification');
  }

  // Art. 33(1) asks the reasons for a late first report on the tracks it governs, not for a late supplement.
  const filedLate = entry.filings.some(
    (filing) => given(filing.filedAt) && filing.late === true && filing.kind === 'initial' && isTrackKind(filing.track) && TRACK_CATALOGUE[filing.track].delayReasonWhenLate,
  );
  if (filedLate && !(entry.delayReasons ?? []).some(given)) missing.push('delay-reasons');

  const seen = new Set<string>();
  for (const track of owedTracks) {
    // The register's own track is settled by this entry being complete, never by a filing.
    if (seen.has(track) || (isTrackKind(track) && TRACK_CATALOGUE[track].settledBy === 'complete-register-entry')) continue;
    seen.add(track);
    const filed = entry.filings.some((filing) => filing.track === track && given(filing.filedAt));
    const waived = entry.notRequired.some((decision) => decision.track === track && given(decision.reason));
    if (!filed && !waived) missing.push(`track:${track}`);
  }
  return missing;
}

/** The entry with `missing` and `complete` worked out. */
export function withRegisterCompleteness(
  entry: Omit<RegisterEntry, 'missing' | 'complete'>,
  owedTracks: readonly string[],
  override?: { justification: string | null } | null,
): RegisterEntry {
  const missing = registerEntryMissing({ ...entry, override }, owedTracks);
  return { ...entry, missing, complete: missing.length === 0 };
}
