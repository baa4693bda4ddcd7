import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { assessRisk, validateRiskFacts, type RiskFacts } from '../../../libs/domain/src/risk/index.js';

// The published cases (EDPB Guidelines 9/2022 and 01/2021, IMY decisions) with their verdicts,
// kept as the project's own fixture: a case added to the file is checked here without any change
// to this test.
interface PublishedCase {
  id: string;
  title: string;
  source: string;
  facts: RiskFacts;
  expected: { notifyAuthority: boolean; notifyDataSubjects: boolean };
}

const casesUrl = new URL('../../fixtures/risk-cases.json', import.meta.url);
const cases = JSON.parse(readFileSync(casesUrl, 'utf8')) as PublishedCase[];

describe('the model reaches the published verdict on every published case', () => {
  it('reads the published cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(16);
  });

  it.each(cases.map((published) => [published.id, published] as const))('%s', (_id, published) => {
    expect(validateRiskFacts(published.facts)).toEqual({ ok: true, value: published.facts });
    const assessment = assessRisk(published.facts);
    expect({
      notifyAuthority: assessment.notifyAuthority,
      notifyDataSubjects: assessment.notifyDataSubjects,
    }).toEqual(published.expected);
  });
});

describe('the worked example in docs/risk-model.md (EDPB 01/2021, case 14) holds step by step', () => {
  const case14 = cases.find((published) => published.id === 'edpb-01-2021-case-14');

  it('scores DPC 2, EI 1, CB 0.25: severity 2.25, medium, raised one step by the number of people', () => {
    if (!case14) throw new Error('case 14 is no longer among the published cases; update the guide');
    const assessment = assessRisk(case14.facts);
    expect(assessment.severity).toEqual({ dpc: 2, ei: 1, cb: 0.25, score: 2.25, band: 'medium' });
    expect(assessment.factors.map((factor) => factor.id)).toEqual([
      'enisa.dpc.national-id',
      'enisa.cb.confidentiality-known-recipients',
      'edpb.large-number',
    ]);
    expect(assessment.outcome).toBe('high-risk');
    expect(assessment.art34Exceptions).toEqual([]);
  });

  it('stays at "risk" for 500 people, and steps back down when every recipient confirms deletion', () => {
    if (!case14) throw new Error('case 14 is no longer among the published cases; update the guide');
    const fewer = { ...case14.facts, subjects: { ...case14.facts.subjects, approxCount: 500 } };
    expect(assessRisk(fewer).outcome).toBe('risk');
    const deleted = {
      ...case14.facts,
      breach: { ...case14.facts.breach, confidentiality: { exposure: 'known-recipients', dataRetrievedOrDeleted: true } },
    } as RiskFacts;
    expect(assessRisk(deleted).outcome).toBe('risk');
  });
});
