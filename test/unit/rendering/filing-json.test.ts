/** The JSON export of a filing: the structured document with a schema marker, in a stable form. */
import { describe, expect, it } from '@jest/globals';
import { buildFilingDocument } from '../../../libs/domain/src/filings/build-filing-document.js';
import type { FilingDocument } from '../../../libs/domain/src/filings/filing-input.js';
import { FILING_JSON_SCHEMA, filingJson } from '../../../libs/rendering/src/filing-json.js';
import { lateArt33Input } from '../filings/filing-fixtures.js';

/** The same object with its keys inserted in reverse order, as a database might hand it back. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([key, member]) => [key, reversedKeys(member)]));
}

describe('the filing as JSON', () => {
  const document = buildFilingDocument(lateArt33Input());

  it('is the document plus the schema marker breachflow.filing/1', () => {
    const parsed = JSON.parse(filingJson(document)) as FilingDocument & { schema: string };
    expect(parsed.schema).toBe(FILING_JSON_SCHEMA);
    expect(FILING_JSON_SCHEMA).toBe('breachflow.filing/1');
    const { schema: _marker, ...rest } = parsed;
    expect(rest).toEqual(document);
  });

  it('writes keys in a stable, sorted order whatever order the document has them in', () => {
    const json = filingJson(document);
    expect(filingJson(reversedKeys(document) as FilingDocument)).toBe(json);
    expect(Object.keys(JSON.parse(json) as object)).toEqual([...Object.keys(JSON.parse(json) as object)].sort());
  });

  it('keeps the order of sections and items: it is the order of the form', () => {
    const parsed = JSON.parse(filingJson(document)) as FilingDocument;
    expect(parsed.sections.map((section) => section.id)).toEqual(document.sections.map((section) => section.id));
  });
});
