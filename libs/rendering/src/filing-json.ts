import type { FilingDocument } from '../../domain/src/filings/filing-input.js';

export const FILING_JSON_SCHEMA = 'breachflow.filing/1';

/**
 * The JSON export: the document with a schema marker, every object's keys in sorted order and two-
 * space indentation, so that equal documents give equal bytes whatever order their keys were
 * written in (a document read back from PostgreSQL's jsonb comes back reordered). Lists keep
 * their order: the order of sections and items is the form's.
 */
export function filingJson(document: FilingDocument): string {
  return `${JSON.stringify(sortedKeys({ schema: FILING_JSON_SCHEMA, ...document }), null, 2)}\n`;
}

function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, member]) => member !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, member]) => [key, sortedKeys(member)]),
  );
}
