/**
 * The input hash is taken over plain JSON of the canonical facts: that text must be exactly the
 * key-sorted canonical JSON, or stored hashes would stop matching.
 */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { canonicalJson } from '../../../libs/domain/src/canonical-json.js';
import { canonicalRiskFacts } from '../../../libs/domain/src/risk/canonical-hash.js';
import { riskFactsArbitrary } from './risk-facts.arbitrary.js';

describe('the canonical text of the facts', () => {
  it('is plain JSON of the canonical facts, identical to key-sorted canonical JSON', () => {
    fc.assert(
      fc.property(riskFactsArbitrary, (facts) => {
        const canonical = canonicalRiskFacts(facts);
        expect(JSON.stringify(canonical)).toBe(canonicalJson(canonical));
      }),
      { numRuns: 1000 },
    );
  });
});
