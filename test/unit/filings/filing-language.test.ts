/**
 * Every filing is drafted in Swedish or English. IMY's e-service exists in both; a DPO may need an
 * English copy for a group-level controller. Labels come from one table per language, instants are
 * shown in the organisation's time zone and numbers with the language's digit grouping.
 */
import { describe, expect, it } from '@jest/globals';
import { buildFilingDocument } from '../../../libs/domain/src/filings/build-filing-document.js';
import { GDPR_ITEM_IDS } from '../../../libs/domain/src/filings/filing-item-ids.js';
import { filingLabels } from '../../../libs/domain/src/filings/filing-labels.js';
import { formatInstant } from '../../../libs/domain/src/filings/format-instant.js';
import { formatCount, formatDuration } from '../../../libs/domain/src/filings/format-numbers.js';
import { DATA_CATEGORIES, SUBJECT_CATEGORIES } from '../../../libs/domain/src/risk/risk-facts.js';
import { art33Input } from './filing-fixtures.js';
import { itemOf, valueOf } from './item-lookup.js';

const sv = filingLabels('sv');
const en = filingLabels('en');

describe('Swedish and English labels', () => {
  it("asks IMY's questions in Swedish", () => {
    const document = buildFilingDocument(art33Input());
    expect(document.title).toBe('Anmälan om personuppgiftsincident');
    expect(itemOf(document, 'subjects.categories').label).toBe('Vilka grupper tillhör de registrerade?');
    expect(itemOf(document, 'data.categories').label).toBe('Vilken sorts personuppgifter har incidenten drabbat?');
    expect(itemOf(document, 'timeline.ceasedAt').label).toBe('När upphörde incidenten?');
  });

  it("asks IMY's questions in English", () => {
    const document = buildFilingDocument(art33Input({ language: 'en' }));
    expect(document.title).toBe('Report of a personal data breach');
    expect(itemOf(document, 'subjects.categories').label).toBe('Which categories of data subjects are concerned?');
    expect(itemOf(document, 'consequences.likely').label).toBe('What may be the consequences of the data breach?');
    expect(valueOf(document, 'subjects.count')).toBe('approx. 2,000 people. The number is approximate: an estimate from the investigation so far.');
    expect(valueOf(document, 'data.categories')).toBe(
      'Identity data (e.g. name), contact details, personal identity numbers (personnummer), data concerning health.',
    );
    expect(itemOf(document, 'other.secrecy').label).toBe('Other information: what you consider should be kept confidential');
    expect(itemOf(document, 'timeline.delayReason').label).toMatch(/^Reasons for the delay/);
  });

  it('has a label for every question, data category and group of data subjects in both languages', () => {
    for (const labels of [sv, en]) {
      for (const id of GDPR_ITEM_IDS) expect(labels.items[id]).toMatch(/\S/);
      for (const category of DATA_CATEGORIES) expect(labels.dataCategories[category]).toMatch(/\S/);
      for (const category of SUBJECT_CATEGORIES) expect(labels.subjectCategories[category]).toMatch(/\S/);
    }
  });

  it('calls a national identity number personnummer, and social services data secret', () => {
    expect(sv.dataCategories['national-id']).toBe('personnummer');
    expect(sv.dataCategories['social-welfare']).toBe('uppgifter som omfattas av sekretess inom socialtjänsten');
    expect(en.dataCategories['social-welfare']).toBe('social services data covered by secrecy');
  });
});

describe('instants and numbers', () => {
  const stockholm = 'Europe/Stockholm';

  it('shows instants on the organisation wall clock, with the zone abbreviation', () => {
    expect(formatInstant('2026-11-26T13:15:00Z', stockholm, sv)).toBe('2026-11-26 kl. 14:15 CET');
    expect(formatInstant('2026-11-26T13:15:00Z', stockholm, en)).toBe('26 November 2026, 14:15 CET');
    expect(formatInstant('2026-06-01T22:30:00Z', stockholm, sv)).toBe('2026-06-02 kl. 00:30 CEST');
  });

  it('reads the same instant the same way whatever offset it was written with', () => {
    expect(formatInstant('2026-11-26T14:15:00+01:00', stockholm, sv)).toBe(formatInstant('2026-11-26T13:15:00Z', stockholm, sv));
  });

  it('uses the time zone of the organisation, not of the machine', () => {
    expect(formatInstant('2026-11-26T13:15:00Z', 'UTC', en)).toBe('26 November 2026, 13:15 UTC');
    expect(formatInstant('2026-11-26T13:15:00Z', 'Europe/Helsinki', sv)).toMatch(/^2026-11-26 kl\. 15:15 /);
  });

  it('refuses something that is not an instant', () => {
    expect(() => formatInstant('yesterday', stockholm, sv)).toThrow('not an ISO-8601 instant: yesterday');
  });

  it('groups digits as Swedish and British readers expect', () => {
    expect(formatCount(2000, sv)).toBe('2\u00a0000');
    expect(formatCount(2000, en)).toBe('2,000');
    expect(formatCount(150_000, en)).toBe('150,000');
  });

  it('gives a delay in hours and minutes', () => {
    expect(formatDuration(2.5 * 3_600_000, sv)).toBe('2 tim 30 min');
    expect(formatDuration(45 * 60_000, en)).toBe('45 min');
    expect(formatDuration(76 * 3_600_000 + 59_999, en)).toBe('76 h 0 min');
  });
});
