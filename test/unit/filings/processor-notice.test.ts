/**
 * GDPR Art. 33(2): a processor notifies the controller without undue delay after becoming aware of
 * a breach. The controller has 72 hours from its own awareness and needs the same Art. 33(3)
 * answers for its notification, so the notice gives them: what happened, when the processor became
 * aware, which of the controller's data and people are concerned, the measures, a contact point,
 * and what will follow. Deciding on IMY and on the data subjects stays with the controller.
 */
import { describe, expect, it } from '@jest/globals';
import { buildFilingDocument } from '../../../libs/domain/src/filings/build-filing-document.js';
import { processorInput } from './filing-fixtures.js';
import { allItems, itemOf, missingIds, valueOf } from './item-lookup.js';

describe("a processor's notice to the controller (Art. 33(2))", () => {
  it('is addressed to the controller, from the processor', () => {
    const document = buildFilingDocument(processorInput());
    expect(document.title).toBe('Underrättelse från personuppgiftsbiträde om personuppgiftsincident');
    expect(document.header).toMatchObject({ recipient: 'Region Exempelby', organisationName: 'Journalsystem Exempel AB' });
    expect(itemOf(document, 'recipient.controller')).toMatchObject({ value: 'Region Exempelby', required: true });
    expect(itemOf(document, 'controller.name')).toMatchObject({ label: 'Personuppgiftsbiträde', value: 'Journalsystem Exempel AB' });
  });

  it('cannot go out without knowing which controller it is for', () => {
    const document = buildFilingDocument(processorInput({ recipient: undefined }));
    expect(missingIds(document)).toEqual(['recipient.controller']);
    expect(document.header?.recipient).toBe('Personuppgiftsansvarig (mottagare inte angiven)');
  });

  it('answers every Art. 33(3) point the controller needs', () => {
    const document = buildFilingDocument(processorInput());
    expect([...new Set(allItems(document).map((item) => item.art33Item).filter(Boolean))].sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(document.missing).toEqual([]);
  });

  it('says when we, the processor, became aware', () => {
    const document = buildFilingDocument(processorInput());
    expect(itemOf(document, 'timeline.awareAt')).toMatchObject({
      label: 'När fick vi som personuppgiftsbiträde vetskap om incidenten?',
      value: '2026-11-24 kl. 08:20 CET',
    });
  });

  it("describes which of the controller's data and people are concerned", () => {
    const document = buildFilingDocument(processorInput());
    expect(document.sections.find((section) => section.id === 'affected')?.title).toBe('Era registrerade och personuppgifter som berörs');
    expect(valueOf(document, 'subjects.count')).toBe('ca 850 personer. Antalet är ungefärligt: en uppskattning utifrån utredningen hittills.');
    expect(valueOf(document, 'data.categories')).toBe('Identitetsuppgifter (t.ex. namn), uppgifter om hälsa.');
    expect(valueOf(document, 'breach.nature')).toBe(
      [
        'Riktighetsincident (uppgifter har ändrats): de ursprungliga uppgifterna kan återställas.',
        'Tillgänglighetsincident (uppgifter har gått förlorade eller varit otillgängliga): inga uppgifter har gått förlorade för gott; uppgifterna har återställts från säkerhetskopia; otillgängliga i ca 5 timmar.',
        'Incidenten beror inte på en avsiktlig handling.',
        'Uppgifterna var varken krypterade eller pseudonymiserade.',
      ].join('\n'),
    );
  });

  it('leaves the decisions on IMY and the data subjects to the controller', () => {
    const document = buildFilingDocument(processorInput());
    expect(allItems(document).some((item) => item.id.startsWith('informing.'))).toBe(false);
    expect(valueOf(document, 'other.controllerDecides')).toMatch(/^Ni som personuppgiftsansvarig bedömer om incidenten ska anmälas till IMY/);
    expect(itemOf(document, 'consequences.severity').label).toBe('Vår preliminära bedömning av allvarlighetsgraden');
  });

  it('numbers its questions 1, 2, 3 … as it follows no authority form', () => {
    const document = buildFilingDocument(processorInput());
    const numbers = allItems(document).map((item) => item.number);
    expect(numbers).toEqual(numbers.map((_, index) => String(index + 1)));
    expect(document.formVersion).toBe('breachflow-art33-2-2025-02');
  });

  it('after its time asks for the reasons for the delay, without making them a gap: Art. 33(1) binds the controller, not a processor', () => {
    const document = buildFilingDocument(processorInput({ preparedAt: '2026-11-25T09:00:00.000Z' }));
    expect(document.late).toBe(true);
    expect(itemOf(document, 'timeline.delayReason')).toMatchObject({ label: 'Motivering till förseningen', required: false });
    expect(missingIds(document)).toEqual([]);
  });

  it('calls its time an internal target unless the processing agreement fixes it (Art. 28(3)(f))', () => {
    expect(buildFilingDocument(processorInput()).header?.deadlineLabel).toBe('Vår interna målsättning (inte avtalad)');
    const agreed = { ...processorInput().organisation, processorNoticeTimeAgreed: true };
    expect(buildFilingDocument(processorInput({ organisation: agreed })).header?.deadlineLabel).toBe('Tid enligt personuppgiftsbiträdesavtalet');
  });

  it('is an "underrättelse", never an "anmälan", in Swedish', () => {
    const document = buildFilingDocument(processorInput());
    expect(document.header?.kindLabel).toBe('Första underrättelse');
    // Only the controller's own notification to IMY is an "anmälan".
    const ownWords = allItems(document).filter((item) => item.id !== 'other.controllerDecides');
    expect(JSON.stringify({ ...document, sections: ownWords })).not.toMatch(/anmälan/i);
  });

  it('in English speaks from the processor side as well', () => {
    const document = buildFilingDocument(processorInput({ language: 'en' }));
    expect(document.title).toBe("Processor's notice of a personal data breach");
    expect(itemOf(document, 'timeline.awareAt').label).toBe('When did we, as processor, become aware of the breach?');
    expect(valueOf(document, 'timeline.awareAt')).toBe('24 November 2026, 08:20 CET');
  });
});
