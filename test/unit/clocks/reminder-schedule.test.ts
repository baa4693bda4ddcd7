import { describe, expect, it } from '@jest/globals';
import {
  DEFAULT_REMINDER_FRACTIONS,
  reminderKey,
  reminderSchedule,
} from '../../../libs/domain/src/clocks/reminder-schedule.js';

const HOUR = 60 * 60 * 1000;
const awareAt = new Date('2026-11-24T08:00:00Z');
const window72h = 72 * HOUR;

const keysOf = (fractions: readonly number[]) => reminderSchedule(awareAt, window72h, fractions).map((r) => r.key);

describe('reminders before a legal deadline', () => {
  it('by default reminds at 50 %, 75 %, 90 % of the window and at the deadline itself', () => {
    expect(DEFAULT_REMINDER_FRACTIONS).toEqual([0.5, 0.75, 0.9, 1]);
    expect(reminderSchedule(awareAt, window72h)).toEqual([
      { key: 'p50', fraction: 0.5, dueAt: new Date('2026-11-25T20:00:00Z') },
      { key: 'p75', fraction: 0.75, dueAt: new Date('2026-11-26T14:00:00Z') },
      { key: 'p90', fraction: 0.9, dueAt: new Date('2026-11-27T00:48:00Z') },
      { key: 'deadline', fraction: 1, dueAt: new Date('2026-11-27T08:00:00Z') },
    ]);
  });

  it('places the deadline reminder exactly at the end of the window, not a millisecond earlier or later', () => {
    const [deadline] = reminderSchedule(awareAt, window72h, [1]);
    expect(deadline!.dueAt.getTime() - awareAt.getTime()).toBe(window72h);
  });

  it('names a reminder after its percentage of the window, and the 100 % reminder "deadline"', () => {
    expect(reminderKey(0.5)).toBe('p50');
    expect(reminderKey(0.25)).toBe('p25');
    expect(reminderKey(0.9)).toBe('p90');
    expect(reminderKey(1)).toBe('deadline');
  });

  it('rounds a fraction of the window to the nearest whole millisecond', () => {
    const [third] = reminderSchedule(new Date(0), 1000, [1 / 3]);
    expect(third!.dueAt.getTime()).toBe(333);
    const [twoThirds] = reminderSchedule(new Date(0), 1000, [2 / 3]);
    expect(twoThirds!.dueAt.getTime()).toBe(667);
  });

  it('lists the reminders in time order whatever order the organisation configured them in', () => {
    expect(keysOf([1, 0.5, 0.9, 0.75])).toEqual(['p50', 'p75', 'p90', 'deadline']);
    const dueTimes = reminderSchedule(awareAt, window72h, [0.9, 0.1, 0.6]).map((r) => r.dueAt.getTime());
    expect(dueTimes).toEqual([...dueTimes].sort((a, b) => a - b));
  });

  it('schedules a fraction configured twice only once, so nobody is reminded twice at the same moment', () => {
    expect(keysOf([0.5, 0.5, 1, 1])).toEqual(['p50', 'deadline']);
  });

  it('keeps every distinct fraction inside the window', () => {
    expect(keysOf([0.25, 0.5, 0.8])).toEqual(['p25', 'p50', 'p80']);
  });

  it('drops fractions outside the window: at or before its start, after the deadline, or not a number', () => {
    expect(keysOf([0, -0.5, 1.01, 2, Number.NaN, 0.5])).toEqual(['p50']);
  });

  it('keeps a reminder just after the clock starts and one exactly at the deadline: the window is open at its start, closed at its end', () => {
    const schedule = reminderSchedule(awareAt, window72h, [Number.MIN_VALUE, 1]);
    expect(schedule.map((r) => r.fraction)).toEqual([Number.MIN_VALUE, 1]);
    expect(schedule[0]!.dueAt.getTime()).toBe(awareAt.getTime());
  });

  it('has no reminders when none is configured or none lies inside the window', () => {
    expect(reminderSchedule(awareAt, window72h, [])).toEqual([]);
    expect(reminderSchedule(awareAt, window72h, [0, 1.5])).toEqual([]);
  });

  it('moves with its anchor: the same fractions give the same offsets from a different awareAt', () => {
    const later = new Date(awareAt.getTime() + 5 * HOUR);
    const offsets = (anchor: Date) => reminderSchedule(anchor, window72h).map((r) => r.dueAt.getTime() - anchor.getTime());
    expect(offsets(later)).toEqual(offsets(awareAt));
  });

  it("does not change the caller's list of fractions", () => {
    const fractions = [1, 0.5, 0.5, 0];
    reminderSchedule(awareAt, window72h, fractions);
    expect(fractions).toEqual([1, 0.5, 0.5, 0]);
  });
});

describe('reminder keys', () => {
  it('never collide, even for fractions that round to the same percent', async () => {
    const { reminderSchedule: schedule } = await import('../../../libs/domain/src/clocks/reminder-schedule.js');
    const keys = schedule(new Date('2026-11-24T00:00:00Z'), 72 * 3_600_000, [0.5, 0.504]).map((r) => r.key);
    expect(keys).toEqual(['p50', 'p50.4']);
  });
});
