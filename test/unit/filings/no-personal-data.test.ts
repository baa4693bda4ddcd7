/**
 * Everything filed with IMY becomes a public document (allmän handling). A filing therefore
 * carries no names or personal identity numbers of data subjects: the facts hold none, and the
 * builder adds none. The only person it names is the contact point the organisation chose to give.
 */
import { describe, expect, it } from '@jest/globals';
import { buildFilingDocument } from '../../../libs/domain/src/filings/build-filing-document.js';
import type { FilingDocument, FilingInput } from '../../../libs/domain/src/filings/filing-input.js';
import { art33Input, lateArt33Input, processorInput } from './filing-fixtures.js';
import { allItems, valueOf } from './item-lookup.js';

/** A Swedish personnummer or samordningsnummer, with or without century and separator. */
const PERSONNUMMER = /\b(?:19|20)?\d{6}[-+]?\d{4}\b/g;

const texts = (document: FilingDocument): string[] => [
  document.title,
  ...Object.values(document.header ?? {}).map(String),
  ...allItems(document).flatMap((item) => [item.label, item.value ?? '', item.previousValue ?? '']),
];

/** Every text the input could contribute, so that the document can be checked to add nothing else. */
const inputTexts = (input: FilingInput): string[] => [
  input.organisation.legalName,
  input.organisation.orgNumber ?? '',
  input.organisation.postalAddress ?? '',
  ...Object.values(input.organisation.contact),
  input.incident.reference,
  input.incident.facts.title,
  input.incident.facts.summary,
  input.recipient ?? '',
];

describe('no invented personal data', () => {
  for (const [name, input] of [
    ['the report to IMY', art33Input()],
    ['a late report with gaps', lateArt33Input()],
    ['an English report', art33Input({ language: 'en' })],
    ["a processor's notice", processorInput()],
  ] as const) {
    it(`${name} contains no personal identity number other than the organisation number`, () => {
      const found = texts(buildFilingDocument(input)).flatMap((text) => text.match(PERSONNUMMER) ?? []);
      expect(found.filter((number) => number !== input.organisation.orgNumber)).toEqual([]);
    });
  }

  it('names no person but the contact point the organisation gave', () => {
    const input = art33Input();
    const document = buildFilingDocument(input);
    expect(valueOf(document, 'contact.name')).toBe('Dataskyddsombudet');
    // Free text in the document comes from the input or from the label tables, never from elsewhere.
    const fromInput = inputTexts(input).filter(Boolean);
    const contactValues = allItems(document).filter((item) => item.id.startsWith('contact.') && item.value !== null);
    for (const item of contactValues) expect(fromInput).toContain(item.value);
  });

  it('leaves an unknown contact point empty rather than filling in a name', () => {
    const document = buildFilingDocument(art33Input({ organisation: { ...art33Input().organisation, contact: {} } }));
    expect(valueOf(document, 'contact.name')).toBeNull();
    expect(valueOf(document, 'contact.phone')).toBeNull();
    expect(valueOf(document, 'contact.email')).toBeNull();
  });

  it('adds no personal data of its own to the last free-text field: it carries only what the organisation asks to keep confidential', () => {
    const { secrecyNote: _none, ...organisation } = art33Input().organisation;
    expect(valueOf(buildFilingDocument(art33Input({ organisation })), 'other.secrecy')).toBeNull();
  });
});
