import type { RegisterAssessment, RegisterEntry } from './register-entry.js';

// Code-unit order, not localeCompare: an export must come out the same on every machine.
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Instants compared as instants (offsets differ), text order as the tie-break. */
function byInstant(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  const difference = Date.parse(a) - Date.parse(b);
  return Number.isNaN(difference) || difference === 0 ? byText(a, b) : difference;
}

const thenBy =
  <T>(...comparators: Array<(a: T, b: T) => number>) =>
  (a: T, b: T): number => {
    for (const compare of comparators) {
      const result = compare(a, b);
      if (result !== 0) return result;
    }
    return 0;
  };

/** Oldest awareness first, so the register reads as a chronicle and appends at the end. */
export const compareRegisterEntries = thenBy<RegisterEntry>(
  (a, b) => byInstant(a.awareAt, b.awareAt),
  (a, b) => byText(a.reference, b.reference),
  (a, b) => byText(a.incidentId, b.incidentId),
);

/**
 * The entry in one canonical shape: keys in the documented order (and no others — a stray
 * property on the input, say a contact's address, never reaches an export), absent values as
 * null, and lists whose order carries no meaning sorted. The reasons for delay keep their
 * order: they are a narrative.
 */
export function canonicalRegisterEntry(entry: RegisterEntry): RegisterEntry {
  return {
    incidentId: entry.incidentId,
    reference: entry.reference,
    title: entry.title,
    status: entry.status,
    awareAt: entry.awareAt,
    occurredAt:
      entry.occurredAt === null || entry.occurredAt === undefined
        ? null
        : typeof entry.occurredAt === 'string'
          ? entry.occurredAt
          : { from: entry.occurredAt.from, to: entry.occurredAt.to },
    discoveredAt: entry.discoveredAt,
    containedAt: entry.containedAt ?? null,
    cause: entry.cause ?? null,
    ourRole: entry.ourRole,
    summary: entry.summary,
    dataCategories: [...entry.dataCategories].sort(byText),
    subjectCategories: [...entry.subjectCategories].sort(byText),
    approxSubjects: entry.approxSubjects ?? null,
    approxRecords: entry.approxRecords ?? null,
    effects: entry.effects ?? null,
    remedialAction: entry.remedialAction ?? null,
    assessment: entry.assessment ? canonicalAssessment(entry.assessment) : null,
    decisions: entry.decisions
      .map(({ at, by, what }) => ({ at, by, what }))
      .sort(
        thenBy(
          (a, b) => byInstant(a.at, b.at),
          (a, b) => byText(a.by, b.by),
          (a, b) => byText(a.what, b.what),
        ),
      ),
    filings: entry.filings
      .map(({ track, kind, status, filedAt, reference, late }) => ({
        track,
        kind,
        status,
        filedAt: filedAt ?? null,
        reference: reference ?? null,
        late: late ?? null,
      }))
      .sort(
        thenBy(
          (a, b) => byText(a.track, b.track),
          (a, b) => byInstant(a.filedAt, b.filedAt),
          (a, b) => byText(a.kind, b.kind),
          (a, b) => byText(a.status, b.status),
          (a, b) => byText(a.reference ?? '', b.reference ?? ''),
        ),
      ),
    delayReasons: [...entry.delayReasons],
    notRequired: entry.notRequired
      .map(({ track, reason, decidedBy, decidedAt }) => ({ track, reason, decidedBy, decidedAt }))
      .sort(
        thenBy(
          (a, b) => byText(a.track, b.track),
          (a, b) => byInstant(a.decidedAt, b.decidedAt),
          (a, b) => byText(a.reason, b.reason),
        ),
      ),
    screenings: (entry.screenings ?? [])
      .map(({ track, applies, reason, decidedBy, decidedAt }) => ({ track, applies, reason, decidedBy, decidedAt }))
      .sort(
        thenBy(
          (a, b) => byInstant(a.decidedAt, b.decidedAt),
          (a, b) => byText(a.track, b.track),
        ),
      ),
    tracks: (entry.tracks ?? []).map(({ track, outcome }) => ({ track, outcome })),
    missing: [...entry.missing],
    complete: entry.complete,
    closedAt: entry.closedAt ?? null,
  };
}

function canonicalAssessment(assessment: RegisterAssessment): RegisterAssessment {
  return {
    outcome: assessment.outcome,
    computedOutcome: assessment.computedOutcome,
    band: assessment.band,
    score: assessment.score,
    modelVersion: assessment.modelVersion,
    inputHash: assessment.inputHash,
    rationale: assessment.rationale,
    overridden: assessment.overridden,
    overrideJustification: assessment.overrideJustification ?? null,
  };
}

/** The entries in canonical form and register order. */
export function canonicalRegister(entries: readonly RegisterEntry[]): RegisterEntry[] {
  return entries.map(canonicalRegisterEntry).sort(compareRegisterEntries);
}
