import type { FilingLabels } from './filing-labels.js';

/** A count with the language's digit grouping: "2 000" in Swedish, "2,000" in English. */
export function formatCount(value: number, labels: FilingLabels): string {
  return new Intl.NumberFormat(labels.locale, { maximumFractionDigits: 0 }).format(value);
}

/** A score as ENISA's tables write it, with the language's decimal mark: "4,5" / "4.5". */
export function formatScore(value: number, labels: FilingLabels): string {
  return new Intl.NumberFormat(labels.locale, { maximumFractionDigits: 2 }).format(value);
}

/** A duration in whole hours and minutes, rounded down: how late a filing is. */
export function formatDuration(milliseconds: number, labels: FilingLabels): string {
  const totalMinutes = Math.floor(Math.max(0, milliseconds) / 60_000);
  return labels.phrases.duration(Math.floor(totalMinutes / 60), totalMinutes % 60);
}
