import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { sha256Hex, utf8Bytes } from '../../../libs/domain/src/risk/index.js';

const nodeSha256 = (input: Uint8Array | string): string => createHash('sha256').update(input).digest('hex');

describe('the pure SHA-256 used for input hashes agrees with Node crypto', () => {
  it('gives the published digests of the empty string and "abc"', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('agrees at every length around the 64-byte block and padding boundaries', () => {
    for (let length = 0; length <= 200; length++) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 31 + length) & 0xff);
      expect(sha256Hex(bytes)).toBe(nodeSha256(bytes));
    }
  });

  it('agrees on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 1_000 }), (bytes) => {
        expect(sha256Hex(bytes)).toBe(nodeSha256(bytes));
      }),
      { numRuns: 1_000 },
    );
  });

  it('agrees on random text, including Swedish letters and characters outside the BMP', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        expect(sha256Hex(text)).toBe(nodeSha256(text));
      }),
      { numRuns: 1_000 },
    );
    expect(sha256Hex('Åsa Öberg, Västerås 😀')).toBe(nodeSha256('Åsa Öberg, Västerås 😀'));
  });

  it('encodes text as UTF-8 exactly like Node, even a lone surrogate', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 100 }), (text) => {
        expect(Buffer.from(utf8Bytes(text)).equals(Buffer.from(text, 'utf8'))).toBe(true);
      }),
      { numRuns: 1_000 },
    );
    expect(Array.from(utf8Bytes('\ud800'))).toEqual(Array.from(Buffer.from('\ud800', 'utf8')));
  });
});
