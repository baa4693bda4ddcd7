import type { RegisterEntry } from '../../../libs/domain/src/register/register-entry.js';

/** A complete entry of a controller that notified IMY in time; tests vary one thing at a time. */
export function registerEntry(overrides: Partial<RegisterEntry> = {}): RegisterEntry {
  return {
    incidentId: '7d1f3c2a-0b7e-4f7a-9a51-2f0c1d9e8b11',
    reference: 'INC-2026-0007',
    title: 'Mass e-mail with all recipients visible',
    status: 'closed',
    awareAt: '2026-11-24T08:00:00.000Z',
    occurredAt: '2026-11-24T07:45:00.000Z',
    discoveredAt: '2026-11-24T07:50:00.000Z',
    containedAt: '2026-11-24T09:30:00.000Z',
    cause: 'misdirected-communication',
    ourRole: 'controller',
    summary: 'A newsletter to 2,000 patients was sent with every address in the To field.',
    dataCategories: ['identity', 'contact'],
    subjectCategories: ['patients'],
    approxSubjects: 2000,
    approxRecords: 2000,
    effects: 'Recipients learn that the others are patients of the clinic.',
    remedialAction: 'Recall requested; recipients asked to delete; mailing tool now enforces Bcc.',
    assessment: {
      outcome: 'risk',
      computedOutcome: 'risk',
      band: 'medium',
      score: 2.5,
      modelVersion: 'enisa-2013+edpb-9-2022/1',
      inputHash: 'a'.repeat(64),
      rationale: 'Contact details of patients were disclosed to other patients.',
      overridden: false,
      overrideJustification: null,
    },
    decisions: [
      { at: '2026-11-24T10:00:00.000Z', by: 'Anna Approver', what: 'Approved the initial report' },
      { at: '2026-11-24T09:00:00.000Z', by: 'Rolf Responder', what: 'Drafted the initial report' },
    ],
    filings: [
      { track: 'gdpr-art33', kind: 'initial', status: 'filed', filedAt: '2026-11-24T11:00:00.000Z', reference: 'IMY-2026-1234', late: false },
    ],
    delayReasons: [],
    notRequired: [],
    screenings: [],
    tracks: [{ track: 'gdpr-art33', outcome: 'filed' }],
    missing: [],
    complete: true,
    closedAt: '2026-12-01T12:00:00.000Z',
    ...overrides,
  };
}
