import { describe, expect, it } from '@jest/globals';
import { urgencyOf } from '../../../apps/web/src/components/urgency.js';
import { formatDuration, formatInstant, fromZonedInputValue, toZonedInputValue } from '../../../apps/web/src/i18n/time.js';

const units = { days: 'd', hours: 'h', minutes: 'min', seconds: 's' };
const HOUR = 3_600_000;

describe('dates in the organisation time zone (web app)', () => {
  it('reads a datetime-local value as wall-clock time in the zone, in winter and in summer', () => {
    expect(fromZonedInputValue('2026-11-24T09:00', 'Europe/Stockholm')).toBe('2026-11-24T08:00:00.000Z');
    expect(fromZonedInputValue('2026-07-01T09:00', 'Europe/Stockholm')).toBe('2026-07-01T07:00:00.000Z');
    expect(fromZonedInputValue('2026-07-01T09:00', 'UTC')).toBe('2026-07-01T09:00:00.000Z');
  });

  it('handles the hour after the spring-forward change and refuses malformed input', () => {
    // 29 March 2026, 03:30 Stockholm is summer time (UTC+2).
    expect(fromZonedInputValue('2026-03-29T03:30', 'Europe/Stockholm')).toBe('2026-03-29T01:30:00.000Z');
    expect(fromZonedInputValue('24/11/2026 09:00', 'Europe/Stockholm')).toBeUndefined();
  });

  it('shows an instant back as the same wall-clock value', () => {
    for (const iso of ['2026-11-24T08:00:00.000Z', '2026-07-01T07:00:00.000Z']) {
      expect(fromZonedInputValue(toZonedInputValue(iso, 'Europe/Stockholm'), 'Europe/Stockholm')).toBe(iso);
    }
    expect(toZonedInputValue('2026-11-24T08:00:00.000Z', 'Europe/Stockholm')).toBe('2026-11-24T09:00');
  });

  it('formats an instant in the zone and language', () => {
    expect(formatInstant('2026-11-24T08:00:00.000Z', 'sv', 'Europe/Stockholm')).toContain('09:00');
    expect(formatInstant('2026-11-24T08:00:00.000Z', 'en', 'UTC')).toContain('08:00');
  });
});

describe('countdowns (web app)', () => {
  it('counts the 72 hours in hours and minutes, longer windows in days', () => {
    expect(formatDuration(71 * HOUR + 29 * 60_000 + 5_000, units)).toBe('71 h 29 min');
    expect(formatDuration(-(2 * HOUR + 60_000), units)).toBe('2 h 1 min');
    expect(formatDuration(45 * 60_000, units)).toBe('45 min');
    expect(formatDuration(30_000, units)).toBe('30 s');
    expect(formatDuration(28 * 24 * HOUR + 5 * HOUR, units)).toBe('28 d 5 h');
  });

  it('grades urgency by the time left', () => {
    expect(urgencyOf(48 * HOUR)).toBe('ok');
    expect(urgencyOf(23 * HOUR)).toBe('soon');
    expect(urgencyOf(5 * HOUR)).toBe('urgent');
    expect(urgencyOf(-1)).toBe('overdue');
  });
});
