import type { PatientInformationData } from '../../tracks/tasks/patient-information.js';
import type { TrackWords } from '../track-document.js';

/**
 * The Lex Maria report's words. The report goes to IVO in Swedish only (the catalogue allows no
 * other language), so there is one wording; the terms are those of the Patient Safety Act.
 */
export const LEX_MARIA_WORDS: TrackWords = {
  items: {
    'controller.name': 'Vårdgivarens namn',
    'controller.orgNumber': 'Vårdgivarens organisationsnummer',
    'controller.postalAddress': 'Vårdgivarens postadress',
    'controller.reference': 'Vårdgivarens referens',
    'contact.name': 'Kontaktperson för ärendet',
    'contact.role': 'Kontaktpersonens befattning',
    'contact.phone': 'Telefon',
    'contact.email': 'E-post',
    'timeline.occurredAt': 'När händelsen inträffade',
    'timeline.discoveredAt': 'När händelsen upptäcktes',
    'measures.taken': 'Åtgärder som redan har vidtagits',
    'followUp.authorityReference': 'IVO:s diarienummer',
    'followUp.firstFiledAt': 'Anmälan lämnades',
    'followUp.completes': 'Kompletteringen',
    'lexMaria.careUnit': 'Verksamhet där händelsen inträffade (enhet, klinik eller mottagning)',
    'lexMaria.reporters': 'Anmälare som vårdgivaren har utsett (HSLF-FS 2017:41 4 §)',
    'lexMaria.patientIdentity': 'Patientens identitet',
    'lexMaria.eventDescription': 'Beskrivning av händelseförloppet',
    'lexMaria.seriousCareInjury': 'Har händelsen medfört, eller hade den kunnat medföra, en allvarlig vårdskada (PSL 1 kap. 5 §)?',
    'lexMaria.patientConsequences': 'Konsekvenser för patienten, eller vad konsekvenserna hade kunnat bli',
    'lexMaria.otherReports': 'Andra anmälningar om händelsen',
    'lexMaria.patientInformation': 'Information till patienten eller närstående (PSL 3 kap. 8 §)',
    'lexMaria.investigation': 'Utredningen (PSL 3 kap. 3 §)',
    'lexMaria.plannedMeasures': 'Beslutade åtgärder med tidplan (PSL 3 kap. 2 §)',
    'lexMaria.analysisMethod': 'Hur händelsen har utretts',
    'lexMaria.courseOfEvents': 'Händelseförlopp och tidslinje',
    'lexMaria.harm': 'Vårdskadan eller risken för vårdskada',
    'lexMaria.causes': 'Bidragande orsaker och grundorsaker',
    'lexMaria.recurrence': 'Kan det hända igen? Har liknande händelser inträffat tidigare?',
    'lexMaria.followUp': 'Hur effekten av åtgärderna följs upp',
    'lexMaria.patientAccount': 'Patientens och närståendes berättelse (PSL 3 kap. 4 §)',
    'lexMaria.investigators': 'Vem som har utrett, och när',
  },
  sections: {
    controller: 'Vårdgivare',
    careUnit: 'Verksamhet',
    reporter: 'Anmälare',
    patient: 'Patient',
    event: 'Händelsen',
    careInjury: 'Vårdskada',
    otherReports: 'Andra anmälningar',
    patientInformation: 'Information till patient och närstående',
    investigation: 'Utredning (händelseanalys)',
    measures: 'Åtgärder',
    followUp: 'Anmälan som kompletteras',
    other: 'Övrigt',
  },
  preliminary: 'Preliminär: uppgifter lämnas senare, och utredningen skickas snarast därefter (PSL 3 kap. 5 §).',
  checklistIntro: 'breachflow bedömer att anmälan till IVO också behöver följande uppgifter. Listan är vår kontroll; IVO:s obligatoriska fält är inte bekräftade.',
};

export const LEX_MARIA_PHRASES = {
  authorityName: 'Inspektionen för vård och omsorg (IVO)',
  title: { initial: 'Anmälan enligt lex Maria', supplement: 'Komplettering av anmälan enligt lex Maria' },
  kindName: { initial: 'Anmälan', supplement: 'Komplettering' },
  deadline: 'Vårdgivarens mål för "snarast"',
  supplementDeadline: 'Vårdgivarens mål för utredningen',
  unconfirmedOnForm: (part: string) => `Placeringen under "${part}" i IVO:s formulär är inte bekräftad.`,
  patientIdentityElsewhere:
    'Anges direkt i IVO:s e-tjänst eller på den utskrivna blanketten. breachflow för aldrig in patientens identitet i utkastet: en anmälan enligt lex Maria innehåller sekretessbelagda uppgifter och skickas aldrig med e-post.',
  seriousCareInjury: { caused: 'Ja: händelsen har medfört en allvarlig vårdskada.', 'could-have-caused': 'Händelsen hade kunnat medföra en allvarlig vårdskada.' },
  otherReport: (label: string, state: string) => `${label}: ${state}`,
  filedOn: (date: string, reference: string | undefined) => `lämnad ${date}${reference ? `, diarienummer ${reference}` : ''}`,
  notFiledYet: 'förbereds, inte lämnad ännu',
  noOtherReports: 'Inga andra anmälningar om händelsen.',
  patientGroup: (data: PatientInformationData, when: string | undefined): string => {
    if (data.secrecyPrevents?.trim()) return `${data.group}: informeras inte, eftersom sekretess hindrar det (PSL 3 kap. 8 c §): ${data.secrecyPrevents.trim()}`;
    if (when === undefined) return `${data.group}: informationen är inte lämnad ännu.`;
    const who = data.told === 'relative' ? `närstående (${data.relativeReason?.trim() ?? ''})` : 'patienten';
    return `${data.group}: ${who} informerades ${when} om alla sex punkter i PSL 3 kap. 8 §; det som sades är antecknat i journalen.`;
  },
  investigationDone: (completedAt: string) => `Utredningen är klar (${completedAt}) och bifogas anmälan.`,
  investigationFollows: (due: string | undefined, what: string | undefined) =>
    `Utredningen pågår och skickas snarast därefter${due ? `, senast ${due} enligt vårdgivarens mål` : ''}.${what ? ` ${what}` : ''}`,
  measure: (description: string, owner: string, dueDate: string, done: boolean) => `${description} – ansvarig: ${owner}, ${done ? 'genomförd' : `klar senast ${dueDate}`}`,
  completes: 'Kompletteringen avslutar anmälan: utredningen är klar och inget mer följer.',
} as const;
