import { buildFilingDocument } from '../../../libs/domain/src/filings/build-filing-document.js';
import type { FilingDocument, FilingLanguage } from '../../../libs/domain/src/filings/filing-input.js';
import type { AuditTrailBrokenModel, ClockEmailModel, DigestEmailModel, EmailRefusedModel, InvitationModel } from '../../../libs/rendering/src/email-models.js';
import { art33Input, assessmentOf, BOOKING_BREACH_COMPLETE, lateArt33Input, processorInput } from '../filings/filing-fixtures.js';
import { lexMariaInput, lexMariaSupplementInput, nis2Input } from '../filings/screened-track-fixtures.js';

/** One document per template and language, each showing what its template must lay out. */
export const GOLDEN_FILINGS: ReadonlyArray<{ name: string; document: () => FilingDocument }> = [
  // Late, with the number of records still unknown: the late box and the missing box both show.
  { name: 'filings/sv/gdpr-art33', document: () => buildFilingDocument(lateArt33Input('sv')) },
  { name: 'filings/en/gdpr-art33', document: () => buildFilingDocument(lateArt33Input('en')) },
  { name: 'filings/sv/gdpr-art33-2', document: () => buildFilingDocument(processorInput()) },
  { name: 'filings/en/gdpr-art33-2', document: () => buildFilingDocument(processorInput({ language: 'en' })) },
  // A supplement: only the changed answers, each beside its earlier one; it completes the report.
  { name: 'filings/sv/gdpr-art33.supplement', document: () => buildFilingDocument(supplementInput('sv')) },
  { name: 'filings/en/gdpr-art33.supplement', document: () => buildFilingDocument(supplementInput('en')) },
  // No breach after all: the earlier notification withdrawn, with the justification.
  { name: 'filings/sv/gdpr-art33.no-breach', document: () => buildFilingDocument(noBreachInput('sv')) },
  { name: 'filings/en/gdpr-art33.no-breach', document: () => buildFilingDocument(noBreachInput('en')) },
  // Lex Maria to IVO (Swedish only): the report, and the investigation sent after it.
  { name: 'filings/sv/lex-maria', document: () => buildFilingDocument(lexMariaInput()) },
  { name: 'filings/sv/lex-maria.supplement', document: () => buildFilingDocument(lexMariaSupplementInput()) },
  // NIS2 to MCF: the early warning, the notification and the final report.
  { name: 'filings/sv/nis2.early-warning', document: () => buildFilingDocument(nis2Input('early-warning', 'sv')) },
  { name: 'filings/en/nis2.notification', document: () => buildFilingDocument(nis2Input('notification', 'en', { preparedAt: '2026-11-25T10:00:00.000Z', deadline: '2026-11-26T03:30:00.000Z' })) },
  { name: 'filings/sv/nis2.final', document: () => buildFilingDocument(nis2Input('final', 'sv', { preparedAt: '2026-12-20T10:00:00.000Z', deadline: '2026-12-25T10:00:00.000Z' })) },
];

const { approxRecords: _unknownAtFirst, informingDataSubjects: _undecidedAtFirst, ...FIRST_FILING_FACTS } = BOOKING_BREACH_COMPLETE;
const FIRST_FILING = { sequence: 1, filedAt: '2026-11-24T11:02:00.000Z', reference: 'IMY-2026-12345', factsVersion: 3, facts: FIRST_FILING_FACTS };

/** Eight days after the first filing: the number of records and of people is known, and the people have been told. */
export function supplementInput(language: FilingLanguage) {
  const facts = {
    ...BOOKING_BREACH_COMPLETE,
    subjects: { approxCount: 2_400, categories: ['patients' as const, 'children' as const] },
    informingDataSubjects: { decision: 'informed' as const, informedAt: '2026-11-27T08:00:00Z', how: 'Brev till var och en av patienterna, och information på regionens webbplats.' },
  };
  return art33Input({
    kind: 'supplement',
    language,
    completesReport: true,
    incident: { reference: 'INC-2026-0042', factsVersion: 5, facts },
    risk: assessmentOf(facts),
    previous: FIRST_FILING,
    preparedAt: '2026-12-02T09:00:00.000Z',
    deadline: '2026-12-22T11:02:00.000Z',
  });
}

export function noBreachInput(language: FilingLanguage) {
  return art33Input({
    kind: 'no-breach',
    language,
    previous: FIRST_FILING,
    noBreachJustification:
      language === 'sv'
        ? 'Exporten gjordes av en behörig administratör inom regionen; loggarna visar att filen aldrig lämnade regionens nät.'
        : "The export was made by an authorised administrator within the region; the logs show the file never left the region's network.",
    preparedAt: '2026-11-26T09:00:00.000Z',
    deadline: '2026-12-22T11:02:00.000Z',
  });
}

