import { describe, expect, it } from '@jest/globals';
import { registerToCsv } from '../../../libs/domain/src/register/register-csv.js';
import { owedIncludingScreened, registerTrackOutcomes } from '../../../libs/domain/src/register/register-track-outcomes.js';
import { registerEntry } from './register-fixtures.js';

const screenedOut = { track: 'nis2', applies: false, reason: 'Driften påverkades inte nämnvärt; inga andra drabbades.', decidedBy: 'Anna Approver', decidedAt: '2026-11-24T12:00:00.000Z' };
const screenedIn = { track: 'lex-maria', applies: true, reason: 'Fördröjd vård kunde ha lett till allvarlig vårdskada.', decidedBy: 'Dora DPO', decidedAt: '2026-11-24T13:00:00.000Z' };
const filed = { track: 'gdpr-art33', kind: 'initial', status: 'filed', filedAt: '2026-11-24T11:00:00.000Z', reference: 'IMY-1', late: false };

describe("the register's track outcomes", () => {
  it('lists each owed or screened track with how it ended, in catalogue order, without the register itself', () => {
    const owed = owedIncludingScreened(['gdpr-art33-register', 'gdpr-art33', 'gdpr-art34'], [screenedOut, screenedIn]);
    expect(owed).toEqual(['gdpr-art33-register', 'gdpr-art33', 'gdpr-art34', 'lex-maria']);
    const notRequired = [{ track: 'gdpr-art34', reason: 'Uppgifterna var krypterade med en säker nyckel.', decidedBy: 'Dora DPO', decidedAt: '2026-11-25T08:00:00.000Z' }];
    expect(registerTrackOutcomes(owed, [filed], notRequired, [screenedOut, screenedIn])).toEqual([
      { track: 'gdpr-art33', outcome: 'filed' },
      { track: 'gdpr-art34', outcome: 'not-required' },
      { track: 'lex-maria', outcome: 'open' },
      { track: 'nis2', outcome: 'screened-out' },
    ]);
  });

  it('shows the screenings and the outcomes in the CSV in the register’s language', () => {
    const entry = registerEntry({ screenings: [screenedOut], tracks: [{ track: 'gdpr-art33', outcome: 'filed' }, { track: 'nis2', outcome: 'screened-out' }] });
    const csv = registerToCsv([entry], 'sv');
    expect(csv).toContain('Incidentrapportering enligt cybersäkerhetslagen (NIS2) till MCF: ska inte rapporteras: Driften påverkades inte nämnvärt');
    expect(csv).toContain('Anmälan till IMY (artikel 33): inlämnad; Incidentrapportering enligt cybersäkerhetslagen (NIS2) till MCF: bedömd som ej tillämplig');
  });
});
