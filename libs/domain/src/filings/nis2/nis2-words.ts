import type { Language } from '../../tracks/catalogue.js';
import type { Nis2Stage } from './nis2-stage.js';
import type { TrackWords } from '../track-document.js';

/** What a NIS2 report says in each language, besides the shared (IMY) wording. */
export interface Nis2Phrases {
  recipient: string;
  title: Record<Nis2Stage, string>;
  kindName: Record<Nis2Stage, string>;
  legalDeadline: string;
  requestedDeadline: string;
  yes: string;
  no: string;
  ongoing: string;
  ended(at: string): string;
  suspectedMalicious: string;
  notMalicious: string;
  supplierOrigin: string;
  notSupplierOrigin: string;
  crossBorder: string;
  noCrossBorder: string;
  report(label: string, state: string): string;
  filedOn(date: string, reference: string | undefined): string;
  notFiledYet: string;
  noEarlierReports: string;
  personalDataNotReported: string;
  stillOngoing: string;
  recipientsInformed(at: string, how: string): string;
  recipientsNotInformed(reason: string): string;
}

const WORDS: Record<Language, TrackWords> = {
  sv: {
    items: {
      'controller.name': 'Verksamhetsutövarens namn',
      'controller.orgNumber': 'Organisationsnummer',
      'controller.reference': 'Verksamhetsutövarens referens',
      'contact.name': 'Kontaktperson',
      'timeline.occurredAt': 'När incidenten började',
      'timeline.ceasedAt': 'När incidenten upphörde',
      'timeline.discoveredAt': 'När incidenten upptäcktes',
      'timeline.awareAt': 'När vi fick kännedom om den betydande incidenten',
      'timeline.discoveryHow': 'Hur incidenten upptäcktes',
      'breach.description': 'Beskrivning av incidenten',
      'measures.taken': 'Vidtagna åtgärder',
      'nis2.earlierReports': 'Tidigare rapporter om incidenten till CSIRT-enheten',
      'nis2.ongoing': 'Pågår incidenten fortfarande?',
      'nis2.suspectedMalicious': 'Misstänks incidenten ha orsakats av olagliga eller avsiktligt skadliga handlingar?',
      'nis2.supplierOrigin': 'Har incidenten sitt ursprung hos en leverantör?',
      'nis2.crossBorderImpact': 'Kan incidenten få gränsöverskridande konsekvenser?',
      'nis2.serviceImpact': 'Påverkan på tjänsten',
      'nis2.severityAndImpact': 'Bedömning av incidentens allvarlighetsgrad och konsekvenser',
      'nis2.indicatorsOfCompromise': 'Indikatorer på att systemen har komprometterats',
      'nis2.affectedSystems': 'Berörda system',
      'nis2.rootCause': 'Typ av hot eller grundorsak',
      'nis2.mitigation': 'Tillämpade och pågående riskreducerande åtgärder',
      'nis2.remainingRisks': 'Kvarstående risker',
      'nis2.handledAt': 'När incidenten hanterades',
      'nis2.personalDataBreach': 'Personuppgiftsincident (anmälan till IMY)',
      'nis2.serviceRecipients': 'Information till tjänstens mottagare (2 kap. 9–10 §§)',
      'nis2.status': 'Lägesbeskrivning',
    },
    sections: {
      entity: 'Verksamhetsutövare',
      contact: 'Kontaktperson',
      followUp: 'Tidigare rapporter',
      incident: 'Incidenten',
      impact: 'Allvarlighetsgrad och konsekvenser',
      handling: 'Hantering och åtgärder',
      other: 'Övrigt',
    },
    preliminary: 'Preliminär: uppgifter lämnas i nästa rapport till CSIRT-enheten.',
    checklistIntro: 'breachflow bedömer att rapporten också behöver följande uppgifter (NIS2 artikel 23.4). Listan är vår kontroll; MCF:s obligatoriska fält är inte bekräftade.',
  },
  en: {
    items: {
      'controller.name': "The entity's name",
      'controller.orgNumber': 'Organisation number',
      'controller.reference': "The entity's reference",
      'contact.name': 'Contact person',
      'timeline.occurredAt': 'When the incident began',
      'timeline.ceasedAt': 'When the incident ended',
      'timeline.discoveredAt': 'When the incident was discovered',
      'timeline.awareAt': 'When we became aware of the significant incident',
      'timeline.discoveryHow': 'How the incident was discovered',
      'breach.description': 'Description of the incident',
      'measures.taken': 'Measures taken',
      'nis2.earlierReports': 'Earlier reports of the incident to the CSIRT',
      'nis2.ongoing': 'Is the incident still ongoing?',
      'nis2.suspectedMalicious': 'Is the incident suspected of being caused by unlawful or malicious acts?',
      'nis2.supplierOrigin': 'Does the incident originate at a supplier?',
      'nis2.crossBorderImpact': 'Could the incident have a cross-border impact?',
      'nis2.serviceImpact': 'Impact on the service',
      'nis2.severityAndImpact': "Assessment of the incident's severity and impact",
      'nis2.indicatorsOfCompromise': 'Indicators of compromise',
      'nis2.affectedSystems': 'Systems affected',
      'nis2.rootCause': 'Type of threat or root cause',
      'nis2.mitigation': 'Mitigation applied and ongoing',
      'nis2.remainingRisks': 'Remaining risks',
      'nis2.handledAt': 'When the incident was handled',
      'nis2.personalDataBreach': 'Personal data breach (notification to IMY)',
      'nis2.serviceRecipients': "Informing the service's recipients (chapter 2, sections 9–10)",
      'nis2.status': 'Status',
    },
    sections: {
      entity: 'Entity',
      contact: 'Contact person',
      followUp: 'Earlier reports',
      incident: 'The incident',
      impact: 'Severity and impact',
      handling: 'Handling and measures',
      other: 'Other information',
    },
    preliminary: 'Preliminary: further information follows in the next report to the CSIRT.',
    checklistIntro: "breachflow considers that the report also needs the following (NIS2 Article 23(4)). The list is our check; MCF's mandatory fields are not confirmed.",
  },
};

