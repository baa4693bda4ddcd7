import { describe, expect, it } from '@jest/globals';
import { assessRisk, enisaSeverity, readFacts, severityBand, type RiskFacts } from '../../../libs/domain/src/risk/index.js';
import { breachFacts } from './facts-builder.js';

const severityOf = (facts: RiskFacts) => enisaSeverity(readFacts(facts)).severity;
const factorIds = (facts: RiskFacts) => assessRisk(facts).factors.map((factor) => factor.id);

describe('ENISA severity: SE = DPC × EI + CB', () => {
  describe('data processing context (DPC)', () => {
    it.each([
      [['identity', 'contact'], 1],
      [['identity', 'location'], 2],
      [['contact', 'communications'], 2],
      [['identity', 'financial'], 3],
      [['payment-card'], 3],
      [['identity', 'health'], 4],
      [['criminal'], 4],
      [['social-welfare'], 4],
    ] as const)('scores %j by its most sensitive category: %i', (categories, dpc) => {
      expect(severityOf(breachFacts({ data: { categories: [...categories] } })).dpc).toBe(dpc);
    });

    it('scores credentials as the data they open at that kind of controller', () => {
      const credentials = (sector: RiskFacts['controller']['sector']) =>
        severityOf(breachFacts({ data: { categories: ['credentials'] }, controller: { sector } })).dpc;
      expect(credentials('healthcare')).toBe(4);
      expect(credentials('finance')).toBe(3);
      expect(credentials('retail')).toBe(2);
    });

    it("counts a psychiatric clinic's list of names and addresses as health data", () => {
      const patientList = breachFacts({
        subjects: { categories: ['psychiatric-patients'] },
        controller: { sector: 'healthcare' },
      });
      expect(severityOf(patientList).dpc).toBe(4);
      expect(factorIds(patientList)).toEqual(
        expect.arrayContaining(['enisa.dpc.care-relationship', 'enisa.dpc.vulnerable-subjects']),
      );
    });

    it("does not treat a hospital's staff list as revealing health", () => {
      const staffList = breachFacts({ subjects: { categories: ['employees'] }, controller: { sector: 'healthcare' } });
      expect(severityOf(staffList).dpc).toBe(1);
    });

    it('raises the score for children, for national identity numbers and for an extensive record per person', () => {
      expect(severityOf(breachFacts({ subjects: { categories: ['children'] } })).dpc).toBe(2);
      expect(severityOf(breachFacts({ data: { categories: ['identity', 'national-id'] } })).dpc).toBe(2);
      expect(severityOf(breachFacts({ data: { volumePerSubject: 'extensive' } })).dpc).toBe(2);
      expect(
        severityOf(
          breachFacts({
            data: { categories: ['identity', 'national-id'], volumePerSubject: 'extensive' },
            subjects: { categories: ['children'] },
          }),
        ).dpc,
      ).toBe(4);
    });

    it('never goes above 4 or below 1', () => {
      const everything = breachFacts({
        data: { categories: ['health', 'national-id'], volumePerSubject: 'extensive' },
        subjects: { categories: ['children'] },
      });
      expect(severityOf(everything).dpc).toBe(4);
      expect(severityOf(breachFacts({ data: { alreadyPublic: true } })).dpc).toBe(1);
    });

    it('lowers data that was already lawfully public to simple data', () => {
      expect(severityOf(breachFacts({ data: { categories: ['health'], alreadyPublic: true } })).dpc).toBe(1);
    });

    it('lowers health data that reveals much less than its category (a meal preference) to at most 2', () => {
      const mealPreference = breachFacts({ data: { categories: ['identity', 'health'], revealsLessThanCategory: true } });
      expect(severityOf(mealPreference).dpc).toBe(2);
    });

    it('lowers a single low-value item, but never a single item of health data', () => {
      expect(severityOf(breachFacts({ data: { categories: ['location'], volumePerSubject: 'single-item' } })).dpc).toBe(1);
      expect(severityOf(breachFacts({ data: { categories: ['health'], volumePerSubject: 'single-item' } })).dpc).toBe(4);
      expect(severityOf(breachFacts({ data: { categories: ['payment-card'], volumePerSubject: 'single-item' } })).dpc).toBe(3);
    });
  });

  describe('ease of identification (EI)', () => {
    it.each([
      ['negligible', 0.25],
      ['limited', 0.5],
      ['significant', 0.75],
      ['maximum', 1],
    ] as const)('scores %s identifiability as %d', (identifiability, ei) => {
      expect(severityOf(breachFacts({ data: { identifiability } })).ei).toBe(ei);
    });

    it('treats data encrypted with a safe key as negligible', () => {
      expect(severityOf(breachFacts({ data: { protection: 'encrypted-key-safe' } })).ei).toBe(0.25);
    });

    it('lowers strongly hashed data by two levels and pseudonymised data by one', () => {
      expect(severityOf(breachFacts({ data: { protection: 'hashed-strong' } })).ei).toBe(0.5);
      expect(severityOf(breachFacts({ data: { protection: 'pseudonymised' } })).ei).toBe(0.75);
    });

    it('gives no credit for encryption whose key was compromised, and says so', () => {
      const facts = breachFacts({ data: { protection: 'encrypted-key-compromised' } });
      expect(severityOf(facts).ei).toBe(1);
      expect(factorIds(facts)).toContain('enisa.ei.key-compromised');
    });
  });

  describe('circumstances of the breach (CB)', () => {
    it.each([
      ['no-evidence-of-access', 0],
      ['known-recipients', 0.25],
      ['unknown-recipients', 0.5],
      ['public', 0.5],
    ] as const)('adds %s for confidentiality: %d', (exposure, cb) => {
      expect(severityOf(breachFacts({ breach: { confidentiality: { exposure } } })).cb).toBe(cb);
    });

    it('adds for integrity: 0 recoverable and unused, 0.25 possibly misused, 0.5 not recoverable', () => {
      const integrity = (recoverable: boolean, possiblyMisused: boolean) =>
        severityOf(breachFacts({ breach: { confidentiality: undefined, integrity: { recoverable, possiblyMisused } } })).cb;
      expect(integrity(true, false)).toBe(0);
      expect(integrity(true, true)).toBe(0.25);
      expect(integrity(false, false)).toBe(0.5);
    });

    it('adds for availability: 0 restored from backup within a day, 0.25 temporary, 0.5 permanent loss', () => {
      const availability = (permanentLoss: boolean, backupRestorable: boolean, hoursUnavailable?: number) =>
        severityOf(
          breachFacts({
            breach: {
              confidentiality: undefined,
              availability: { permanentLoss, backupRestorable, ...(hoursUnavailable !== undefined && { hoursUnavailable }) },
            },
          }),
        ).cb;
      expect(availability(false, true, 4)).toBe(0);
      expect(availability(false, true)).toBe(0);
      expect(availability(false, true, 48)).toBe(0.25);
      expect(availability(false, false)).toBe(0.25);
      expect(availability(true, false, 2)).toBe(0.5);
    });

    it('adds 0.5 for malicious intent', () => {
      const honest = severityOf(breachFacts()).cb;
      const malicious = severityOf(breachFacts({ breach: { malicious: true } })).cb;
      expect(malicious - honest).toBe(0.5);
    });

    it('treats an attack that did not rule out exfiltration as a disclosure to unknown recipients, and states the doubt', () => {
      const ransomware = breachFacts({
        breach: { confidentiality: undefined, availability: { permanentLoss: false, backupRestorable: true, hoursUnavailable: 2 }, malicious: true },
      });
      expect(severityOf(ransomware).cb).toBe(1);
      expect(factorIds(ransomware)).toContain('doubt.exfiltration-not-ruled-out');

      const ruledOut = breachFacts({
        breach: {
          confidentiality: undefined,
          availability: { permanentLoss: false, backupRestorable: true, hoursUnavailable: 2 },
          malicious: true,
          exfiltrationRuledOut: true,
        },
      });
      expect(severityOf(ruledOut).cb).toBe(0.5);
      expect(factorIds(ruledOut)).not.toContain('doubt.exfiltration-not-ruled-out');
    });
  });

  it.each([
    [1.75, 'low'],
    [2, 'medium'],
    [2.75, 'medium'],
    [3, 'high'],
    [3.75, 'high'],
    [4, 'very-high'],
    [6, 'very-high'],
  ] as const)('puts a score of %d in the %s band', (score, band) => {
    expect(severityBand(score)).toBe(band);
  });
});