export const CLOCK_EMAIL: Record<FilingLanguage, ClockEmailModel> = {
  sv: {
    recipientName: 'Handläggare Exempel',
    incidentReference: 'INC-2026-0042',
    incidentTitle: 'Intrång i tidbokningssystemet',
    trackLabel: 'Anmälan till IMY (artikel 33)',
    deadline: '2026-11-26 kl. 14:15 CET',
    timeLeft: '18 tim 30 min',
    reminderLabel: '75 %',
    citesDelayReasons: true,
    incidentUrl: 'https://breachflow.example/incidents/4f1c2a3e',
  },
  en: {
    recipientName: 'Example Responder',
    incidentReference: 'INC-2026-0042',
    incidentTitle: 'Intrusion into the booking system',
    trackLabel: 'Notification to IMY (Art. 33)',
    deadline: '26 November 2026, 14:15 CET',
    timeLeft: '18 h 30 min',
    reminderLabel: '75 %',
    citesDelayReasons: true,
    incidentUrl: 'https://breachflow.example/incidents/4f1c2a3e',
  },
};

export const DIGEST_EMAIL: Record<FilingLanguage, DigestEmailModel> = {
  sv: {
    recipientName: 'Dataskyddsombudet',
    organisationName: 'Region Exempelby',
    date: '2026-11-25',
    clocks: [
      { incidentReference: 'INC-2026-0040', incidentTitle: 'Felskickad remiss', trackLabel: 'Anmälan till IMY (artikel 33)', deadline: '2026-11-25 kl. 09:00 CET', timeLeft: 'försenad med 2 tim 0 min', status: 'overdue' },
      { incidentReference: 'INC-2026-0042', incidentTitle: 'Intrång i tidbokningssystemet', trackLabel: 'Anmälan till IMY (artikel 33)', deadline: '2026-11-26 kl. 14:15 CET', timeLeft: '27 tim 15 min', status: 'due-soon' },
      { incidentReference: 'INC-2026-0043', incidentTitle: 'Borttappad bärbar dator', trackLabel: 'Anmälan till IMY (artikel 33)', deadline: '2026-11-27 kl. 10:00 CET', timeLeft: '47 h 0 min', status: 'awaiting-approval' },
    ],
  },
  en: {
    recipientName: 'Data Protection Officer',
    organisationName: 'Region Exempelby',
    date: '25 November 2026',
    clocks: [
      { incidentReference: 'INC-2026-0040', incidentTitle: 'Misdirected referral', trackLabel: 'Notification to IMY (Art. 33)', deadline: '25 November 2026, 09:00 CET', timeLeft: 'overdue by 2 h 0 min', status: 'overdue' },
      { incidentReference: 'INC-2026-0042', incidentTitle: 'Intrusion into the booking system', trackLabel: 'Notification to IMY (Art. 33)', deadline: '26 November 2026, 14:15 CET', timeLeft: '27 h 15 min', status: 'running' },
    ],
  },
};

export const EMAIL_REFUSED_EMAIL: Record<FilingLanguage, EmailRefusedModel> = {
  sv: { recipientName: 'Dataskyddsombudet', colleagueName: 'Anna Andersson', organisationName: 'Region Exempelby', failure: 'EENVELOPE RCPT TO 550' },
  en: { recipientName: 'Data Protection Officer', colleagueName: 'Anna Andersson', organisationName: 'Region Exempelby', failure: 'EENVELOPE RCPT TO 550' },
};

export const AUDIT_TRAIL_BROKEN_EMAIL: Record<FilingLanguage, AuditTrailBrokenModel> = {
  sv: { recipientName: 'Dataskyddsombudet', organisationName: 'Region Exempelby', seq: '4711', problem: 'händelsen har ändrats efter att den skrevs', verifiedAt: '25 november 2026 07:00' },
  en: { recipientName: 'Data Protection Officer', organisationName: 'Region Exempelby', seq: '4711', problem: 'the event was altered after it was written', verifiedAt: '25 November 2026 07:00' },
};

export const INVITATION_EMAIL: Record<FilingLanguage, InvitationModel> = {
  sv: { recipientName: 'Anna Andersson', organisationName: 'Region Exempelby', inviterName: 'Bo Berg', passwordReset: false, link: 'https://breachflow.example.se/set-password#token=abc123', expiresAt: '25 november 2026 09:00' },
  en: { recipientName: 'Anna Andersson', organisationName: 'Region Exempelby', inviterName: 'Bo Berg', passwordReset: false, link: 'https://breachflow.example.se/set-password#token=abc123', expiresAt: '25 November 2026 09:00' },
};
