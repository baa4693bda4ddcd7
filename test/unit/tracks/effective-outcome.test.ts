/** An override answers the model's outcome at the time: it carries over while the model agrees, and lapses when it changes. */
import { describe, expect, it } from '@jest/globals';
import { effectiveOutcome } from '../../../libs/domain/src/risk/effective-outcome.js';

describe('the effective outcome', () => {
  it('is the model’s outcome without an override', () => {
    expect(effectiveOutcome('risk', undefined)).toEqual({ outcome: 'risk', source: 'model', overrideLapsed: false });
  });

  it('is the override’s while the model still says what was overridden', () => {
    expect(effectiveOutcome('risk', { outcome: 'no-risk', overriddenOutcome: 'risk' })).toEqual({ outcome: 'no-risk', source: 'override', overrideLapsed: false });
  });

  it('returns to the model, flagged, once the model’s outcome changes', () => {
    expect(effectiveOutcome('high-risk', { outcome: 'no-risk', overriddenOutcome: 'risk' })).toEqual({
      outcome: 'high-risk',
      source: 'model',
      overrideLapsed: true,
    });
  });
});
