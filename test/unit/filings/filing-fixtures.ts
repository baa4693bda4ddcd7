import type { FilingInput, OrganisationProfile } from '../../../libs/domain/src/filings/filing-input.js';
import type { IncidentFacts } from '../../../libs/domain/src/incident/incident-facts.js';
import { assessRisk } from '../../../libs/domain/src/risk/assess-risk.js';
import { riskFactsOfIncident } from '../../../libs/domain/src/incident/risk-facts-of-incident.js';

// Fixed inputs for the filing rules and the golden files. Names and numbers are made up and
// belong to organisations and roles, never to a data subject: the facts carry no such data.

export const REGION: OrganisationProfile = {
  legalName: 'Region Exempelby',
  orgNumber: '232100-0000',
  postalAddress: 'Box 100, 123 45 Exempelby',
  contact: { name: 'Dataskyddsombudet', email: 'dataskyddsombud@exempelby.example', phone: '010-100 00 00', role: 'Dataskyddsombud' },
  timeZone: 'Europe/Stockholm',
  secrecyNote: 'Uppgifter om vilka vårdcentraler som berördes bör omfattas av sekretess (21 kap. 7 § OSL).',
};

export const JOURNAL_VENDOR: OrganisationProfile = {
  legalName: 'Journalsystem Exempel AB',
  orgNumber: '556000-0000',
  postalAddress: 'Exempelgatan 1, 111 11 Stockholm',
  contact: { name: 'Säkerhetsfunktionen', email: 'security@journalsystem.example', phone: '08-000 00 00', role: 'Informationssäkerhetschef' },
  timeZone: 'Europe/Stockholm',
};

/** An attack on a booking system: patients' names, personnummer and which clinic they visited. */
export const BOOKING_BREACH: IncidentFacts = {
  title: 'Intrång i tidbokningssystemet',
  summary:
    'En angripare loggade in i tidbokningssystemet med ett administratörskonto vars lösenord hade läckt och exporterade bokningslistor för tre vårdcentraler.',
  cause: 'external-attack',
  occurredAt: { from: '2026-11-20T21:00:00Z', to: '2026-11-21T02:30:00Z' },
  discoveredAt: '2026-11-23T07:40:00Z',
  awareAt: '2026-11-23T13:15:00Z',
  awarenessNote: 'Driftövervakningen larmade om en ovanligt stor export; IT-säkerhet bekräftade intrånget efter logganalys samma dag.',
  containedAt: '2026-11-23T09:05:00Z',
  ourRole: 'controller',
  measures:
    'Kontot spärrades och alla administratörslösenord byttes. Tvåfaktorsinloggning infördes för administratörer. Polisanmälan gjordes.',
  careProvider: true,
  breach: { confidentiality: { exposure: 'unknown-recipients' }, malicious: true, exfiltrationRuledOut: false },
  data: { categories: ['identity', 'contact', 'national-id', 'health'], volumePerSubject: 'limited', identifiability: 'maximum', protection: 'none' },
  subjects: { approxCount: 2_000, categories: ['patients'] },
  controller: { sector: 'healthcare' },
  careImpact: 'none',
};

export function assessmentOf(facts: IncidentFacts): NonNullable<FilingInput['risk']> {
  const riskFacts = riskFactsOfIncident(facts);
  if (!riskFacts.complete) throw new Error(`fixture facts lack ${riskFacts.missing.join(', ')}`);
  const computed = assessRisk(riskFacts.facts);
  return { computed, outcome: computed.outcome };
}

/** Awareness on 23 November 14:15 Stockholm time: the 72 hours end on 26 November 14:15. */
export const ART33_DEADLINE = '2026-11-26T13:15:00.000Z';

