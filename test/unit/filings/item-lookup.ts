import type { FilingDocument, FilingItem } from '../../../libs/domain/src/filings/filing-input.js';

export const allItems = (document: FilingDocument): FilingItem[] => document.sections.flatMap((section) => section.items);

/** The item with this id; fails the test when the document does not ask the question at all. */
export function itemOf(document: FilingDocument, id: string): FilingItem {
  const found = allItems(document).find((item) => item.id === id);
  if (found === undefined) throw new Error(`the document has no item ${id}; it has ${allItems(document).map((item) => item.id).join(', ')}`);
  return found;
}

export const valueOf = (document: FilingDocument, id: string): string | null => itemOf(document, id).value;

export const missingIds = (document: FilingDocument): string[] => document.missing.map((entry) => entry.id);
