import { describe, expect, it } from '@jest/globals';
import { registerEntryMissing, withRegisterCompleteness } from '../../../libs/domain/src/register/register-completeness.js';
import { registerEntry } from './register-fixtures.js';

const CONTROLLER_AT_RISK = ['gdpr-art33-register', 'gdpr-art33'];

describe('register entry completeness', () => {
  it('finds nothing missing in an entry with facts, effects, measures, an assessment and a filed report', () => {
    expect(registerEntryMissing(registerEntry(), CONTROLLER_AT_RISK)).toEqual([]);
  });

  it('reports every gap of an empty entry, in a fixed order', () => {
    const empty = registerEntry({ summary: '', effects: null, remedialAction: null, assessment: null, filings: [], notRequired: [] });
    expect(registerEntryMissing(empty, ['gdpr-art33-register', 'gdpr-art33', 'gdpr-art34'])).toEqual([
      'summary',
      'effects',
      'remedial-action',
      'assessment',
      'track:gdpr-art33',
      'track:gdpr-art34',
    ]);
  });

  it.each([
    ['summary', { summary: '' }],
    ['summary', { summary: '  \n ' }],
    ['effects', { effects: null }],
    ['effects', { effects: '   ' }],
    ['remedial-action', { remedialAction: null }],
    ['remedial-action', { remedialAction: '' }],
    ['assessment', { assessment: null }],
  ] as const)('misses %s when it is absent or blank', (gap, overrides) => {
    expect(registerEntryMissing(registerEntry(overrides), CONTROLLER_AT_RISK)).toEqual([gap]);
  });

  describe('the assessment', () => {
    const overridden = (overrideJustification: string | null) =>
      registerEntry({
        assessment: { ...registerEntry().assessment!, outcome: 'no-risk', overridden: true, overrideJustification },
      });

    it('accepts an override with a written justification', () => {
      expect(registerEntryMissing(overridden('The recipients are all staff bound by confidentiality.'), CONTROLLER_AT_RISK)).toEqual([]);
    });

    it('misses the justification of an override without one', () => {
      expect(registerEntryMissing(overridden(null), CONTROLLER_AT_RISK)).toEqual(['override-justification']);
      expect(registerEntryMissing(overridden(' '), CONTROLLER_AT_RISK)).toEqual(['override-justification']);
    });

    it('accepts a recorded override in place of an assessment the model could not make', () => {
      const input = { ...registerEntry({ assessment: null }), override: { justification: 'Facts incomplete; treated as risk.' } };
      expect(registerEntryMissing(input, CONTROLLER_AT_RISK)).toEqual([]);
      expect(registerEntryMissing({ ...input, override: { justification: '' } }, CONTROLLER_AT_RISK)).toEqual(['override-justification']);
    });
  });

  describe('owed tracks', () => {
    it('needs nothing for the register track itself: the entry is what it owes', () => {
      expect(registerEntryMissing(registerEntry({ filings: [] }), ['gdpr-art33-register'])).toEqual([]);
    });

    it('counts a filing only once it is filed', () => {
      const draft = registerEntry({
        filings: [{ track: 'gdpr-art33', kind: 'initial', status: 'approved', filedAt: null, reference: null, late: null }],
      });
      expect(registerEntryMissing(draft, CONTROLLER_AT_RISK)).toEqual(['track:gdpr-art33']);
    });

    it('does not let a report on one track stand in for another', () => {
      expect(registerEntryMissing(registerEntry(), [...CONTROLLER_AT_RISK, 'gdpr-art34'])).toEqual(['track:gdpr-art34']);
    });

    it('accepts a not-required decision with a reason, and only with one', () => {
      const decided = (reason: string) =>
        registerEntry({
          notRequired: [{ track: 'gdpr-art34', reason, decidedBy: 'Dana DPO', decidedAt: '2026-11-25T08:00:00.000Z' }],
        });
      const owed = [...CONTROLLER_AT_RISK, 'gdpr-art34'];
      expect(registerEntryMissing(decided('Art. 34(3)(a): the data were encrypted.'), owed)).toEqual([]);
      expect(registerEntryMissing(decided('  '), owed)).toEqual(['track:gdpr-art34']);
    });

    it('reports each owed track once, in the order given, whatever tracks they are', () => {
      const entry = registerEntry({ filings: [] });
      expect(registerEntryMissing(entry, ['nis2', 'gdpr-art33', 'nis2', 'lex-maria'])).toEqual(['track:nis2', 'track:gdpr-art33', 'track:lex-maria']);
    });

    it('is complete with no owed track beyond the register (no risk, documented only)', () => {
      expect(registerEntryMissing(registerEntry({ filings: [] }), [])).toEqual([]);
    });
  });

  describe('late reports', () => {
    const late = registerEntry({
      filings: [{ track: 'gdpr-art33', kind: 'initial', status: 'filed', filedAt: '2026-11-28T09:00:00.000Z', reference: 'IMY-1', late: true }],
    });

    it('need the reasons for the delay', () => {
      expect(registerEntryMissing(late, CONTROLLER_AT_RISK)).toEqual(['delay-reasons']);
      expect(registerEntryMissing({ ...late, delayReasons: [' '] }, CONTROLLER_AT_RISK)).toEqual(['delay-reasons']);
    });

    it('are complete once a reason is recorded', () => {
      expect(registerEntryMissing({ ...late, delayReasons: ['The scope was only known on day 4.'] }, CONTROLLER_AT_RISK)).toEqual([]);
    });
  });

  it('fills in missing and complete', () => {
    const { missing: _missing, complete: _complete, ...rest } = registerEntry({ effects: null });
    expect(withRegisterCompleteness(rest, CONTROLLER_AT_RISK)).toMatchObject({ missing: ['effects'], complete: false });
    expect(withRegisterCompleteness({ ...rest, effects: 'Known.' }, CONTROLLER_AT_RISK)).toMatchObject({ missing: [], complete: true });
    expect(withRegisterCompleteness({ ...rest, effects: 'Known.', assessment: null }, CONTROLLER_AT_RISK, { justification: 'Decided.' }).complete).toBe(
      true,
    );
  });
});
