/**
 * The track catalogue is the one statement of which regulatory tracks exist and what each asks:
 * these tests read it as the law's summary — who is told what, by when, and who decides.
 */
import { describe, expect, it } from '@jest/globals';
import { isPastDeadline } from '../../../libs/domain/src/clocks/deadline.js';
import { windowEnd } from '../../../libs/domain/src/tracks/decide-filing-step.js';
import {
  FILING_RECORD_CHANNELS,
  FILING_TRACKS,
  rolesForStep,
  TRACK_CATALOGUE,
  TRACK_KINDS,
  tracksImpliedBy,
  WRITTEN_REASON_MIN_LENGTH,
} from '../../../libs/domain/src/tracks/catalogue.js';

const SEVENTY_TWO_HOURS_MS = 72 * 3_600_000;
const art33Window = TRACK_CATALOGUE['gdpr-art33'].deadline!;
const supplementWindow = TRACK_CATALOGUE['gdpr-art33'].supplements!;

/** How an instant reads on a wall clock in Stockholm, e.g. `2026-10-26 09:00`. */
const stockholm = (iso: string) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));

describe('the GDPR Art. 33 notification deadline', () => {
  it('falls exactly 72 hours after the controller became aware, to the millisecond', () => {
    expect(windowEnd(art33Window, '2026-11-24T09:00:00.123+01:00', 'Europe/Stockholm')).toBe('2026-11-27T08:00:00.123Z');
  });

  it('counts weekend hours: awareness on a Friday afternoon means a Monday afternoon deadline', () => {
    const deadline = windowEnd(art33Window, '2026-11-27T16:30:00+01:00', 'Europe/Stockholm');
    expect(stockholm(deadline)).toBe('2026-11-30 16:30');
  });

  it('stays 72 real hours across the end of summer time in late October (the Stockholm clock shows one hour earlier)', () => {
    const deadline = windowEnd(art33Window, '2026-10-23T10:00:00+02:00', 'Europe/Stockholm');
    expect(Date.parse(deadline) - Date.parse('2026-10-23T10:00:00+02:00')).toBe(SEVENTY_TWO_HOURS_MS);
    expect(stockholm(deadline)).toBe('2026-10-26 09:00');
  });

  it('stays 72 real hours across the start of summer time in late March (the Stockholm clock shows one hour later)', () => {
    const deadline = windowEnd(art33Window, '2026-03-27T10:00:00+01:00', 'Europe/Stockholm');
    expect(deadline).toBe('2026-03-30T09:00:00.000Z');
    expect(stockholm(deadline)).toBe('2026-03-30 11:00');
  });

  it('is met by a report at the deadline itself and missed only after it', () => {
    const deadline = windowEnd(art33Window, '2026-11-24T08:00:00Z', 'Europe/Stockholm');
    expect(isPastDeadline(deadline, deadline)).toBe(false);
    expect(isPastDeadline(deadline, Date.parse(deadline) + 1)).toBe(true);
  });
});

describe("IMY's supplement period", () => {
  it('is four calendar weeks in Stockholm: across the start of summer time it ends at the same wall-clock time, 28 × 24 h − 1 h later', () => {
    const filedAt = '2026-03-20T10:00:00+01:00';
    const due = windowEnd(supplementWindow, filedAt, 'Europe/Stockholm');
    expect(stockholm(due)).toBe('2026-04-17 10:00');
    expect(Date.parse(due) - Date.parse(filedAt)).toBe(28 * 24 * 3_600_000 - 3_600_000);
  });

  it('is exactly 28 × 24 h when no clock change falls in between', () => {
    const filedAt = '2026-11-24T10:00:00+01:00';
    expect(Date.parse(windowEnd(supplementWindow, filedAt, 'Europe/Stockholm')) - Date.parse(filedAt)).toBe(28 * 24 * 3_600_000);
  });
});

describe('the tracks an outcome makes owed', () => {
  it('documents every breach in the register, before it is assessed and whatever the risk', () => {
    expect(tracksImpliedBy(null, 'controller')).toEqual(['gdpr-art33-register']);
    expect(tracksImpliedBy('no-risk', 'controller')).toEqual(['gdpr-art33-register']);
  });

  it('has a controller notify the supervisory authority from "risk" upwards', () => {
    expect(tracksImpliedBy('risk', 'controller')).toEqual(['gdpr-art33-register', 'gdpr-art33']);
  });

  it('has a controller also inform the people at "high-risk"', () => {
    expect(tracksImpliedBy('high-risk', 'controller')).toEqual(['gdpr-art33-register', 'gdpr-art33', 'gdpr-art34']);
  });

  it('has a processor tell its controllers about every breach, even before an assessment, and never inform people itself', () => {
    for (const outcome of [null, 'no-risk', 'risk', 'high-risk'] as const) {
      expect(tracksImpliedBy(outcome, 'processor')).toEqual(['gdpr-art33-register', 'gdpr-art33-2']);
    }
  });

  it('leaves Lex Maria and NIS2 to a person screening the incident', () => {
    for (const outcome of [null, 'no-risk', 'risk', 'high-risk'] as const) {
      for (const role of ['controller', 'processor'] as const) {
        expect(tracksImpliedBy(outcome, role)).not.toContain('lex-maria');
        expect(tracksImpliedBy(outcome, role)).not.toContain('nis2');
      }
    }
  });
});

describe('the catalogue itself', () => {
  it('describes every track kind, in Swedish and English', () => {
    for (const kind of TRACK_KINDS) {
      const definition = TRACK_CATALOGUE[kind];
      expect(definition.kind).toBe(kind);
      for (const text of [definition.label, definition.recipient, definition.basis]) {
        expect(text.sv.trim()).not.toBe('');
        expect(text.en.trim()).not.toBe('');
      }
    }
  });

  it('gives every track with a workflow a clock and at least one channel to record a filing on', () => {
    expect(FILING_TRACKS).toEqual(['gdpr-art33', 'gdpr-art33-2', 'lex-maria', 'nis2']);
    for (const kind of FILING_TRACKS) {
      expect(TRACK_CATALOGUE[kind].deadline).toBeDefined();
      expect(TRACK_CATALOGUE[kind].recordChannels.length).toBeGreaterThan(0);
    }
    expect(FILING_RECORD_CHANNELS).toEqual(expect.arrayContaining(['imy-e-service', 'e-mail', 'letter']));
  });

  it('never lets the author of a decision be its only check: approving and deciding "not required" are for approvers and the DPO', () => {
    expect(rolesForStep('approve').sort()).toEqual(['approver', 'dpo']);
    expect(rolesForStep('decideNotRequired').sort()).toEqual(['approver', 'dpo']);
    expect(rolesForStep('draft')).not.toContain('viewer');
  });

  it('asks a written reason of at least twenty characters on every track', () => {
    expect(WRITTEN_REASON_MIN_LENGTH).toBe(20);
    for (const kind of TRACK_KINDS) expect(TRACK_CATALOGUE[kind].minimumReasonLength).toBe(WRITTEN_REASON_MIN_LENGTH);
  });
});
