import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  assessRisk,
  RISK_OUTCOMES,
  SPECIAL_CATEGORIES,
  validateRiskFacts,
  type RiskFacts,
  type RiskOutcome,
} from '../../../libs/domain/src/risk/index.js';
import { riskFactsArbitrary } from './risk-facts.arbitrary.js';

// Properties a DPO expects of any sound risk model, checked on thousands of generated breaches.

const RUNS = { numRuns: 1_000 };
const rank = (outcome: RiskOutcome): number => RISK_OUTCOMES.indexOf(outcome);
const outcomeOf = (facts: RiskFacts): number => rank(assessRisk(facts).outcome);
const clone = <T>(value: T): T => structuredClone(value);

describe('properties of the risk model', () => {
  it('accepts every generated facts object as valid input', () => {
    fc.assert(
      fc.property(riskFactsArbitrary, (facts) => {
        expect(validateRiskFacts(facts).ok).toBe(true);
      }),
      RUNS,
    );
  });

  it('gives the same assessment for the same facts, every time', () => {
    fc.assert(
      fc.property(riskFactsArbitrary, (facts) => {
        expect(assessRisk(clone(facts))).toEqual(assessRisk(facts));
      }),
      RUNS,
    );
  });

  it('never lowers the outcome when a special category of data is added', () => {
    fc.assert(
      fc.property(riskFactsArbitrary, fc.constantFrom(...SPECIAL_CATEGORIES), (facts, special) => {
        fc.pre(!facts.data.categories.includes(special));
        const withSpecial = clone(facts);
        withSpecial.data.categories.push(special);
        expect(outcomeOf(withSpecial)).toBeGreaterThanOrEqual(outcomeOf(facts));
      }),
      RUNS,
    );
  });

  it('never lowers the outcome when more people are affected', () => {
    fc.assert(
      fc.property(riskFactsArbitrary, fc.integer({ min: 1, max: 5_000_000 }), (facts, more) => {
        const withMore = clone(facts);
        withMore.subjects.approxCount += more;
        expect(outcomeOf(withMore)).toBeGreaterThanOrEqual(outcomeOf(facts));
      }),
      RUNS,
    );
  });

  it('never raises the outcome when the data was encrypted with a safe key', () => {
    fc.assert(
      fc.property(riskFactsArbitrary, (facts) => {
        const encrypted = clone(facts);
        encrypted.data.protection = 'encrypted-key-safe';
        expect(outcomeOf(encrypted)).toBeLessThanOrEqual(outcomeOf(facts));
      }),
      RUNS,
    );
  });

  it('never lowers the outcome when the breach was a malicious act', () => {
    fc.assert(
      fc.property(riskFactsArbitrary, (facts) => {
        fc.pre(!facts.breach.malicious);
        const malicious = clone(facts);
        malicious.breach.malicious = true;
        expect(outcomeOf(malicious)).toBeGreaterThanOrEqual(outcomeOf(facts));
      }),
      RUNS,
    );
  });

  it('never depends on the order of the category lists or of the keys', () => {
    fc.assert(
      fc.property(riskFactsArbitrary, fc.context(), (facts, ctx) => {
        const reordered: RiskFacts = {
          controller: { ...facts.controller },
          subjects: { categories: [...facts.subjects.categories].reverse(), approxCount: facts.subjects.approxCount },
          data: { ...facts.data, categories: [...facts.data.categories].reverse() },
          breach: Object.fromEntries(Object.entries(facts.breach).reverse()) as RiskFacts['breach'],
          ...(facts.careImpact !== undefined && { careImpact: facts.careImpact }),
        };
        ctx.log(JSON.stringify(reordered));
        expect(assessRisk(reordered)).toEqual(assessRisk(facts));
      }),
      RUNS,
    );
  });

  it('keeps its published shape: a consistent verdict, severity in range, and explained factors', () => {
    fc.assert(
      fc.property(riskFactsArbitrary, (facts) => {
        const assessment = assessRisk(facts);
        expect(assessment.notifyAuthority).toBe(assessment.outcome !== 'no-risk');
        expect(assessment.notifyDataSubjects).toBe(assessment.outcome === 'high-risk');
        expect(assessment.severity.dpc).toBeGreaterThanOrEqual(1);
        expect(assessment.severity.dpc).toBeLessThanOrEqual(4);
        expect([0.25, 0.5, 0.75, 1]).toContain(assessment.severity.ei);
        expect(assessment.severity.score).toBe(assessment.severity.dpc * assessment.severity.ei + assessment.severity.cb);
        expect(assessment.inputHash).toMatch(/^[0-9a-f]{64}$/);
        for (const factor of assessment.factors) {
          expect(Object.keys(factor).sort()).toEqual(['detail', 'effect', 'id', 'label', 'source']);
          expect(factor.detail.length).toBeGreaterThan(20);
          expect(factor.source.length).toBeGreaterThan(10);
        }
        expect(new Set(assessment.factors.map((factor) => factor.id)).size).toBe(assessment.factors.length);
        expect(assessment.rationale.en.length).toBeGreaterThan(50);
        expect(assessment.rationale.sv.length).toBeGreaterThan(50);
      }),
      RUNS,
    );
  });
});
