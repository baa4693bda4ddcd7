/**
 * Filings that follow a first one. IMY: a supplement gives only the information that was missing
 * or has changed, not the whole form again, and names the first notification (IMY's case number
 * and/or its date). A supplement may say that it completes the report. When the investigation shows
 * there was no personal data breach after all, the filing says so and why, and withdraws the notification.
 */
import { describe, expect, it } from '@jest/globals';
import { buildFilingDocument } from '../../../libs/domain/src/filings/build-filing-document.js';
import type { FilingInput } from '../../../libs/domain/src/filings/filing-input.js';
import type { IncidentFacts } from '../../../libs/domain/src/incident/incident-facts.js';
import { BOOKING_BREACH_COMPLETE, art33Input, assessmentOf, processorInput, VENDOR_OUTAGE } from './filing-fixtures.js';
import { allItems, itemOf, missingIds, valueOf } from './item-lookup.js';

/** The first filing: everything known but the number of records. */
const { approxRecords: _notYetKnown, ...FIRST_FILING_FACTS } = BOOKING_BREACH_COMPLETE;
const FIRST_FILED = { sequence: 1, filedAt: '2026-11-24T11:02:00.000Z', reference: 'IMY-2026-12345', factsVersion: 3, facts: FIRST_FILING_FACTS };

/** A supplement on 2 December: the number of records is now known, and the measures were extended. */
function supplementInput(changes: Partial<FilingInput> = {}, facts: IncidentFacts = { ...FIRST_FILING_FACTS, approxRecords: 14_500 }): FilingInput {
  return art33Input({
    kind: 'supplement',
    incident: { reference: 'INC-2026-0042', factsVersion: 5, facts },
    risk: assessmentOf(facts),
    previous: FIRST_FILED,
    preparedAt: '2026-12-02T09:00:00.000Z',
    deadline: '2026-12-22T11:02:00.000Z',
    ...changes,
  });
}

describe('a supplement to the Art. 33 notification', () => {
  it("names the first notification: IMY's case number and the date it was filed", () => {
    const document = buildFilingDocument(supplementInput());
    expect(document.sections[0]!.id).toBe('followUp');
    expect(valueOf(document, 'followUp.authorityReference')).toBe('IMY-2026-12345');
    expect(valueOf(document, 'followUp.firstFiledAt')).toBe('2026-11-24 kl. 12:02 CET');
    expect(valueOf(document, 'controller.name')).toBe('Region Exempelby');
    expect(valueOf(document, 'controller.reference')).toBe('INC-2026-0042');
    expect(document.title).toBe('Komplettering av anmälan om personuppgiftsincident');
  });

  it('lists only the items that changed, each with its earlier answer', () => {
    const document = buildFilingDocument(supplementInput());
    const changes = document.sections.find((section) => section.id === 'changes')!;
    expect(changes.items).toEqual([
      {
        id: 'records.count',
        label: 'Ungefärligt antal berörda personuppgiftsposter (om så är möjligt)',
        value: 'ca 14\u00a0500 poster. Antalet är ungefärligt: en uppskattning utifrån utredningen hittills.',
        required: false,
        art33Item: 'a',
        previousValue: null,
      },
    ]);
    expect(allItems(document).some((item) => item.id === 'breach.description')).toBe(false);
    expect(document.missing).toEqual([]);
  });

  it('shows a changed answer before → after, numbered as in the form', () => {
    const facts = { ...FIRST_FILING_FACTS, approxRecords: 14_500, subjects: { approxCount: 2_400, categories: ['patients' as const, 'children' as const] } };
    const document = buildFilingDocument(supplementInput({}, facts));
    const categories = itemOf(document, 'subjects.categories');
    expect(categories).toMatchObject({ number: '25', previousValue: 'Patienter.', value: 'Patienter, barn.' });
    expect(itemOf(document, 'subjects.count')).toMatchObject({
      previousValue: 'ca 2\u00a0000 personer. Antalet är ungefärligt: en uppskattning utifrån utredningen hittills.',
      value: 'ca 2\u00a0400 personer. Antalet är ungefärligt: en uppskattning utifrån utredningen hittills.',
    });
  });

  it('adds the new severity when the facts the risk model reads have changed', () => {
    const facts = { ...FIRST_FILING_FACTS, approxRecords: 14_500, subjects: { approxCount: 2_400, categories: ['patients' as const] } };
    const ids = allItems(buildFilingDocument(supplementInput({}, facts))).map((item) => item.id);
    expect(ids).toContain('consequences.severity');
  });

  it('does not read a reordered list of the same categories as a change', () => {
    const reordered = { ...FIRST_FILING_FACTS, data: { ...FIRST_FILING_FACTS.data!, categories: ['health' as const, 'national-id' as const, 'contact' as const, 'identity' as const] } };
    const document = buildFilingDocument(supplementInput({}, { ...reordered, approxRecords: 14_500 }));
    expect(allItems(document).map((item) => item.id)).not.toContain('data.categories');
  });

  it('says so when nothing has changed, and does not repeat the form', () => {
    const document = buildFilingDocument(supplementInput({}, FIRST_FILING_FACTS));
    expect(valueOf(document, 'followUp.noChanges')).toBe('Inga uppgifter har ändrats sedan den förra anmälan.');
    // Answers that were missing before and still are: not repeated as items, only on the checklist.
    expect(allItems(document).map((item) => item.id)).not.toContain('measures.taken');
  });

  it('keeps a still-missing answer on the checklist, without repeating it, and asks what will follow (Art. 33(4))', () => {
    // The likely consequences were missing in the first filing and still are.
    const { likelyConsequences: _never, ...facts } = FIRST_FILING_FACTS;
    const document = buildFilingDocument(supplementInput({ previous: { ...FIRST_FILED, facts } }, facts));
    expect(missingIds(document)).toEqual(['other.informationToFollow', 'consequences.likely']);
    expect(allItems(document).map((item) => item.id)).not.toContain('consequences.likely');
    expect(document.header?.preliminary).toBe(true);
  });

  it('without an IMY case number, the date of the first filing identifies it', () => {
    const { reference: _none, ...withoutReference } = FIRST_FILED;
    const document = buildFilingDocument(supplementInput({ previous: withoutReference }));
    expect(itemOf(document, 'followUp.authorityReference')).toMatchObject({ value: null, required: false });
    expect(missingIds(document)).toEqual([]);
  });

  it("is judged against its own period, and a late one needs no Art. 33(1) reasons, which bind the first report", () => {
    const document = buildFilingDocument(supplementInput({ preparedAt: '2026-12-23T08:00:00.000Z' }));
    expect(document.late).toBe(true);
    expect(itemOf(document, 'timeline.delayReason')).toMatchObject({ required: false });
    expect(missingIds(document)).not.toContain('timeline.delayReason');
  });

  it('refuses to be drafted without the filing it supplements', () => {
    expect(() => buildFilingDocument(supplementInput({ previous: undefined }))).toThrow('a supplement filing needs input.previous');
  });
});