/** The booking breach once everything a complete report needs is recorded. */
export const BOOKING_BREACH_COMPLETE: IncidentFacts = {
  ...BOOKING_BREACH,
  approxRecords: 14_500,
  likelyConsequences: 'Patienterna kan utsättas för riktade bedrägeriförsök, och uppgifter om deras besök i vården kan bli kända för obehöriga.',
  informingDataSubjects: { decision: 'will-inform', plannedAt: '2026-11-25T09:00:00Z' },
};

/** The controller's first report to IMY, on time, with every answer known. */
export function art33Input(changes: Partial<FilingInput> = {}): FilingInput {
  return {
    track: 'gdpr-art33',
    kind: 'initial',
    language: 'sv',
    organisation: REGION,
    incident: { reference: 'INC-2026-0042', factsVersion: 3, facts: BOOKING_BREACH_COMPLETE },
    risk: assessmentOf(BOOKING_BREACH),
    preparedAt: '2026-11-24T10:30:00.000Z',
    deadline: ART33_DEADLINE,
    ...changes,
  };
}

/**
 * The same report drafted after the deadline, with the number of records still unknown: the
 * reasons for the delay and what will follow are given. Used for the golden files, so that the
 * late box and the missing box both show.
 */
export function lateArt33Input(language: FilingInput['language'] = 'sv'): FilingInput {
  return art33Input({
    language,
    incident: { reference: 'INC-2026-0042', factsVersion: 4, facts: BOOKING_BREACH },
    preparedAt: '2026-11-26T15:45:00.000Z',
    delayReason:
      language === 'sv'
        ? 'Omfattningen kunde fastställas först när leverantören lämnat ut fullständiga loggar den 26 november.'
        : 'The extent could only be established once the supplier handed over complete logs on 26 November.',
    supplementsToFollow:
      language === 'sv'
        ? 'Loggarna analyseras fortfarande.'
        : 'The logs are still being analysed.',
  });
}

/** A journal-system vendor tells the region (its controller) about an outage with altered entries. */
export const VENDOR_OUTAGE: IncidentFacts = {
  title: 'Felaktig uppdatering i journalsystemet',
  summary:
    'En uppdatering av journalsystemet skrev över anteckningar som sparats under två timmar och gjorde systemet otillgängligt tills en säkerhetskopia hade lästs in.',
  cause: 'third-party',
  occurredAt: '2026-11-24T06:10:00Z',
  discoveredAt: '2026-11-24T06:55:00Z',
  awareAt: '2026-11-24T07:20:00Z',
  awarenessNote: 'Vårdpersonal rapporterade försvunna anteckningar till vår support; driftteamet bekräftade orsaken.',
  containedAt: '2026-11-24T11:30:00Z',
  ourRole: 'processor',
  approxRecords: 3_200,
  likelyConsequences: 'Vården kan ha fördröjts för patienter vars anteckningar inte var tillgängliga under förmiddagen.',
  measures: 'Uppdateringen rullades tillbaka och anteckningarna lästes in från säkerhetskopian. Uppdateringsrutinen ses över.',
  breach: { integrity: { recoverable: true, possiblyMisused: false }, availability: { permanentLoss: false, backupRestorable: true, hoursUnavailable: 5 }, malicious: false },
  data: { categories: ['identity', 'health'], volumePerSubject: 'limited', identifiability: 'maximum', protection: 'none' },
  subjects: { approxCount: 850, categories: ['patients'] },
  controller: { sector: 'healthcare' },
  careImpact: 'delayed-or-postponed-care',
};

export function processorInput(changes: Partial<FilingInput> = {}): FilingInput {
  return {
    track: 'gdpr-art33-2',
    kind: 'initial',
    language: 'sv',
    organisation: JOURNAL_VENDOR,
    incident: { reference: 'JS-2026-117', factsVersion: 2, facts: VENDOR_OUTAGE },
    risk: assessmentOf(VENDOR_OUTAGE),
    preparedAt: '2026-11-24T12:00:00.000Z',
    deadline: '2026-11-25T07:20:00.000Z',
    recipient: 'Region Exempelby',
    ...changes,
  };
}
