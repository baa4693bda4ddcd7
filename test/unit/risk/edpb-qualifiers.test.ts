import { describe, expect, it } from '@jest/globals';
import { assessRisk, EDPB_QUALIFIERS, type RiskFacts } from '../../../libs/domain/src/risk/index.js';
import { breachFacts, withChanges } from './facts-builder.js';

// Each EDPB principle, tested from both ends: the breach it changes, and the one it must leave alone.

const outcome = (facts: RiskFacts) => assessRisk(facts).outcome;
const factorIds = (facts: RiskFacts) => assessRisk(facts).factors.map((factor) => factor.id);

const ransomware = (availability: NonNullable<RiskFacts['breach']['availability']>, more: Partial<RiskFacts> = {}) =>
  breachFacts({
    breach: { confidentiality: undefined, availability, malicious: true, exfiltrationRuledOut: true },
    data: { categories: ['identity', 'health'] },
    subjects: { approxCount: 800, categories: ['patients'] },
    controller: { sector: 'healthcare' },
    ...more,
  });

describe('the EDPB qualifiers', () => {
  it('every qualifier has a stable id, a label in both languages and a source', () => {
    const ids = EDPB_QUALIFIERS.map((qualifier) => qualifier.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const qualifier of EDPB_QUALIFIERS) {
      expect(qualifier.id).toMatch(/^(edpb|doubt)\.[a-z-]+$/);
      expect(qualifier.label).not.toBe('');
      expect(qualifier.labelSv).not.toBe('');
      expect(qualifier.source).toMatch(/EDPB Guidelines/);
    }
  });

  describe('data unintelligible to anyone who obtained it', () => {
    const stolenBackup = breachFacts({
      breach: { confidentiality: { exposure: 'unknown-recipients' }, availability: { permanentLoss: false, backupRestorable: true }, malicious: true },
      data: { categories: ['identity', 'health'] },
      subjects: { approxCount: 50_000, categories: ['patients'] },
      controller: { sector: 'healthcare' },
    });

    it('makes a stolen, safely encrypted copy with a usable backup unlikely to result in a risk, even of health data', () => {
      expect(outcome(withChanges(stolenBackup, { data: { protection: 'encrypted-key-safe' } }))).toBe('no-risk');
      expect(outcome(withChanges(stolenBackup, { data: { protection: 'hashed-strong' } }))).toBe('no-risk');
    });

    it('does not help when the key was compromised', () => {
      expect(outcome(withChanges(stolenBackup, { data: { protection: 'encrypted-key-compromised' } }))).toBe('high-risk');
    });

    it('does not help when there was no backup and the data is lost', () => {
      const lost = withChanges(stolenBackup, {
        breach: { availability: { permanentLoss: true, backupRestorable: false } },
        data: { protection: 'encrypted-key-safe' },
      });
      expect(factorIds(lost)).not.toContain('edpb.unintelligible-data');
      expect(outcome(lost)).not.toBe('no-risk');
    });
  });

  describe('recipients who are trusted and returned or deleted the data', () => {
    const sentToWrongAdviser = breachFacts({
      breach: { confidentiality: { exposure: 'known-recipients', recipientsTrusted: true, dataRetrievedOrDeleted: true } },
      data: { categories: ['identity', 'financial'] },
      subjects: { approxCount: 30 },
      controller: { sector: 'insurance' },
    });

    it('makes a mistaken e-mail to a colleague bound by secrecy, who deleted it, unlikely to result in a risk', () => {
      expect(outcome(sentToWrongAdviser)).toBe('no-risk');
      expect(factorIds(sentToWrongAdviser)).toContain('edpb.trusted-recipients-deleted');
    });

    it('does not apply when the recipient was not trusted', () => {
      const stranger = withChanges(sentToWrongAdviser, { breach: { confidentiality: { recipientsTrusted: false } } });
      expect(outcome(stranger)).not.toBe('no-risk');
    });

    it('does not apply to a deliberate act', () => {
      const insider = withChanges(sentToWrongAdviser, { breach: { malicious: true } });
      expect(factorIds(insider)).not.toContain('edpb.trusted-recipients-deleted');
      expect(outcome(insider)).not.toBe('no-risk');
    });

    it('lowers the outcome one step when the recipients are trusted but have not yet deleted the data', () => {
      const notYetDeleted = withChanges(sentToWrongAdviser, { breach: { confidentiality: { dataRetrievedOrDeleted: false } } });
      const stranger = withChanges(sentToWrongAdviser, {
        breach: { confidentiality: { recipientsTrusted: false, dataRetrievedOrDeleted: false } },
      });
      expect(outcome(stranger)).toBe('high-risk');
      expect(outcome(notYetDeleted)).toBe('risk');
      expect(factorIds(notYetDeleted)).toContain('edpb.trusted-recipients');
    });
  });

  describe('an outage where nobody read or altered anything', () => {
    it('is unlikely to result in a risk when restored from backup within a day', () => {
      const quick = ransomware({ permanentLoss: false, backupRestorable: true, hoursUnavailable: 3 }, { careImpact: 'none' });
      expect(outcome(quick)).toBe('no-risk');
    });

    it('is at most a risk when restoring took days but care was not affected', () => {
      const slow = ransomware({ permanentLoss: false, backupRestorable: true, hoursUnavailable: 60 }, { careImpact: 'none' });
      expect(outcome(slow)).toBe('risk');
    });

    it('is a high risk when it delayed or postponed care, even with backups', () => {
      const delayed = ransomware(
        { permanentLoss: false, backupRestorable: true, hoursUnavailable: 48 },
        { careImpact: 'delayed-or-postponed-care' },
      );
      expect(outcome(delayed)).toBe('high-risk');
      expect(factorIds(delayed)).toContain('edpb.care-impact');
    });

    it('is not relaxed to "no-risk" at a care provider that did not state the effect on care, and the doubt is stated', () => {
      const unknownImpact = ransomware({ permanentLoss: false, backupRestorable: true, hoursUnavailable: 3 });
      expect(outcome(unknownImpact)).toBe('risk');
      expect(factorIds(unknownImpact)).toContain('doubt.care-impact-unknown');
    });

    it('is not an outage only when the attack did not rule out exfiltration', () => {
      const quick = ransomware({ permanentLoss: false, backupRestorable: true, hoursUnavailable: 3 }, { careImpact: 'none' });
      const maybeExfiltrated = withChanges(quick, { breach: { exfiltrationRuledOut: undefined } });
      expect(factorIds(maybeExfiltrated)).not.toContain('edpb.availability-restored-quickly');
      expect(outcome(maybeExfiltrated)).toBe('high-risk');
    });
  });

  describe('a large number of people', () => {
    const listSentToStrangers = (approxCount: number) =>
      breachFacts({ data: { categories: ['identity', 'contact', 'national-id'] }, subjects: { approxCount } });

    it('raises the outcome one step from 1,000 people whose readable data may have been seen', () => {
      expect(outcome(listSentToStrangers(999))).toBe('risk');
      expect(outcome(listSentToStrangers(1_000))).toBe('high-risk');
    });

    it('makes a misdirected mailing with the names and addresses of a thousand people a risk to report', () => {
      expect(outcome(breachFacts({ subjects: { approxCount: 999 } }))).toBe('no-risk');
      expect(outcome(breachFacts({ subjects: { approxCount: 1_000 } }))).toBe('risk');
    });

    it('does not raise an outage where nobody saw anything', () => {
      const outage = ransomware(
        { permanentLoss: false, backupRestorable: true, hoursUnavailable: 3 },
        { careImpact: 'none', subjects: { approxCount: 500_000, categories: ['patients'] } },
      );
      expect(factorIds(outage)).not.toContain('edpb.large-number');
    });
  });

  describe('readable records in an attacker’s hands', () => {
    const skimmedForms = breachFacts({
      breach: { confidentiality: { exposure: 'unknown-recipients' }, malicious: true },
      data: { categories: ['identity', 'contact', 'professional'] },
      subjects: { approxCount: 200, categories: ['job-seekers'] },
      controller: { sector: 'employment' },
    });

    it('makes exfiltrated application forms a high risk: enough to phish or impersonate', () => {
      expect(outcome(skimmedForms)).toBe('high-risk');
    });

    it('does not apply to a single item such as an e-mail address, which is still at least a risk', () => {
      const emailsOnly = withChanges(skimmedForms, { data: { categories: ['contact'], volumePerSubject: 'single-item' } });
      expect(factorIds(emailsOnly)).not.toContain('edpb.attacker-holds-records');
      expect(outcome(emailsOnly)).toBe('risk');
    });

    it('does not apply to pseudonymised data that does not lead to the person without more', () => {
      const pseudonymised = withChanges(skimmedForms, { data: { protection: 'pseudonymised', identifiability: 'significant' } });
      expect(factorIds(pseudonymised)).not.toContain('edpb.attacker-holds-records');
    });
  });

  describe('a deliberate act or an uncontrolled disclosure', () => {
    it('makes an insider taking customer contacts at least a risk', () => {
      const insider = breachFacts({ breach: { malicious: true }, subjects: { approxCount: 300 } });
      expect(outcome(insider)).toBe('risk');
      expect(factorIds(insider)).toContain('edpb.malicious-access');
    });

    it('makes a lost, unencrypted list of names and addresses at least a risk', () => {
      const lost = breachFacts({ breach: { confidentiality: { exposure: 'unknown-recipients' } } });
      expect(outcome(lost)).toBe('risk');
      expect(factorIds(lost)).toContain('edpb.uncontained-exposure');
    });

    it('leaves a misdirected letter with a name and address to one stranger unlikely to result in a risk', () => {
      expect(outcome(breachFacts())).toBe('no-risk');
    });
  });

  describe('special categories, care relationships and vulnerable people', () => {
    it('makes readable health data seen by a stranger at least a risk, even when it reveals little', () => {
      const mealPreference = breachFacts({ data: { categories: ['identity', 'health'], revealsLessThanCategory: true } });
      expect(outcome(mealPreference)).toBe('risk');
      expect(factorIds(mealPreference)).toContain('edpb.special-category');
    });

    it("makes a clinic's patient e-mail list seen by other patients at least a risk, with no health data in it", () => {
      const ccList = breachFacts({
        data: { categories: ['contact'], volumePerSubject: 'single-item', identifiability: 'significant', protection: 'pseudonymised' },
        subjects: { approxCount: 50, categories: ['patients'] },
        controller: { sector: 'healthcare' },
      });
      expect(outcome(ccList)).toBe('risk');
      expect(factorIds(ccList)).toContain('edpb.care-relationship');
    });

    it("makes children's data seen by strangers at least a risk", () => {
      const classList = breachFacts({
        data: { categories: ['contact'], volumePerSubject: 'single-item', identifiability: 'significant' },
        subjects: { categories: ['children'] },
      });
      expect(outcome(classList)).toBe('risk');
      expect(factorIds(classList)).toContain('edpb.vulnerable-subjects');
    });

    it('does not raise when the special-category data was unreadable', () => {
      const encrypted = breachFacts({ data: { categories: ['health'], protection: 'encrypted-key-safe' } });
      expect(factorIds(encrypted)).not.toContain('edpb.special-category');
    });
  });

  describe("effect on patients' care", () => {
    it.each([
      ['minor', 'risk'],
      ['delayed-or-postponed-care', 'high-risk'],
      ['harm-occurred', 'high-risk'],
      ['serious-harm-possible', 'high-risk'],
      ['serious-harm-occurred', 'high-risk'],
    ] as const)('makes %s at least %s', (careImpact, atLeast) => {
      const outage = ransomware({ permanentLoss: false, backupRestorable: true, hoursUnavailable: 1 }, { careImpact });
      expect(outcome(outage)).toBe(atLeast);
    });
  });
});
