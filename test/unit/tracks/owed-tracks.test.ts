/**
 * Owed regulatory tracks only ever grow: a rising outcome adds the newly owed track, a falling
 * outcome never silently cancels a filing already owed — a person records "not required".
 */
import { describe, expect, it } from '@jest/globals';
import { nextOwedTracks } from '../../../libs/domain/src/tracks/owed-tracks.js';

const t0 = '2026-11-24T08:00:00.000Z';
const t1 = '2026-11-24T12:00:00.000Z';

describe('owed tracks', () => {
  it('a controller with a risk outcome owes the register and the Art. 33 filing', () => {
    expect(nextOwedTracks([], 'risk', 'controller', t0)).toEqual([
      { kind: 'gdpr-art33-register', owedSince: t0, impliedByCurrentOutcome: true },
      { kind: 'gdpr-art33', owedSince: t0, impliedByCurrentOutcome: true },
    ]);
  });

  it('a rising outcome adds Art. 34 and keeps when the earlier tracks became owed', () => {
    const before = nextOwedTracks([], 'risk', 'controller', t0);
    const after = nextOwedTracks(before, 'high-risk', 'controller', t1);
    expect(after.map((t) => [t.kind, t.owedSince])).toEqual([
      ['gdpr-art33-register', t0],
      ['gdpr-art33', t0],
      ['gdpr-art34', t1],
    ]);
  });

  it('a falling outcome keeps every owed track, marked as no longer implied', () => {
    const high = nextOwedTracks([], 'high-risk', 'controller', t0);
    const low = nextOwedTracks(high, 'no-risk', 'controller', t1);
    expect(low.map((t) => [t.kind, t.impliedByCurrentOutcome])).toEqual([
      ['gdpr-art33-register', true],
      ['gdpr-art33', false],
      ['gdpr-art34', false],
    ]);
  });

  it('a track implied again after falling is implied once more, with its first owed time', () => {
    const high = nextOwedTracks([], 'high-risk', 'controller', t0);
    const again = nextOwedTracks(nextOwedTracks(high, 'no-risk', 'controller', t1), 'high-risk', 'controller', t1);
    expect(again.every((t) => t.impliedByCurrentOutcome && t.owedSince === t0)).toBe(true);
  });

  it('a processor owes its controllers the Art. 33(2) notice whatever the outcome', () => {
    expect(nextOwedTracks([], 'no-risk', 'processor', t0).map((t) => t.kind)).toEqual(['gdpr-art33-register', 'gdpr-art33-2']);
  });
});
