import { describe, expect, it } from '@jest/globals';
import type { IncidentFacts } from '../../../libs/domain/src/incident/incident-facts.js';
import {
  applyFactsChanges,
  validateAppendFactsRequest,
  validateNewIncident,
} from '../../../libs/domain/src/incident/validate-incident-facts.js';

const now = new Date('2026-11-24T12:00:00Z');

const newIncident = () => ({
  title: 'Mass e-mail with all recipients visible',
  summary: 'A newsletter to 2,000 patients was sent with every address in the To field.',
  discoveredAt: '2026-11-24T08:10:00+01:00',
  awareAt: '2026-11-24T09:00:00+01:00',
});

const current = (): IncidentFacts => ({
  ...newIncident(),
  cause: 'misdirected-communication',
  approxRecords: 2000,
  ourRole: 'controller',
});

function accepted<T>(result: { ok: true; value: T } | { ok: false; errors: unknown }): T {
  if (!result.ok) throw new Error(`expected the input to be accepted, got ${JSON.stringify(result.errors)}`);
  return result.value;
}

function refusedFields(result: { ok: true } | { ok: false; errors: { field: string }[] }): string[] {
  if (result.ok) throw new Error('expected the input to be refused');
  return result.errors.map((e) => e.field).sort();
}

describe('a new incident', () => {
  it('is recorded as given, with our role defaulting to controller', () => {
    expect(accepted(validateNewIncident(newIncident(), now))).toEqual({ ...newIncident(), ourRole: 'controller' });
  });

  it('keeps the role when the organisation says it acts as processor', () => {
    expect(accepted(validateNewIncident({ ...newIncident(), ourRole: 'processor' }, now)).ourRole).toBe('processor');
  });

  it('accepts the optional facts a responder usually knows early', () => {
    const input = {
      ...newIncident(),
      cause: 'misdirected-communication',
      occurredAt: '2026-11-24T07:58:00+01:00',
      containedAt: '2026-11-24T10:00:00+01:00',
      awarenessNote: 'Confirmed by the communications officer at 09:00.',
      approxRecords: 2000,
      careProvider: true,
      nis2EntityClass: 'none',
    };
    expect(accepted(validateNewIncident(input, now))).toEqual({ ...input, ourRole: 'controller' });
  });

  it.each(['title', 'summary', 'discoveredAt', 'awareAt'] as const)('refuses an incident without %s, naming it', (field) => {
    const input: Record<string, unknown> = newIncident();
    delete input[field];
    const result = validateNewIncident(input, now);
    expect(result).toEqual({ ok: false, errors: [{ field, message: 'is required' }] });
  });

  it('refuses an unknown field, naming it, so that nothing is silently dropped', () => {
    expect(refusedFields(validateNewIncident({ ...newIncident(), patientName: 'Anna' }, now))).toEqual(['patientName']);
  });

  it('refuses an instant without a UTC offset, since its moment would be ambiguous', () => {
    expect(refusedFields(validateNewIncident({ ...newIncident(), awareAt: '2026-11-24T09:00:00' }, now))).toEqual(['awareAt']);
  });

  it('refuses a role other than controller or processor', () => {
    expect(refusedFields(validateNewIncident({ ...newIncident(), ourRole: 'joint' }, now))).toEqual(['ourRole']);
  });

  it('checks the timeline once the shape is right: an awareAt before discovery is refused, naming awareAt', () => {
    expect(refusedFields(validateNewIncident({ ...newIncident(), awareAt: '2026-11-24T08:00:00+01:00' }, now))).toEqual(['awareAt']);
  });

  it('refuses an awareAt in the future beyond the clock-skew tolerance and accepts one inside it', () => {
    const discoveredAt = '2026-11-24T11:00:00Z';
    expect(refusedFields(validateNewIncident({ ...newIncident(), discoveredAt, awareAt: '2026-11-24T12:02:00.001Z' }, now))).toEqual([
      'awareAt',
    ]);
    expect(validateNewIncident({ ...newIncident(), discoveredAt, awareAt: '2026-11-24T12:02:00Z' }, now).ok).toBe(true);
  });

  it('refuses something that is not an object at all', () => {
    expect(validateNewIncident('an incident', now).ok).toBe(false);
    expect(validateNewIncident(null, now).ok).toBe(false);
  });
});

