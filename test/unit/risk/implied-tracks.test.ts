import { describe, expect, it } from '@jest/globals';
import { tracksForOutcome } from '../../../libs/domain/src/risk/index.js';

describe('the regulatory tracks an outcome opens', () => {
  it('always records the breach in the register, even when it is unlikely to result in a risk', () => {
    expect(tracksForOutcome('no-risk', 'controller')).toEqual(['gdpr-art33-register']);
  });

  it('has a controller notify the supervisory authority from "risk" upwards', () => {
    expect(tracksForOutcome('risk', 'controller')).toEqual(['gdpr-art33-register', 'gdpr-art33']);
  });

  it('has a controller also inform the people at "high-risk"', () => {
    expect(tracksForOutcome('high-risk', 'controller')).toEqual(['gdpr-art33-register', 'gdpr-art33', 'gdpr-art34']);
  });

  it('has a processor tell its controllers about every breach, whatever the outcome, and never inform people itself', () => {
    for (const outcome of ['no-risk', 'risk', 'high-risk'] as const) {
      expect(tracksForOutcome(outcome, 'processor')).toEqual(['gdpr-art33-register', 'gdpr-art33-2']);
    }
  });
});
