import { describe, expect, it } from '@jest/globals';
import { ART33_CLOCK, ART33_WINDOW_MS, art33Deadline } from '../../../libs/domain/src/gdpr/art33.js';

const SEVENTY_TWO_HOURS_MS = 72 * 3600 * 1000;

/** How the deadline reads on a wall clock in Stockholm, e.g. `2026-10-26 09:00`. */
const stockholm = (instant: Date) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'short', timeStyle: 'short' }).format(instant);

describe('the GDPR Art. 33 notification deadline', () => {
  it('is a 72-hour window on its own named clock', () => {
    expect(ART33_CLOCK).toBe('gdpr-art33');
    expect(ART33_WINDOW_MS).toBe(SEVENTY_TWO_HOURS_MS);
  });

  it('falls exactly 72 hours after the controller became aware, to the millisecond', () => {
    const awareAt = new Date('2026-11-24T09:00:00.123+01:00');
    const deadline = art33Deadline(awareAt);
    expect(deadline.getTime() - awareAt.getTime()).toBe(SEVENTY_TWO_HOURS_MS);
    expect(deadline.toISOString()).toBe('2026-11-27T08:00:00.123Z');
  });

  it('counts weekend hours: awareness on a Friday afternoon means a Monday afternoon deadline', () => {
    const friday = new Date('2026-11-27T16:30:00+01:00');
    const deadline = art33Deadline(friday);
    expect(stockholm(friday)).toBe('2026-11-27 16:30');
    expect(stockholm(deadline)).toBe('2026-11-30 16:30');
    expect(deadline.getTime() - friday.getTime()).toBe(SEVENTY_TWO_HOURS_MS);
  });

  it('stays 72 real hours across the end of summer time in late October (the Stockholm clock shows one hour earlier)', () => {
    // Sweden leaves summer time on 25 October 2026: 03:00 CEST becomes 02:00 CET.
    const awareAt = new Date('2026-10-23T10:00:00+02:00');
    const deadline = art33Deadline(awareAt);
    expect(deadline.getTime() - awareAt.getTime()).toBe(SEVENTY_TWO_HOURS_MS);
    expect(deadline.toISOString()).toBe('2026-10-26T08:00:00.000Z');
    expect(stockholm(deadline)).toBe('2026-10-26 09:00');
  });

  it('stays 72 real hours across the start of summer time in late March (the Stockholm clock shows one hour later)', () => {
    // Sweden enters summer time on 29 March 2026: 02:00 CET becomes 03:00 CEST.
    const awareAt = new Date('2026-03-27T10:00:00+01:00');
    const deadline = art33Deadline(awareAt);
    expect(deadline.getTime() - awareAt.getTime()).toBe(SEVENTY_TWO_HOURS_MS);
    expect(deadline.toISOString()).toBe('2026-03-30T09:00:00.000Z');
    expect(stockholm(deadline)).toBe('2026-03-30 11:00');
  });

  it('starts from the instant of awareness, whatever offset it was written with', () => {
    const inStockholm = art33Deadline(new Date('2026-11-24T09:00:00+01:00'));
    const inUtc = art33Deadline(new Date('2026-11-24T08:00:00Z'));
    expect(inStockholm.getTime()).toBe(inUtc.getTime());
  });

  it("does not move the caller's awareAt", () => {
    const awareAt = new Date('2026-11-24T08:00:00Z');
    art33Deadline(awareAt);
    expect(awareAt.toISOString()).toBe('2026-11-24T08:00:00.000Z');
  });
});