describe('the decision on informing the people (Art. 34)', () => {
  const withDecision = (informingDataSubjects: unknown) => validateNewIncident({ ...newIncident(), informingDataSubjects }, now);

  it('records each decision with what IMY asks about it', () => {
    accepted(withDecision({ decision: 'informed', informedAt: '2026-11-24T11:00:00+01:00', how: 'E-post till var och en.' }));
    accepted(withDecision({ decision: 'will-inform', plannedAt: '2026-11-25T09:00:00+01:00' }));
    accepted(withDecision({ decision: 'will-not-inform', ground: '34(3)(a)', reason: 'Datorn var krypterad med en nyckel som inte röjts.' }));
  });

  it('refuses a decision without its particulars, naming each missing field', () => {
    expect(refusedFields(withDecision({ decision: 'informed' }))).toEqual(['informingDataSubjects.how', 'informingDataSubjects.informedAt']);
    expect(refusedFields(withDecision({ decision: 'will-inform' }))).toEqual(['informingDataSubjects.plannedAt']);
    expect(refusedFields(withDecision({ decision: 'will-not-inform', ground: 'too-expensive' }))).toEqual(
      expect.arrayContaining(['informingDataSubjects.ground', 'informingDataSubjects.reason']),
    );
  });

  it('refuses a time of informing that lies in the future (that is a planned time)', () => {
    expect(refusedFields(withDecision({ decision: 'informed', informedAt: '2026-11-30T09:00:00+01:00', how: 'Brev.' }))).toEqual(['informingDataSubjects.informedAt']);
  });
});

describe('a change to the facts (a new facts version)', () => {
  it('replaces the value of a key it names and leaves every other key as it was', () => {
    const merged = accepted(applyFactsChanges(current(), { approxRecords: 2150 }, now));
    expect(merged).toEqual({ ...current(), approxRecords: 2150 });
  });

  it('adds a key that was not known before', () => {
    const merged = accepted(applyFactsChanges(current(), { containedAt: '2026-11-24T10:00:00+01:00' }, now));
    expect(merged.containedAt).toBe('2026-11-24T10:00:00+01:00');
  });

  it('replaces a whole value rather than merging into it: a new occurrence range replaces the old one', () => {
    const before = { ...current(), occurredAt: { from: '2026-11-20T00:00:00Z', to: '2026-11-23T00:00:00Z' } };
    const merged = accepted(applyFactsChanges(before, { occurredAt: '2026-11-24T06:00:00Z' }, now));
    expect(merged.occurredAt).toBe('2026-11-24T06:00:00Z');
  });

  it('removes an optional key when the change sets it to null', () => {
    const merged = accepted(applyFactsChanges(current(), { cause: null }, now));
    expect(merged).not.toHaveProperty('cause');
    expect(merged).toEqual({ ...newIncident(), approxRecords: 2000, ourRole: 'controller' });
  });

  it.each(['title', 'summary', 'discoveredAt', 'awareAt', 'ourRole'] as const)(
    'refuses to remove the required %s, naming it',
    (field) => {
      expect(applyFactsChanges(current(), { [field]: null }, now)).toEqual({ ok: false, errors: [{ field, message: 'is required' }] });
    },
  );

  it('refuses a correction that makes the timeline impossible, naming the field', () => {
    expect(refusedFields(applyFactsChanges(current(), { awareAt: '2026-11-24T08:00:00+01:00' }, now))).toEqual(['awareAt']);
  });

  it('accepts a correction of awareAt that stays after discovery', () => {
    expect(accepted(applyFactsChanges(current(), { awareAt: '2026-11-24T08:30:00+01:00' }, now)).awareAt).toBe(
      '2026-11-24T08:30:00+01:00',
    );
  });

  it('refuses an invalid value, naming the field', () => {
    expect(refusedFields(applyFactsChanges(current(), { approxRecords: -1 }, now))).toEqual(['approxRecords']);
    expect(refusedFields(applyFactsChanges(current(), { cause: 'bad luck' }, now))).toEqual(['cause']);
  });

  it('keeps the role that was recorded instead of resetting it to the default', () => {
    const processor: IncidentFacts = { ...current(), ourRole: 'processor' };
    expect(accepted(applyFactsChanges(processor, { title: 'Renamed' }, now)).ourRole).toBe('processor');
  });

  it('does not alter the facts version it started from (versions are immutable)', () => {
    const before = current();
    applyFactsChanges(before, { cause: null, approxRecords: 1 }, now);
    expect(before).toEqual(current());
  });
});

describe('a request to change the facts', () => {
  it('accepts changes with a base version and a reason', () => {
    const request = { baseVersion: 3, reason: 'The supplier confirmed the count.', changes: { approxRecords: 2150, cause: null } };
    expect(accepted(validateAppendFactsRequest(request))).toEqual(request);
  });

  it('refuses an empty set of changes, and a request without changes, naming changes', () => {
    expect(refusedFields(validateAppendFactsRequest({ changes: {} }))).toEqual(['changes']);
    expect(refusedFields(validateAppendFactsRequest({ reason: 'nothing' }))).toEqual(['changes']);
  });

  it('refuses a change to a key that incidents do not have, naming it', () => {
    expect(refusedFields(validateAppendFactsRequest({ changes: { patientName: 'Anna' } }))).toEqual(['changes.patientName']);
  });

  it('refuses a base version below 1', () => {
    expect(refusedFields(validateAppendFactsRequest({ baseVersion: 0, changes: { title: 'x' } }))).toEqual(['baseVersion']);
  });
});
