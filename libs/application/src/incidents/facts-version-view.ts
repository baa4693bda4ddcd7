import { canonicalJson } from '../../../domain/src/canonical-json.js';
import type { IncidentFacts } from '../../../domain/src/incident/incident-facts.js';
import type { IncidentFactsVersion } from '../../../persistence/src/entities/incident-facts-version.entity.js';

/** One version of an incident's facts as people review it: what changed, who changed it, and why. */
export interface FactsVersionView {
  version: number;
  recordedAt: string;
  recordedBy: { id: string; name: string | null };
  reason: string | null;
  /** Top-level fact keys that differ from the version before (every key of the first version). */
  changed: string[];
}

/** The keys whose values differ between two facts versions, added and removed keys included. */
export function changedFactKeys(previous: IncidentFacts | undefined, current: IncidentFacts): string[] {
  if (!previous) return Object.keys(current).sort();
  const keys = new Set([...Object.keys(previous), ...Object.keys(current)]);
  const value = (facts: IncidentFacts, key: string) => canonicalJson((facts as unknown as Record<string, unknown>)[key] ?? null);
  return [...keys].filter((key) => value(previous, key) !== value(current, key)).sort();
}

/** Versions newest first, each compared with the one before it. */
export function factsVersionViews(newestFirst: readonly IncidentFactsVersion[], names: ReadonlyMap<string, string>): FactsVersionView[] {
  return newestFirst.map((version, index) => ({
    version: version.version,
    recordedAt: version.recordedAt.toISOString(),
    recordedBy: { id: version.recordedBy, name: names.get(version.recordedBy) ?? null },
    reason: version.changeReason,
    changed: changedFactKeys(newestFirst[index + 1]?.facts, version.facts),
  }));
}
