import type { FilingInput, FilingKind, FilingLanguage, TrackTaskSummary } from '../../../libs/domain/src/filings/filing-input.js';
import type { IncidentFacts } from '../../../libs/domain/src/incident/incident-facts.js';
import { assessmentOf, REGION } from './filing-fixtures.js';

// A care provider's ransomware incident that owes IVO a Lex Maria report and MCF NIS2 reports
// beside the IMY notification. Groups of patients are described; no patient is named.

export const EHR_RANSOMWARE: IncidentFacts = {
  title: 'Utpressningsprogram i journalsystemet',
  summary:
    'Utpressningsprogram krypterade journalsystemets databas. Akutmottagningen arbetade med pappersjournal i tio timmar, och läkemedelslistor saknades under tiden.',
  cause: 'external-attack',
  occurredAt: '2026-11-23T02:10:00Z',
  discoveredAt: '2026-11-23T02:40:00Z',
  awareAt: '2026-11-23T03:30:00Z',
  awarenessNote: 'Journalsystemet slutade svara; IT-jouren hittade krypterade filer och en lösensumma.',
  containedAt: '2026-11-23T12:45:00Z',
  ourRole: 'controller',
  measures: 'Databasen lästes in från säkerhetskopia. Angriparens konto spärrades och alla servrar i nätsegmentet installerades om.',
  careProvider: true,
  careUnit: 'Akutmottagningen, Exempelby sjukhus',
  patientConsequences: 'Två patienter fick sin behandling fördröjd med flera timmar eftersom läkemedelslistor inte gick att läsa.',
  careImpact: 'serious-harm-possible',
  nis2EntityClass: 'essential',
  nis2: {
    serviceImpact: 'Akutvården arbetade med reservrutiner i tio timmar; planerade operationer sköts upp.',
    crossBorderImpact: false,
    severityAndImpact: 'Allvarlig: akutvården var begränsad i tio timmar och journaluppgifter var otillgängliga.',
    indicatorsOfCompromise: 'Krypteringsnyckelns filändelse .lockx; utgående trafik till 203.0.113.45.',
    affectedSystems: 'Journalsystemets databasserver och två filservrar.',
    rootCause: 'Ett leverantörskonto utan tvåfaktorsinloggning användes för att ta sig in via fjärråtkomst.',
    mitigation: 'Tvåfaktorsinloggning för alla leverantörskonton; fjärråtkomsten stängd tills vidare.',
    remainingRisks: 'Angriparen kan ha kopierat uppgifter innan krypteringen; det utreds.',
    handledAt: '2026-11-25T16:00:00Z',
  },
  breach: { availability: { permanentLoss: false, backupRestorable: true, hoursUnavailable: 10 }, malicious: true, exfiltrationRuledOut: false },
  data: { categories: ['identity', 'health'], volumePerSubject: 'extensive', identifiability: 'maximum', protection: 'none' },
  subjects: { approxCount: 120_000, categories: ['patients'] },
  controller: { sector: 'healthcare' },
};

const IMY_FILED = { track: 'gdpr-art33' as const, kind: 'initial' as const, status: 'filed' as const, filedAt: '2026-11-24T09:00:00.000Z', reference: 'IMY-2026-20001' };

const PATIENTS_INFORMED: TrackTaskSummary = {
  kind: 'patient-information',
  status: 'done',
  completedAt: '2026-11-30T14:00:00.000Z',
  data: {
    group: 'Patienter vars behandling fördröjdes',
    told: 'patient',
    informedAt: '2026-11-30T13:00:00.000Z',
    items: { eventOccurred: true, preventionMeasures: true, complaintsHandling: true, patientBoard: true, ivoComplaint: true, compensation: true },
    recordNoteMade: true,
  },
};

