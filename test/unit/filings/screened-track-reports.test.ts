/**
 * The IVO and MCF drafts: what each states, where it comes from, and what it never carries.
 */
import { describe, expect, it } from '@jest/globals';
import { buildFilingDocument } from '../../../libs/domain/src/filings/build-filing-document.js';
import { IVO_LEX_MARIA_FIELDS } from '../../../libs/domain/src/filings/lex-maria/ivo-lex-maria-form.js';
import { allItems, itemOf, missingIds, valueOf } from './item-lookup.js';
import { lexMariaInput, lexMariaSupplementInput, nis2Input } from './screened-track-fixtures.js';

describe('the Lex Maria report to IVO', () => {
  const report = buildFilingDocument(lexMariaInput());

  it('names the unit, the event, the possible serious care injury, the consequences for the patients and who reports', () => {
    expect(report.title).toBe('Anmälan enligt lex Maria');
    expect(report.header?.recipient).toBe('Inspektionen för vård och omsorg (IVO)');
    expect(valueOf(report, 'lexMaria.careUnit')).toBe('Akutmottagningen, Exempelby sjukhus');
    expect(valueOf(report, 'lexMaria.seriousCareInjury')).toMatch(/hade kunnat medföra/);
    expect(valueOf(report, 'lexMaria.patientConsequences')).toMatch(/fördröjd/);
    expect(valueOf(report, 'lexMaria.reporters')).toBe('Chefläkare Exempel');
    expect(valueOf(report, 'timeline.occurredAt')).toBe('2026-11-23 kl. 03:10 CET');
  });

  it('lists the other reports with their case numbers, the patient information, the investigation and the measures with their timetable', () => {
    expect(valueOf(report, 'lexMaria.otherReports')).toContain('Anmälan till IMY (artikel 33): lämnad 2026-11-24 kl. 10:00 CET, diarienummer IMY-2026-20001');
    expect(valueOf(report, 'lexMaria.patientInformation')).toMatch(/^Patienter vars behandling fördröjdes: patienten informerades 2026-11-30 .* alla sex punkter .* journalen/);
    expect(valueOf(report, 'lexMaria.investigation')).toBe('Utredningen pågår och skickas snarast därefter, senast 2027-01-13 kl. 11:00 CET enligt vårdgivarens mål. Händelseanalysen blir klar i januari.');
    expect(valueOf(report, 'lexMaria.plannedMeasures')).toBe('Tvåfaktorsinloggning för leverantörskonton – ansvarig: IT-chefen, klar senast 2026-12-15');
  });

  it('never carries a patient’s identity, and marks every answer whose place on IVO’s form is unconfirmed', () => {
    expect(valueOf(report, 'lexMaria.patientIdentity')).toMatch(/aldrig in patientens identitet/);
    for (const item of allItems(report)) {
      const field = IVO_LEX_MARIA_FIELDS[item.id as keyof typeof IVO_LEX_MARIA_FIELDS];
      expect(item.note !== undefined).toBe(field !== undefined && !field.confirmed);
    }
    expect(itemOf(report, 'lexMaria.careUnit').note).toMatch(/inte bekräftad/);
    expect(itemOf(report, 'lexMaria.seriousCareInjury').note).toBeUndefined();
  });

  it('lists what is still missing: no patient group recorded, no screening, no designated reporter', () => {
    const bare = buildFilingDocument(lexMariaInput({ tasks: [], screening: undefined, designatedReporters: undefined, supplementsToFollow: undefined }));
    expect(missingIds(bare)).toEqual(['lexMaria.reporters', 'lexMaria.seriousCareInjury', 'lexMaria.patientInformation', 'lexMaria.investigation']);
  });

  it('sends the investigation as a supplement: the event analysis section by section, with the report’s IVO case number', () => {
    const supplement = buildFilingDocument(lexMariaSupplementInput());
    expect(supplement.title).toBe('Komplettering av anmälan enligt lex Maria');
    expect(valueOf(supplement, 'followUp.authorityReference')).toBe('IVO 3.5.1-40404/2026');
    expect(valueOf(supplement, 'lexMaria.causes')).toMatch(/Leverantörskonto/);
    expect(valueOf(supplement, 'lexMaria.plannedMeasures')).toContain('– ansvarig: IT-chefen, genomförd');
    expect(valueOf(supplement, 'followUp.completes')).toMatch(/avslutar anmälan/);
    expect(supplement.missing).toEqual([]);
  });
});

describe('the NIS2 reports to MCF', () => {
  it('asks the early warning whether malice is suspected and the impact may cross borders (Art. 23(4)(a))', () => {
    const earlyWarning = buildFilingDocument(nis2Input('early-warning', 'sv'));
    expect(earlyWarning.title).toBe('Upplysning om betydande incident (tidig varning)');
    expect(valueOf(earlyWarning, 'nis2.suspectedMalicious')).toMatch(/^Ja/);
    expect(valueOf(earlyWarning, 'nis2.crossBorderImpact')).toMatch(/^Nej/);
    expect(valueOf(earlyWarning, 'nis2.personalDataBreach')).toContain('IMY-2026-20001');
    expect(allItems(earlyWarning).map((item) => item.number)).toEqual(allItems(earlyWarning).map((_item, index) => String(index + 1)));
    expect(allItems(earlyWarning).some((item) => item.id === 'nis2.indicatorsOfCompromise')).toBe(false);
  });

  it('gives the notification a first assessment of severity and impact and the indicators of compromise, after the early warning it updates (Art. 23(4)(b))', () => {
    const notification = buildFilingDocument(nis2Input('notification', 'en'));
    expect(notification.title).toBe('Incident notification of a significant incident');
    expect(valueOf(notification, 'nis2.earlierReports')).toBe('Early warning: filed 23 November 2026, 21:00 CET, case number MCF-2026-0815');
    expect(valueOf(notification, 'nis2.indicatorsOfCompromise')).toContain('.lockx');
    expect(valueOf(notification, 'nis2.severityAndImpact')).toMatch(/Allvarlig/);
  });

  it('requires root cause, mitigation and when it was handled of the final report (Art. 23(4)(d))', () => {
    const { nis2: _nis2, ...withoutNis2Facts } = nis2Input('final', 'sv').incident.facts;
    const final = buildFilingDocument(nis2Input('final', 'sv', { incident: { reference: 'INC-2026-0077', factsVersion: 5, facts: withoutNis2Facts } }));
    expect(missingIds(final)).toEqual(['nis2.crossBorderImpact', 'nis2.serviceImpact', 'nis2.severityAndImpact', 'nis2.rootCause', 'nis2.affectedSystems', 'nis2.mitigation', 'nis2.handledAt']);
    expect(buildFilingDocument(nis2Input('final', 'sv')).missing).toEqual([]);
  });
});
