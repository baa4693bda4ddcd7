import { describe, expect, it } from '@jest/globals';
import type { IncidentFacts } from '../../../libs/domain/src/incident/incident-facts.js';
import { CLOCK_SKEW_TOLERANCE_MS, timelineErrors } from '../../../libs/domain/src/incident/timeline-rules.js';

const now = new Date('2026-11-24T12:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();
/** An instant relative to the server clock: `fromNow(2 * 60_000)` is two minutes ahead. */
const fromNow = (ms: number) => iso(now.getTime() + ms);

const facts = (overrides: Partial<IncidentFacts> = {}): IncidentFacts => ({
  title: 'Mass e-mail with all recipients visible',
  summary: 'A newsletter to 2,000 patients was sent with every address in the To field.',
  discoveredAt: '2026-11-24T08:10:00+01:00',
  awareAt: '2026-11-24T09:00:00+01:00',
  ourRole: 'controller',
  ...overrides,
});

/** An otherwise valid timeline with `field` (and, for discovery, awareness after it) at `instant`. */
function timelineWith(field: 'discoveredAt' | 'awareAt' | 'containedAt', instant: string): Partial<IncidentFacts> {
  const timeline: Partial<IncidentFacts> = { discoveredAt: '2026-11-24T11:00:00Z', awareAt: '2026-11-24T11:30:00Z' };
  timeline[field] = instant;
  if (field === 'discoveredAt') timeline.awareAt = instant;
  return timeline;
}

const fieldsOf = (overrides: Partial<IncidentFacts>) => timelineErrors(facts(overrides), now).map((e) => e.field);

describe('a plausible incident timeline', () => {
  it('accepts a timeline where the breach occurred, was discovered, became known and was contained in that order', () => {
    expect(
      timelineErrors(
        facts({ occurredAt: '2026-11-24T07:55:00+01:00', containedAt: '2026-11-24T10:00:00+01:00' }),
        now,
      ),
    ).toEqual([]);
  });

  it('tolerates two minutes of clock skew between a client and the server', () => {
    expect(CLOCK_SKEW_TOLERANCE_MS).toBe(2 * 60 * 1000);
  });

  describe('nothing lies in the future', () => {
    it.each(['discoveredAt', 'awareAt', 'containedAt'] as const)(
      'accepts %s up to exactly two minutes ahead of the server clock',
      (field) => {
        expect(timelineErrors(facts(timelineWith(field, fromNow(CLOCK_SKEW_TOLERANCE_MS))), now)).toEqual([]);
      },
    );

    it.each(['discoveredAt', 'awareAt', 'containedAt'] as const)(
      'refuses %s one millisecond beyond the skew tolerance, naming it',
      (field) => {
        const errors = timelineErrors(facts(timelineWith(field, fromNow(CLOCK_SKEW_TOLERANCE_MS + 1))), now);
        expect(errors).toContainEqual({ field, message: 'may not lie in the future' });
      },
    );

    it('refuses an awareAt days ahead (a typo in the year or month) and says why', () => {
      expect(timelineErrors(facts({ discoveredAt: '2026-11-24T08:00:00Z', awareAt: '2026-12-24T08:00:00Z' }), now)).toEqual([
        { field: 'awareAt', message: 'may not lie in the future' },
      ]);
    });

    it('refuses an occurredAt in the future, as an instant or as the start of a range', () => {
      expect(fieldsOf({ occurredAt: fromNow(CLOCK_SKEW_TOLERANCE_MS + 1) })).toContain('occurredAt');
      expect(fieldsOf({ occurredAt: { from: fromNow(CLOCK_SKEW_TOLERANCE_MS + 1), to: fromNow(60 * 60_000) } })).toContain(
        'occurredAt',
      );
    });

    it('accepts an occurredAt inside the skew tolerance', () => {
      const occurredAt = fromNow(CLOCK_SKEW_TOLERANCE_MS);
      expect(fieldsOf({ occurredAt, discoveredAt: occurredAt, awareAt: occurredAt })).toEqual([]);
    });
  });

  describe('awareness follows discovery', () => {
    it('refuses an awareAt before discoveredAt, naming awareAt', () => {
      expect(timelineErrors(facts({ discoveredAt: '2026-11-24T09:00:00+01:00', awareAt: '2026-11-24T08:59:59+01:00' }), now)).toEqual([
        { field: 'awareAt', message: 'may not be before discoveredAt (awareness follows discovery)' },
      ]);
    });

    it('accepts awareness at the very moment of discovery', () => {
      expect(fieldsOf({ discoveredAt: '2026-11-24T09:00:00+01:00', awareAt: '2026-11-24T09:00:00+01:00' })).toEqual([]);
    });

    it('compares instants, not the digits written: 09:00 in Stockholm is before 08:30 UTC', () => {
      expect(fieldsOf({ discoveredAt: '2026-11-24T08:30:00Z', awareAt: '2026-11-24T09:00:00+01:00' })).toEqual(['awareAt']);
      expect(fieldsOf({ discoveredAt: '2026-11-24T09:30:00+01:00', awareAt: '2026-11-24T08:45:00Z' })).toEqual([]);
    });
  });

  describe('a breach is discovered and known only after it occurred', () => {
    it('refuses a discoveredAt and an awareAt before occurredAt, naming each', () => {
      const errors = timelineErrors(facts({ occurredAt: '2026-11-24T09:30:00+01:00' }), now);
      expect(errors).toEqual(
        expect.arrayContaining([
          { field: 'discoveredAt', message: 'may not be before occurredAt' },
          { field: 'awareAt', message: 'may not be before occurredAt' },
        ]),
      );
      expect(errors).toHaveLength(2);
    });

    it('accepts discovery at the very moment of the breach', () => {
      expect(fieldsOf({ occurredAt: '2026-11-24T08:10:00+01:00' })).toEqual([]);
    });

    it('refuses an awareAt before occurredAt even when discoveredAt is fine', () => {
      expect(
        fieldsOf({ occurredAt: '2026-11-24T08:00:00Z', discoveredAt: '2026-11-24T08:00:00Z', awareAt: '2026-11-24T07:59:59Z' }),
      ).toContain('awareAt');
    });
  });

  describe('when only a range is known for when the breach occurred', () => {
    it('accepts a range that ends before discovery', () => {
      expect(fieldsOf({ occurredAt: { from: '2026-11-01T00:00:00Z', to: '2026-11-20T00:00:00Z' } })).toEqual([]);
    });

    it('accepts a range of a single instant', () => {
      expect(fieldsOf({ occurredAt: { from: '2026-11-20T00:00:00Z', to: '2026-11-20T00:00:00Z' } })).toEqual([]);
    });

    it('refuses a range whose end lies before its start, naming occurredAt.to', () => {
      expect(timelineErrors(facts({ occurredAt: { from: '2026-11-20T00:00:00Z', to: '2026-11-19T23:59:59Z' } }), now)).toEqual([
        { field: 'occurredAt.to', message: 'may not be before occurredAt.from' },
      ]);
    });

    it('accepts discovery inside the range (the breach may have occurred at its start)', () => {
      expect(
        fieldsOf({
          occurredAt: { from: '2026-11-24T06:00:00Z', to: '2026-11-24T10:00:00Z' },
          discoveredAt: '2026-11-24T07:00:00Z',
          awareAt: '2026-11-24T07:30:00Z',
        }),
      ).toEqual([]);
    });

    it('refuses discovery and awareness before the range starts', () => {
      expect(
        fieldsOf({
          occurredAt: { from: '2026-11-24T09:00:00Z', to: '2026-11-24T10:00:00Z' },
          discoveredAt: '2026-11-24T08:00:00Z',
          awareAt: '2026-11-24T08:30:00Z',
        }).sort(),
      ).toEqual(['awareAt', 'discoveredAt']);
    });
  });

  describe('containment', () => {
    it('refuses a containedAt before the breach occurred, naming containedAt', () => {
      expect(timelineErrors(facts({ occurredAt: '2026-11-24T07:00:00Z', containedAt: '2026-11-24T06:59:59Z' }), now)).toEqual([
        { field: 'containedAt', message: 'may not be before occurredAt' },
      ]);
    });

    it('refuses a containedAt before the start of the occurrence range', () => {
      expect(
        fieldsOf({ occurredAt: { from: '2026-11-20T00:00:00Z', to: '2026-11-22T00:00:00Z' }, containedAt: '2026-11-19T00:00:00Z' }),
      ).toEqual(['containedAt']);
    });

    it('accepts containment at the moment the breach occurred', () => {
      expect(fieldsOf({ occurredAt: '2026-11-24T07:00:00Z', containedAt: '2026-11-24T07:00:00Z' })).toEqual([]);
    });

    it('accepts containment before discovery (an automatic control may stop a breach before anyone notices)', () => {
      expect(fieldsOf({ occurredAt: '2026-11-24T06:00:00Z', containedAt: '2026-11-24T06:30:00Z' })).toEqual([]);
    });
  });

  it('reports every problem at once, so the responder can fix them together', () => {
    expect(
      fieldsOf({
        discoveredAt: '2026-11-24T10:00:00Z',
        awareAt: '2026-11-24T09:00:00Z',
        containedAt: fromNow(24 * 60 * 60_000),
        occurredAt: { from: '2026-11-20T00:00:00Z', to: '2026-11-19T00:00:00Z' },
      }).sort(),
    ).toEqual(['awareAt', 'containedAt', 'occurredAt.to']);
  });
});

describe('an instant JavaScript cannot represent', () => {
  it('is refused, naming the field (the date-time format admits a leap second)', async () => {
    const { timelineErrors: errorsOf } = await import('../../../libs/domain/src/incident/timeline-rules.js');
    const errors = errorsOf(
      { title: 't', summary: 's', ourRole: 'controller', discoveredAt: '2016-12-31T23:59:60Z', awareAt: '2017-01-01T10:00:00Z' },
      new Date('2026-11-24T10:00:00Z'),
    );
    expect(errors).toEqual([{ field: 'discoveredAt', message: 'is not a representable instant' }]);
  });
});