describe('a supplement that completes the report', () => {
  it('says that it completes the report and that nothing more follows — IMY has no separate "final report"', () => {
    const document = buildFilingDocument(supplementInput({ completesReport: true }));
    expect(document.title).toBe('Komplettering av anmälan om personuppgiftsincident');
    expect(valueOf(document, 'followUp.completes')).toBe('Denna komplettering fullständiggör anmälan. Inga fler kompletteringar lämnas.');
    expect(allItems(document).map((item) => item.id)).not.toContain('other.informationToFollow');
    expect(document.header?.preliminary).toBe(false);
  });

  it('in English too', () => {
    const document = buildFilingDocument(supplementInput({ completesReport: true, language: 'en' }));
    expect(document.title).toBe('Supplementary information regarding a data breach notification');
    expect(valueOf(document, 'followUp.completes')).toBe('This supplementary information completes the notification. No further supplements will follow.');
  });

  it('reads a report stored as "final" the same way', () => {
    expect(valueOf(buildFilingDocument(supplementInput({ kind: 'final' })), 'followUp.completes')).toMatch(/^Denna komplettering fullständiggör anmälan/);
  });
});

describe('no personal data breach after all', () => {
  const noBreach = (changes: Partial<FilingInput> = {}) =>
    buildFilingDocument(
      supplementInput({
        kind: 'no-breach',
        noBreachJustification: 'Kontot användes av en behörig administratör; exporten stannade inom regionens nät.',
        ...changes,
      }),
    );

  it('withdraws the notification and says why', () => {
    const document = noBreach();
    expect(document.title).toBe('Meddelande om att det inte var en personuppgiftsincident');
    expect(valueOf(document, 'noBreach.statement')).toBe(
      'Efter utredning bedömer vi att det som anmäldes 2026-11-24 kl. 12:02 CET inte var en personuppgiftsincident. Vi återkallar därför anmälan.',
    );
    expect(valueOf(document, 'noBreach.justification')).toBe('Kontot användes av en behörig administratör; exporten stannade inom regionens nät.');
    expect(valueOf(document, 'followUp.authorityReference')).toBe('IMY-2026-12345');
    expect(document.missing).toEqual([]);
  });

  it('requires the justification', () => {
    expect(missingIds(noBreach({ noBreachJustification: undefined }))).toEqual(['noBreach.justification']);
  });

  it('repeats none of the breach answers', () => {
    expect(allItems(noBreach()).map((item) => item.id)).toEqual([
      'followUp.authorityReference',
      'followUp.firstFiledAt',
      'controller.name',
      'controller.orgNumber',
      'controller.reference',
      'noBreach.statement',
      'noBreach.justification',
    ]);
  });
});

describe("a supplement to a processor's notice", () => {
  it('lists the changes to the controller, numbered in order, without Art. 34 answers', () => {
    const facts = { ...VENDOR_OUTAGE, subjects: { approxCount: 900, categories: ['patients' as const] } };
    const document = buildFilingDocument(
      processorInput({
        kind: 'supplement',
        incident: { reference: 'JS-2026-117', factsVersion: 3, facts },
        risk: assessmentOf(facts),
        previous: { sequence: 1, filedAt: '2026-11-24T12:10:00.000Z', factsVersion: 2, facts: VENDOR_OUTAGE },
        preparedAt: '2026-11-25T09:00:00.000Z',
        deadline: '2026-12-22T12:10:00.000Z',
      }),
    );
    expect(valueOf(document, 'followUp.firstFiledAt')).toBe('2026-11-24 kl. 13:10 CET');
    const ids = allItems(document).map((item) => item.id);
    expect(ids).toContain('subjects.count');
    expect(ids).toContain('consequences.severity');
    expect(ids).not.toContain('informing.status');
    expect(allItems(document).map((item) => item.number)).toEqual(allItems(document).map((_, index) => String(index + 1)));
  });
});
