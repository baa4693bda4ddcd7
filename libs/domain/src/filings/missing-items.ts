import type { FilingDocument, FilingItem, FilingSection } from './filing-input.js';

/** Required questions without an answer, in the order the form asks them, each once. */
export function missingItems(sections: readonly FilingSection[]): FilingDocument['missing'] {
  const seen = new Set<string>();
  const missing: FilingDocument['missing'] = [];
  for (const item of sections.flatMap((section) => section.items)) {
    if (!isMissing(item) || seen.has(item.id)) continue;
    seen.add(item.id);
    missing.push({ id: item.id, label: item.label, ...(item.art33Item !== undefined && { art33Item: item.art33Item }) });
  }
  return missing;
}

/** A required answer is a gap while it is empty or says that nobody has decided yet. */
export function isMissing(item: FilingItem): boolean {
  return item.required && (item.value === null || item.undecided === true);
}