/** The Lex Maria report, nine days after awareness: one patient group informed, the event analysis under way. */
export function lexMariaInput(changes: Partial<FilingInput> = {}): FilingInput {
  return {
    track: 'lex-maria',
    kind: 'initial',
    language: 'sv',
    organisation: REGION,
    incident: { reference: 'INC-2026-0077', factsVersion: 4, facts: EHR_RANSOMWARE },
    risk: assessmentOf(EHR_RANSOMWARE),
    preparedAt: '2026-12-02T10:00:00.000Z',
    deadline: '2026-12-07T03:30:00.000Z',
    screening: { track: 'lex-maria', seriousCareInjury: 'could-have-caused' },
    designatedReporters: ['Chefläkare Exempel'],
    supplementsToFollow: 'Händelseanalysen blir klar i januari.',
    otherReports: [IMY_FILED, { track: 'nis2', kind: 'early-warning', status: 'filed', filedAt: '2026-11-23T20:00:00.000Z' }],
    tasks: [
      {
        kind: 'event-analysis',
        status: 'open',
        dueAt: '2027-01-13T10:00:00.000Z',
        data: { measures: [{ description: 'Tvåfaktorsinloggning för leverantörskonton', owner: 'IT-chefen', dueDate: '2026-12-15' }] },
      },
      PATIENTS_INFORMED,
    ],
    ...changes,
  };
}

/** The investigation sent after the report: the event analysis is done and completes the report. */
export function lexMariaSupplementInput(): FilingInput {
  return lexMariaInput({
    kind: 'supplement',
    completesReport: true,
    supplementsToFollow: undefined,
    preparedAt: '2027-01-10T10:00:00.000Z',
    deadline: '2027-01-13T10:00:00.000Z',
    previous: { sequence: 1, filedAt: '2026-12-02T15:00:00.000Z', reference: 'IVO 3.5.1-40404/2026', factsVersion: 4, facts: EHR_RANSOMWARE },
    tasks: [
      {
        kind: 'event-analysis',
        status: 'done',
        completedAt: '2027-01-08T12:00:00.000Z',
        data: {
          method: 'Strukturerad händelseanalys med intervjuer och tidslinje.',
          courseOfEvents: 'Kl. 03.10 krypterades databasen; kl. 03.40 gick akuten över till pappersjournal; kl. 13.45 var systemet åter i drift.',
          harm: 'Två patienters behandling fördröjdes; ingen bestående skada har konstaterats.',
          causes: 'Leverantörskonto utan tvåfaktorsinloggning; reservrutinen för läkemedelslistor var inte övad.',
          recurrence: 'Kan hända igen om reservrutinerna inte övas; ingen liknande händelse tidigare.',
          measures: [
            { description: 'Tvåfaktorsinloggning för leverantörskonton', owner: 'IT-chefen', dueDate: '2026-12-15', done: true },
            { description: 'Övning av reservrutin för läkemedelslistor varje kvartal', owner: 'Verksamhetschefen, akuten', dueDate: '2027-03-31' },
          ],
          followUp: 'Verksamhetschefen följer upp övningarna i ledningsgruppen varje kvartal.',
          investigators: 'Patientsäkerhetssamordnaren och chefläkaren, december 2026.',
        },
      },
      PATIENTS_INFORMED,
    ],
  });
}

/** A NIS2 stage report to MCF; the early warning first, then the notification. */
export function nis2Input(kind: FilingKind, language: FilingLanguage, changes: Partial<FilingInput> = {}): FilingInput {
  const filed = {
    'early-warning': [],
    notification: [{ track: 'nis2' as const, kind: 'early-warning' as const, status: 'filed' as const, filedAt: '2026-11-23T20:00:00.000Z', reference: 'MCF-2026-0815' }],
  } as const;
  return {
    track: 'nis2',
    kind,
    language,
    organisation: REGION,
    incident: { reference: 'INC-2026-0077', factsVersion: 4, facts: EHR_RANSOMWARE },
    risk: assessmentOf(EHR_RANSOMWARE),
    preparedAt: '2026-11-23T19:00:00.000Z',
    deadline: '2026-11-24T03:30:00.000Z',
    otherReports: [...(kind === 'early-warning' ? filed['early-warning'] : filed.notification), IMY_FILED],
    ...changes,
  };
}