export const nis2Words = (language: Language): TrackWords => WORDS[language];

const PHRASES: Record<Language, Nis2Phrases> = {
  sv: {
    recipient: 'Myndigheten för civilt försvar (MCF), CSIRT-enheten',
    title: {
      'early-warning': 'Upplysning om betydande incident (tidig varning)',
      notification: 'Incidentanmälan om betydande incident',
      intermediate: 'Delrapport om betydande incident',
      progress: 'Lägesrapport om betydande incident',
      final: 'Slutrapport om betydande incident',
    },
    kindName: { 'early-warning': 'Upplysning (tidig varning)', notification: 'Incidentanmälan', intermediate: 'Delrapport', progress: 'Lägesrapport', final: 'Slutrapport' },
    legalDeadline: 'Tidsfrist enligt cybersäkerhetslagen 2 kap.',
    requestedDeadline: 'Tidsfrist som CSIRT-enheten angav',
    yes: 'Ja',
    no: 'Nej',
    ongoing: 'Ja, incidenten pågår.',
    ended: (at) => `Nej, incidenten upphörde ${at}.`,
    suspectedMalicious: 'Ja, olagliga eller avsiktligt skadliga handlingar misstänks.',
    notMalicious: 'Nej, inget tyder på olagliga eller avsiktligt skadliga handlingar.',
    supplierOrigin: 'Ja, incidenten har sitt ursprung hos en leverantör.',
    notSupplierOrigin: 'Nej.',
    crossBorder: 'Ja, incidenten kan få konsekvenser i en annan medlemsstat.',
    noCrossBorder: 'Nej, inga gränsöverskridande konsekvenser är kända.',
    report: (label, state) => `${label}: ${state}`,
    filedOn: (date, reference) => `lämnad ${date}${reference ? `, ärendenummer ${reference}` : ''}`,
    notFiledYet: 'förbereds, inte lämnad ännu',
    noEarlierReports: 'Inga tidigare rapporter.',
    personalDataNotReported: 'Ingen anmälan till IMY om incidenten.',
    stillOngoing: 'Incidenten pågår fortfarande; slutrapporten lämnas en månad efter att den har hanterats.',
    recipientsInformed: (at, how) => `Mottagarna informerades ${at}: ${how}`,
    recipientsNotInformed: (reason) => `Mottagarna informeras inte: ${reason}`,
  },
  en: {
    recipient: 'Swedish Civil Defence Agency (MCF), the CSIRT',
    title: {
      'early-warning': 'Early warning of a significant incident',
      notification: 'Incident notification of a significant incident',
      intermediate: 'Intermediate report on a significant incident',
      progress: 'Progress report on a significant incident',
      final: 'Final report on a significant incident',
    },
    kindName: { 'early-warning': 'Early warning', notification: 'Incident notification', intermediate: 'Intermediate report', progress: 'Progress report', final: 'Final report' },
    legalDeadline: 'Deadline under the Cybersecurity Act, chapter 2',
    requestedDeadline: 'Deadline the CSIRT set',
    yes: 'Yes',
    no: 'No',
    ongoing: 'Yes, the incident is ongoing.',
    ended: (at) => `No, the incident ended ${at}.`,
    suspectedMalicious: 'Yes, unlawful or malicious acts are suspected.',
    notMalicious: 'No, nothing points to unlawful or malicious acts.',
    supplierOrigin: 'Yes, the incident originates at a supplier.',
    notSupplierOrigin: 'No.',
    crossBorder: 'Yes, the incident may have an impact in another member state.',
    noCrossBorder: 'No cross-border impact is known.',
    report: (label, state) => `${label}: ${state}`,
    filedOn: (date, reference) => `filed ${date}${reference ? `, case number ${reference}` : ''}`,
    notFiledYet: 'being prepared, not filed yet',
    noEarlierReports: 'No earlier reports.',
    personalDataNotReported: 'No notification to IMY about the incident.',
    stillOngoing: 'The incident is still ongoing; the final report follows one month after it is handled.',
    recipientsInformed: (at, how) => `The recipients were informed ${at}: ${how}`,
    recipientsNotInformed: (reason) => `The recipients are not informed: ${reason}`,
  },
};

export const nis2Phrases = (language: Language): Nis2Phrases => PHRASES[language];
