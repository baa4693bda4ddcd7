import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../libs/domain/src/canonical-json.js';
import { canonicalRiskFacts, riskFactsHash, type RiskFacts } from '../../../libs/domain/src/risk/index.js';

const facts: RiskFacts = {
  breach: { availability: { permanentLoss: false, backupRestorable: true, hoursUnavailable: 6 }, malicious: true, exfiltrationRuledOut: true },
  data: { categories: ['identity', 'contact', 'health'], identifiability: 'maximum', protection: 'none' },
  subjects: { approxCount: 5000, categories: ['patients', 'employees'] },
  controller: { sector: 'healthcare' },
  careImpact: 'none',
};

describe('the input hash identifies the facts, not how they were written', () => {
  it('is the sha256 of the canonical JSON: sorted keys and sorted category lists', () => {
    const canonical = canonicalJson(canonicalRiskFacts(facts));
    expect(canonical).toBe(
      '{"breach":{"availability":{"backupRestorable":true,"hoursUnavailable":6,"permanentLoss":false},"exfiltrationRuledOut":true,"malicious":true},' +
        '"careImpact":"none","controller":{"sector":"healthcare"},' +
        '"data":{"categories":["contact","health","identity"],"identifiability":"maximum","protection":"none"},' +
        '"subjects":{"approxCount":5000,"categories":["employees","patients"]}}',
    );
    expect(riskFactsHash(facts)).toBe(createHash('sha256').update(canonical).digest('hex'));
  });

  it('does not change with the order of keys or of category lists', () => {
    const rewritten: RiskFacts = {
      controller: { sector: 'healthcare' },
      careImpact: 'none',
      subjects: { categories: ['employees', 'patients'], approxCount: 5000 },
      data: { protection: 'none', identifiability: 'maximum', categories: ['health', 'identity', 'contact'] },
      breach: { exfiltrationRuledOut: true, malicious: true, availability: { hoursUnavailable: 6, backupRestorable: true, permanentLoss: false } },
    };
    expect(riskFactsHash(rewritten)).toBe(riskFactsHash(facts));
  });

  it("ignores an incident's other facts (timeline, narrative), which the risk model does not read", () => {
    const incidentFacts = { ...facts, title: 'Ransomware at the clinic', awareAt: '2026-11-24T08:00:00Z' } as RiskFacts;
    expect(riskFactsHash(incidentFacts)).toBe(riskFactsHash(facts));
  });

  it('changes when any fact the model reads changes', () => {
    expect(riskFactsHash({ ...facts, careImpact: 'minor' })).not.toBe(riskFactsHash(facts));
    expect(riskFactsHash({ ...facts, subjects: { ...facts.subjects, approxCount: 5001 } })).not.toBe(riskFactsHash(facts));
    expect(riskFactsHash({ ...facts, breach: { ...facts.breach, exfiltrationRuledOut: false } })).not.toBe(riskFactsHash(facts));
  });

  it('does not sort or otherwise touch the caller\'s facts', () => {
    const copy = structuredClone(facts);
    riskFactsHash(copy);
    canonicalRiskFacts(copy);
    expect(copy).toEqual(facts);
    expect(copy.data.categories).toEqual(['identity', 'contact', 'health']);
  });
});
