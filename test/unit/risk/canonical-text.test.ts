/**
 * The input hash is taken over plain JSON of the canonical facts: that text must be exactly the
 * key-sorted canonical JSON, or stored hashes would stop matching. Native and portable SHA-256
 * must agree, since either may have made a stored hash.
 */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { canonicalJson, canonicalRiskFacts } from '../../../libs/domain/src/risk/canonical-hash.js';
import { portableSha256Hex } from '../../../libs/domain/src/risk/sha256.js';
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

  it('hashes the same with the portable and the native SHA-256', () => {
    fc.assert(
      fc.property(riskFactsArbitrary, (facts) => {
        const text = JSON.stringify(canonicalRiskFacts(facts));
        expect(portableSha256Hex(text)).toBe(createHash('sha256').update(text).digest('hex'));
      }),
      { numRuns: 1000 },
    );
  });
});
