import { describe, expect, it } from '@jest/globals';
import { RestartBackoff } from '../../../../libs/platform/src/dev/restart-backoff.js';

describe('RestartBackoff', () => {
  it('waits 1 s after a first exit, doubling with each quick exit up to 30 s', () => {
    const backoff = new RestartBackoff();
    expect(Array.from({ length: 8 }, () => backoff.delayAfter(500))).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
  });

  it('starts again from 1 s once a run was healthy for a minute', () => {
    const backoff = new RestartBackoff();
    for (let i = 0; i < 5; i += 1) backoff.delayAfter(0);
    expect(backoff.delayAfter(59_999)).toBe(30_000);
    expect(backoff.delayAfter(60_000)).toBe(1_000);
    expect(backoff.delayAfter(0)).toBe(2_000);
  });
});
