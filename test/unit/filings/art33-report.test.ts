/**
 * The controller's notification to IMY (GDPR Art. 33). Art. 33(3) lists what it must at least
 * contain; Art. 33(1) requires the reasons for a delay past 72 hours; Art. 33(4) allows what is not
 * yet known to follow. The document is built in the Swedish e-service's order, so that a person can
 * copy it field by field, and whatever is still unanswered is listed where nobody can miss it.
 */
import { describe, expect, it } from '@jest/globals';
import { buildFilingDocument } from '../../../libs/domain/src/filings/build-filing-document.js';
import { BOOKING_BREACH, BOOKING_BREACH_COMPLETE, art33Input, assessmentOf, lateArt33Input } from './filing-fixtures.js';
import { allItems, itemOf, missingIds, valueOf } from './item-lookup.js';

describe('the Art. 33 notification to IMY', () => {
  it('answers every Art. 33(3) point, (a) to (d), each as a tagged item', () => {
    const document = buildFilingDocument(art33Input());
    const points = new Set(allItems(document).map((item) => item.art33Item).filter(Boolean));
    expect([...points].sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(itemOf(document, 'breach.nature').art33Item).toBe('a');
    expect(itemOf(document, 'subjects.count').art33Item).toBe('a');
    expect(itemOf(document, 'records.count').art33Item).toBe('a');
    expect(itemOf(document, 'subjects.categories').art33Item).toBe('a');
    expect(itemOf(document, 'data.categories').art33Item).toBe('a');
    expect(itemOf(document, 'contact.name').art33Item).toBe('b');
    expect(itemOf(document, 'consequences.likely').art33Item).toBe('c');
    expect(itemOf(document, 'measures.taken').art33Item).toBe('d');
  });

  it('is complete when every fact is known: nothing missing, nothing to follow', () => {
    const document = buildFilingDocument(art33Input());
    expect(document.missing).toEqual([]);
    expect(document.header?.preliminary).toBe(false);
    expect(valueOf(document, 'other.informationToFollow')).toBe('Inga: anmälan bedöms vara fullständig.');
  });

  it('follows IMY form imy-2026-11, in the Swedish e-service order, printing only the question numbers confirmed there', () => {
    const document = buildFilingDocument(art33Input());
    expect(document.formVersion).toBe('imy-2026-11');
    expect(document.sections.map((section) => section.id)).toEqual([
      'controller',
      'contact',
      'timeline',
      'breach',
      'affected',
      'consequences',
      'measures',
      'informing',
      'other',
    ]);
    const numbered = allItems(document)
      .filter((item) => item.number !== undefined)
      .map((item) => [item.id, item.number]);
    expect(numbered).toEqual([
      ['controller.name', '1'],
      ['controller.orgNumber', '2'],
      ['controller.postalAddress', '3'],
      ['controller.reference', '4'],
      ['contact.address', '9'],
      ['timeline.ceasedAt', '13'],
      ['subjects.categories', '25'],
      ['data.categories', '26'],
      ['consequences.likely', '28'],
      ['measures.taken', '30'],
      ['informing.informedAt', '32'],
      ['informing.plannedAt', '34'],
      ['informing.grounds', '35'],
    ]);
  });

  it("numbers an English draft as IMY's English e-service does, which differs from the Swedish one", () => {
    const numbers = Object.fromEntries(allItems(buildFilingDocument(art33Input({ language: 'en' }))).map((item) => [item.id, item.number]));
    expect(numbers).toMatchObject({
      'controller.name': '1',
      'timeline.ceasedAt': '15a',
      'subjects.categories': '27',
      'data.categories': '28',
      'consequences.likely': '19',
      'measures.taken': '21',
      'informing.informedAt': '23a',
      'informing.plannedAt': '23c',
      'informing.grounds': '23d',
    });
    // Not confirmed on the English form: no number rather than a wrong one.
    expect(numbers['contact.address']).toBeUndefined();
    expect(numbers['contact.name']).toBeUndefined();
  });

  it("marks no answer as mandatory on IMY's form until IMY's marks are confirmed; the checklist is breachflow's own", () => {
    const document = buildFilingDocument(art33Input({ risk: null }));
    expect(allItems(document).filter((item) => item.mandatoryOnForm)).toEqual([]);
    expect(document.missing.length).toBeGreaterThan(0);
  });

  it('gives a postal address for IMY to write to, and never an e-mail address in its place', () => {
    expect(valueOf(buildFilingDocument(art33Input()), 'contact.address')).toBe('Box 100, 123 45 Exempelby');
    const { postalAddress: _none, ...noAddress } = art33Input().organisation;
    const document = buildFilingDocument(art33Input({ organisation: noAddress }));
    expect(valueOf(document, 'contact.address')).toBeNull();
    expect(missingIds(document)).toEqual(expect.arrayContaining(['controller.postalAddress', 'contact.address']));
  });

  it('presents the controller as IMY asks: name, organisation number, postal address and our reference', () => {
    const document = buildFilingDocument(art33Input());
    expect(valueOf(document, 'controller.name')).toBe('Region Exempelby');
    expect(valueOf(document, 'controller.orgNumber')).toBe('232100-0000');
    expect(valueOf(document, 'controller.postalAddress')).toBe('Box 100, 123 45 Exempelby');
    expect(valueOf(document, 'controller.reference')).toBe('INC-2026-0042');
  });

  it('leaves the organisation number blank, and not missing, for a sole trader', () => {
    const base = art33Input();
    const { orgNumber: _omitted, ...soleTrader } = base.organisation;
    const document = buildFilingDocument({ ...base, organisation: soleTrader });
    expect(valueOf(document, 'controller.orgNumber')).toBeNull();
    expect(missingIds(document)).not.toContain('controller.orgNumber');
  });

  describe('an unanswered required item', () => {
    it('has the value null and is listed in missing, with its Art. 33(3) point', () => {
      const base = art33Input();
      const { measures: _notYet, ...facts } = base.incident.facts;
      const document = buildFilingDocument({ ...base, incident: { ...base.incident, facts } });
      expect(valueOf(document, 'measures.taken')).toBeNull();
      expect(document.missing).toContainEqual({ id: 'measures.taken', label: 'Hur har ni agerat efter incidenten?', art33Item: 'd' });
    });

    it('counts a blank answer as no answer', () => {
      const base = art33Input();
      const document = buildFilingDocument({ ...base, incident: { ...base.incident, facts: { ...base.incident.facts, measures: '   ' } } });
      expect(missingIds(document)).toContain('measures.taken');
    });

    it('lists a missing contact point under Art. 33(3)(b), asking for a telephone number or an e-mail address', () => {
      const document = buildFilingDocument(art33Input({ organisation: { ...art33Input().organisation, contact: {} } }));
      expect(document.missing.filter((entry) => entry.art33Item === 'b').map((entry) => entry.id)).toEqual([
        'contact.name',
        'contact.phone',
        'contact.email',
      ]);
    });

    it('is satisfied by one way of reaching the contact point', () => {
      const onlyEmail = { name: 'Dataskyddsombudet', email: 'dso@example.org' };
      const document = buildFilingDocument(art33Input({ organisation: { ...art33Input().organisation, contact: onlyEmail } }));
      expect(missingIds(document)).toEqual([]);
    });

    it('makes the filing preliminary and asks what will follow in a supplement (Art. 33(4))', () => {
      const base = art33Input();
      const { measures: _unknown, ...facts } = base.incident.facts;
      const document = buildFilingDocument({ ...base, incident: { ...base.incident, facts } });
      expect(missingIds(document)).toEqual(['measures.taken', 'other.informationToFollow']);
      expect(document.header?.preliminary).toBe(true);
    });

    it('announces a supplement, naming what will follow, once that is given', () => {
      const base = art33Input({ supplementsToFollow: 'Loggarna analyseras fortfarande.' });
      const { measures: _unknown, ...facts } = base.incident.facts;
      const document = buildFilingDocument({ ...base, incident: { ...base.incident, facts } });
      expect(missingIds(document)).toEqual(['measures.taken']);
      expect(valueOf(document, 'other.informationToFollow')).toBe(
        'Ja, en komplettering lämnas. Loggarna analyseras fortfarande. Uppgifter som saknas nu: Hur har ni agerat efter incidenten?.',
      );
    });

    it('does not count an unknown number of records as a gap: Art. 33(3)(a) asks for it "where possible"', () => {
      const base = art33Input();
      const { approxRecords: _unknown, ...facts } = base.incident.facts;
      const document = buildFilingDocument({ ...base, incident: { ...base.incident, facts } });
      expect(itemOf(document, 'records.count')).toMatchObject({ value: null, required: false, label: 'Ungefärligt antal berörda personuppgiftsposter (om så är möjligt)' });
      expect(missingIds(document)).toEqual([]);
    });

    it('makes every Art. 33(3)(a) item missing when the breach facts are not recorded yet', () => {
      const base = art33Input();
      const { breach: _b, data: _d, subjects: _s, controller: _c, cause: _cause, ...narrativeOnly } = base.incident.facts;
      const document = buildFilingDocument({ ...base, risk: null, incident: { ...base.incident, facts: narrativeOnly } });
      expect(missingIds(document)).toEqual([
        'breach.type',
        'breach.nature',
        'breach.cause',
        'subjects.count',
        'subjects.categories',
        'data.categories',
        'consequences.severity',
        'other.informationToFollow',
      ]);
    });
  });

  describe('lateness (Art. 33(1))', () => {
    it('after the deadline the filing is late and the reasons for the delay are required', () => {
      const document = buildFilingDocument(art33Input({ preparedAt: '2026-11-26T15:45:00.000Z' }));
      expect(document.late).toBe(true);
      expect(itemOf(document, 'timeline.delayReason')).toMatchObject({ required: true, value: null });
      expect(missingIds(document)).toContain('timeline.delayReason');
      expect(document.header?.lateBy).toBe('2 tim 30 min');
      expect(itemOf(document, 'timeline.delayReason').label).toMatch(/^Motivering till förseningen/);
    });

    it('a late filing with its reasons given is not missing them', () => {
      const document = buildFilingDocument(lateArt33Input());
      expect(document.late).toBe(true);
      expect(valueOf(document, 'timeline.delayReason')).toMatch(/^Omfattningen kunde fastställas först/);
      expect(missingIds(document)).not.toContain('timeline.delayReason');
    });

    it('on time the reasons for delay are not required', () => {
      const document = buildFilingDocument(art33Input());
      expect(document.late).toBe(false);
      expect(itemOf(document, 'timeline.delayReason')).toMatchObject({ required: false });
      expect(valueOf(document, 'timeline.delayReason')).toBe(
        'Inte aktuellt: utkastet är upprättat före tidsfristen (2026-11-26 kl. 14:15 CET).',
      );
      expect(document.header?.lateBy).toBeUndefined();
    });

    it('prepared exactly at the deadline is still on time', () => {
      expect(buildFilingDocument(art33Input({ preparedAt: '2026-11-26T13:15:00.000Z' })).late).toBe(false);
      expect(buildFilingDocument(art33Input({ preparedAt: '2026-11-26T13:15:00.001Z' })).late).toBe(true);
    });
  });

  describe('when the breach occurred', () => {
    const occurred = (occurredAt: (typeof BOOKING_BREACH)['occurredAt']) => {
      const base = art33Input();
      return valueOf(buildFilingDocument({ ...base, incident: { ...base.incident, facts: { ...base.incident.facts, occurredAt } } }), 'timeline.occurredAt');
    };

    it('shows an instant on the Stockholm wall clock with the zone', () => {
      expect(occurred('2026-11-20T21:00:00Z')).toBe('2026-11-20 kl. 22:00 CET');
    });

    it('shows summer time as CEST', () => {
      expect(occurred('2026-07-01T08:00:00Z')).toBe('2026-07-01 kl. 10:00 CEST');
    });

    it('shows a range as "between … and …"', () => {
      expect(occurred({ from: '2026-11-20T21:00:00Z', to: '2026-11-21T02:30:00Z' })).toBe(
        'Någon gång mellan 2026-11-20 kl. 22:00 CET och 2026-11-21 kl. 03:30 CET.',
      );
    });

    it('says it is not known yet, and that it will follow', () => {
      const base = art33Input({ supplementsToFollow: 'Loggarna analyseras.' });
      const { occurredAt: _unknown, ...facts } = base.incident.facts;
      const document = buildFilingDocument({ ...base, incident: { ...base.incident, facts } });
      expect(valueOf(document, 'timeline.occurredAt')).toBe('Okänt ännu; det utreds.');
      expect(valueOf(document, 'other.informationToFollow')).toBe('Ja, en komplettering lämnas. Loggarna analyseras. Uppgifter som saknas nu: När inträffade incidenten?.');
      expect(document.header?.preliminary).toBe(true);
    });
  });

  it('says whether the breach has ceased, and when', () => {
    const ceased = buildFilingDocument(art33Input());
    expect(valueOf(ceased, 'timeline.ceased')).toBe('Ja.');
    expect(valueOf(ceased, 'timeline.ceasedAt')).toBe('2026-11-23 kl. 10:05 CET');

    const base = art33Input();
    const { containedAt: _notYet, ...facts } = base.incident.facts;
    const ongoing = buildFilingDocument({ ...base, incident: { ...base.incident, facts } });
    expect(valueOf(ongoing, 'timeline.ceased')).toBe('Nej, eller inte bekräftat ännu.');
    expect(itemOf(ongoing, 'timeline.ceasedAt')).toMatchObject({ value: null, required: false });
  });

  it('says when and how the breach was discovered and when the controller became aware', () => {
    const document = buildFilingDocument(art33Input());
    expect(valueOf(document, 'timeline.discoveredAt')).toBe('2026-11-23 kl. 08:40 CET');
    expect(valueOf(document, 'timeline.awareAt')).toBe('2026-11-23 kl. 14:15 CET');
    expect(valueOf(document, 'timeline.discoveryHow')).toMatch(/^Driftövervakningen larmade/);
  });

  it("files the incident under IMY's statistics categories, keeping the recorded cause, and says the categories are not the form's own", () => {
    const document = buildFilingDocument(art33Input());
    expect(valueOf(document, 'breach.type')).toBe('Obehörig åtkomst, inklusive antagonistiska angrepp (intrång, nätfiske, skadlig kod)');
    expect(valueOf(document, 'breach.cause')).toBe('Antagonistiskt angrepp (angrepp utifrån).');
    for (const id of ['breach.type', 'breach.cause']) {
      expect(itemOf(document, id).note).toBe('Kategori enligt IMY:s statistikrapporter; e-tjänstens egna svarsalternativ är inte kontrollerade.');
    }
  });

  it('describes the nature of the breach from the confidentiality, integrity and availability facts', () => {
    expect(valueOf(buildFilingDocument(art33Input()), 'breach.nature')).toBe(
      [
        'Konfidentialitetsincident (obehörigt röjande eller obehörig åtkomst): uppgifterna har kommit till okända mottagare eller till ett okänt antal mottagare.',
        'Incidenten beror på en avsiktlig handling (t.ex. angrepp eller stöld).',
        'Det går inte att utesluta att uppgifter har förts ut.',
        'Uppgifterna var varken krypterade eller pseudonymiserade.',
      ].join('\n'),
    );
  });

  it('states the numbers as approximate, with their basis, in Swedish digit grouping', () => {
    const document = buildFilingDocument(art33Input());
    expect(valueOf(document, 'subjects.count')).toBe(
      'ca 2\u00a0000 personer. Antalet är ungefärligt: en uppskattning utifrån utredningen hittills.',
    );
    expect(valueOf(document, 'records.count')).toBe(
      'ca 14\u00a0500 poster. Antalet är ungefärligt: en uppskattning utifrån utredningen hittills.',
    );
  });

  it('names the categories of data subjects and of personal data in words, personnummer included', () => {
    const document = buildFilingDocument(art33Input());
    expect(valueOf(document, 'subjects.categories')).toBe('Patienter.');
    expect(valueOf(document, 'data.categories')).toBe('Identitetsuppgifter (t.ex. namn), kontaktuppgifter, personnummer, uppgifter om hälsa.');
  });

  describe('likely consequences and severity (Art. 33(3)(c))', () => {
    it("quotes the consequences for the people as the organisation recorded them", () => {
      expect(valueOf(buildFilingDocument(art33Input()), 'consequences.likely')).toBe(BOOKING_BREACH_COMPLETE.likelyConsequences);
    });

    it('never sends the model\'s rationale in their place: until they are written they are missing, with a suggestion marked as such', () => {
      const base = art33Input();
      const { likelyConsequences: _notYet, ...facts } = base.incident.facts;
      const document = buildFilingDocument({ ...base, incident: { ...base.incident, facts } });
      const item = itemOf(document, 'consequences.likely');
      expect(item.value).toBeNull();
      expect(missingIds(document)).toContain('consequences.likely');
      expect(item.suggestion).toBe(
        'Skriv om med era egna ord innan anmälan lämnas; texten skickas inte som den står. Incidenten kan leda till ' +
          'att de registrerade förlorar kontrollen över sina personuppgifter; identitetsstöld eller bedrägeri; oönskade kontakter och försök till bedrägeri, t.ex. nätfiske; ' +
          'diskriminering; skadat anseende; förlust av konfidentialitet för uppgifter som omfattas av sekretess eller tystnadsplikt.',
      );
      expect(JSON.stringify(document)).not.toContain(base.risk!.computed.rationale.sv);
    });

    it('suggests in English for an English draft', () => {
      const base = art33Input({ language: 'en' });
      const { likelyConsequences: _notYet, ...facts } = base.incident.facts;
      expect(itemOf(buildFilingDocument({ ...base, incident: { ...base.incident, facts } }), 'consequences.likely').suggestion).toMatch(
        /^Rewrite this in your own words before the notification is sent; it is not sent as it stands\. The breach may lead to .*identity theft or fraud/,
      );
    });

    it('gives the outcome and the severity band in words, without the ENISA arithmetic', () => {
      const document = buildFilingDocument(art33Input());
      expect(valueOf(document, 'consequences.severity')).toBe('Hög risk för de registrerades rättigheter och friheter. Allvarlighetsgrad: mycket hög.');
    });

    it("mentions a manager's override and its justification", () => {
      const computed = assessmentOf(BOOKING_BREACH).computed;
      const risk = {
        computed,
        outcome: 'risk' as const,
        override: { outcome: 'risk' as const, justification: 'Exporten innehöll bara bokningstider, inga journalanteckningar.' },
      };
      expect(valueOf(buildFilingDocument(art33Input({ risk })), 'consequences.severity')).toBe(
        'Risk för de registrerades rättigheter och friheter. Allvarlighetsgrad: mycket hög. ' +
          'Bedömningen är ändrad manuellt; modellens utfall var: hög risk för de registrerades rättigheter och friheter. ' +
          'Motivering: Exporten innehöll bara bokningstider, inga journalanteckningar.',
      );
    });

    it('is missing until there is an assessment', () => {
      expect(missingIds(buildFilingDocument(art33Input({ risk: null })))).toEqual(['consequences.severity', 'other.informationToFollow']);
    });
  });

  describe('informing the data subjects (Art. 34)', () => {
    const withDecision = (informingDataSubjects: (typeof BOOKING_BREACH_COMPLETE)['informingDataSubjects'], changes = {}) => {
      const base = art33Input(changes);
      const { informingDataSubjects: _earlier, ...facts } = base.incident.facts;
      return buildFilingDocument({ ...base, incident: { ...base.incident, facts: informingDataSubjects ? { ...facts, informingDataSubjects } : facts } });
    };
    const answers = (document: ReturnType<typeof buildFilingDocument>) =>
      ['informing.status', 'informing.informedAt', 'informing.how', 'informing.plannedAt', 'informing.grounds'].map((id) => valueOf(document, id));

    it('when they were informed: yes, when and how', () => {
      expect(answers(withDecision({ decision: 'informed', informedAt: '2026-11-24T08:00:00Z', how: 'Brev till var och en.' }))).toEqual([
        'Ja.',
        '2026-11-24 kl. 09:00 CET',
        'Brev till var och en.',
        'Inte aktuellt.',
        'Inte aktuellt.',
      ]);
    });

    it('when they will be informed: not yet, and when', () => {
      expect(answers(withDecision({ decision: 'will-inform', plannedAt: '2026-11-25T09:00:00Z' }))).toEqual([
        'Nej, inte ännu. De registrerade kommer att informeras.',
        'Inte aktuellt.',
        'Inte aktuellt.',
        '2026-11-25 kl. 10:00 CET',
        'Inte aktuellt.',
      ]);
    });

    it('when they will not be informed: why, with the Art. 34(3) ground in the regulation\'s words', () => {
      const [status, , , , grounds] = answers(withDecision({ decision: 'will-not-inform', ground: '34(3)(a)', reason: 'Datorn var krypterad och nyckeln finns kvar hos oss.' }));
      expect(status).toBe('Nej. De registrerade kommer inte att informeras.');
      expect(grounds).toBe(
        'Artikel 34.3 a: uppgifterna har gjorts oläsbara för alla som inte är behöriga att få tillgång till dem, t.ex. genom kryptering. Datorn var krypterad och nyckeln finns kvar hos oss.',
      );
    });

    it('before anyone has decided: says "not decided yet" in every answer, never "no answer", and a high risk makes the decision a gap', () => {
      const document = withDecision(undefined);
      const [status, ...rest] = answers(document);
      expect(status).toBe(
        'Inte beslutat ännu. Bedömningen är hög risk: de registrerade ska informeras utan onödigt dröjsmål om inget av undantagen i artikel 34.3 är tillämpligt.',
      );
      expect(rest).toEqual(['Inte beslutat ännu.', 'Inte beslutat ännu.', 'Inte beslutat ännu.', 'Inte beslutat ännu.']);
      expect(missingIds(document)).toContain('informing.status');
    });

    it('offers the Art. 34(3) exceptions the facts may support as a suggestion for a person to decide on', () => {
      const facts = {
        ...BOOKING_BREACH,
        approxRecords: 14_500,
        data: { ...BOOKING_BREACH.data!, categories: ['identity' as const, 'health' as const] },
        subjects: { approxCount: 150_000, categories: ['patients' as const] },
      };
      const risk = assessmentOf(facts);
      expect(risk.computed.art34Exceptions).toEqual(['34(3)(c)']);
      const document = buildFilingDocument(art33Input({ risk, incident: { reference: 'INC-2026-0042', factsVersion: 3, facts } }));
      expect(itemOf(document, 'informing.grounds')).toMatchObject({
        value: 'Inte beslutat ännu.',
        suggestion:
          'Undantag som underlaget kan stödja och som en person måste ta ställning till: artikel 34.3 c: det skulle innebära en oproportionell ansträngning att informera var och en; ' +
          'i stället informeras allmänheten eller en liknande åtgärd vidtas genom vilken de registrerade informeras på ett lika effektivt sätt.',
      });
    });

    it('below a high risk, an undecided answer is no gap', () => {
      const computed = assessmentOf(BOOKING_BREACH).computed;
      const document = withDecision(undefined, { risk: { computed: { ...computed, outcome: 'risk' }, outcome: 'risk' } });
      expect(valueOf(document, 'informing.status')).toBe('Inte beslutat ännu.');
      expect(missingIds(document)).not.toContain('informing.status');
    });
  });

  describe('the last free-text field', () => {
    it("says what the organisation asks IMY to keep confidential, by default the organisation's note", () => {
      const last = buildFilingDocument(art33Input()).sections.at(-1)!.items.at(-1)!;
      expect(last).toMatchObject({ id: 'other.secrecy', value: 'Uppgifter om vilka vårdcentraler som berördes bör omfattas av sekretess (21 kap. 7 § OSL).' });
    });

    it("takes the report's own request over the organisation's default, and says nothing of public documents", () => {
      const document = buildFilingDocument(art33Input({ secrecyRequest: 'Leverantörens namn bör omfattas av sekretess.' }));
      expect(valueOf(document, 'other.secrecy')).toBe('Leverantörens namn bör omfattas av sekretess.');
      expect(JSON.stringify(document)).not.toMatch(/allmän handling/);
    });
  });

  it('has a header for people: recipient, kind, and the instants in the organisation time zone', () => {
    expect(buildFilingDocument(art33Input()).header).toEqual({
      organisationName: 'Region Exempelby',
      recipient: 'Integritetsskyddsmyndigheten (IMY)',
      trackLabel: 'Anmälan till IMY (artikel 33)',
      kindLabel: 'Första anmälan',
      preparedAt: '2026-11-24 kl. 11:30 CET',
      deadlineLabel: 'Tidsfrist (72 timmar, artikel 33.1)',
      deadline: '2026-11-26 kl. 14:15 CET',
      timeZone: 'Europe/Stockholm',
      preliminary: false,
    });
  });

  it('is deterministic: the same input gives a deep-equal document', () => {
    expect(buildFilingDocument(lateArt33Input())).toEqual(buildFilingDocument(lateArt33Input()));
    expect(JSON.stringify(buildFilingDocument(lateArt33Input()))).toBe(JSON.stringify(buildFilingDocument(lateArt33Input())));
  });

  it('does not change its input', () => {
    const input = lateArt33Input();
    const copy = structuredClone(input);
    buildFilingDocument(input);
    expect(input).toEqual(copy);
  });
});
