import { describe, expect, it } from '@jest/globals';
import {
  assessmentCurrency,
  assessRisk,
  isAssessmentCurrent,
  reassessIfStale,
  RISK_MODEL_VERSION,
  type Assessment,
  type RiskFacts,
} from '../../../libs/domain/src/risk/index.js';

const misdirectedLetter: RiskFacts = {
  breach: { confidentiality: { exposure: 'known-recipients', recipientsTrusted: false }, malicious: false },
  data: { categories: ['identity', 'contact', 'health'], identifiability: 'maximum', protection: 'none' },
  subjects: { approxCount: 1, categories: ['patients'] },
  controller: { sector: 'healthcare' },
};

/** What the persistence layer keeps: the assessment JSON as it was, frozen so any write would throw. */
function stored(assessment: Assessment): Assessment {
  const freeze = <T>(value: T): T => {
    if (value && typeof value === 'object') {
      Object.values(value).forEach(freeze);
      Object.freeze(value);
    }
    return value;
  };
  return freeze(JSON.parse(JSON.stringify(assessment)) as Assessment);
}

describe('a stored assessment keeps what it said', () => {
  it('records the model version and a hash of the facts it was made from', () => {
    const assessment = assessRisk(misdirectedLetter);
    expect(assessment.modelVersion).toBe(RISK_MODEL_VERSION);
    expect(assessment.modelVersion).toMatch(/^\d+\.\d+\.\d+$/);
    expect(assessment.inputHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is current for the same facts under the same model version, even with lists reordered', () => {
    const kept = stored(assessRisk(misdirectedLetter));
    const reordered: RiskFacts = {
      ...misdirectedLetter,
      data: { ...misdirectedLetter.data, categories: ['health', 'contact', 'identity'] },
    };
    expect(isAssessmentCurrent(kept, reordered)).toBe(true);
    expect(assessmentCurrency(kept, misdirectedLetter)).toEqual({ current: true });
  });

  it('is no longer current when the facts change, and says so', () => {
    const kept = stored(assessRisk(misdirectedLetter));
    const moreLetters = { ...misdirectedLetter, subjects: { ...misdirectedLetter.subjects, approxCount: 40 } };
    expect(assessmentCurrency(kept, moreLetters)).toEqual({ current: false, reasons: ['facts-changed'] });
  });

  it('is not rewritten when the model version changes: it is only reported as made by another version', () => {
    const kept = stored(assessRisk(misdirectedLetter));
    const before = JSON.stringify(kept);

    expect(assessmentCurrency(kept, misdirectedLetter, '2.0.0')).toEqual({ current: false, reasons: ['model-changed'] });
    expect(isAssessmentCurrent(kept, misdirectedLetter, '2.0.0')).toBe(false);
    expect(JSON.stringify(kept)).toBe(before);
  });

  it('gets a fresh assessment beside it when it was made by an older model, and stays untouched', () => {
    const fromOlderModel = stored({ ...assessRisk(misdirectedLetter), modelVersion: '0.9.0', outcome: 'risk' });
    const before = JSON.stringify(fromOlderModel);

    const result = reassessIfStale(fromOlderModel, misdirectedLetter);

    expect(result.reassessed).toBe(true);
    if (!result.reassessed) return;
    expect(result.reasons).toEqual(['model-changed']);
    expect(result.previous).toBe(fromOlderModel);
    expect(result.assessment.modelVersion).toBe(RISK_MODEL_VERSION);
    expect(result.assessment).toEqual(assessRisk(misdirectedLetter));
    expect(JSON.stringify(fromOlderModel)).toBe(before);
    expect(fromOlderModel.outcome).toBe('risk');
  });

  it('hands back the very same stored assessment when nothing changed', () => {
    const kept = stored(assessRisk(misdirectedLetter));
    expect(reassessIfStale(kept, misdirectedLetter)).toEqual({ reassessed: false, assessment: kept });
    expect(reassessIfStale(kept, misdirectedLetter).assessment).toBe(kept);
  });
});
