import { describe, expect, it } from '@jest/globals';
import { changedFactKeys, factsVersionViews } from '../../../libs/application/src/incidents/facts-version-view.js';
import type { IncidentFacts } from '../../../libs/domain/src/incident/incident-facts.js';
import type { IncidentFactsVersion } from '../../../libs/persistence/src/entities/incident-facts-version.entity.js';

const first = {
  title: 'Mass e-mail',
  summary: 'Every address visible.',
  discoveredAt: '2026-11-24T08:10:00.000Z',
  awareAt: '2026-11-24T09:00:00.000Z',
  ourRole: 'controller',
  subjects: { approxCount: 2000, categories: ['patients'] },
} as unknown as IncidentFacts;

describe('facts versions as people review them', () => {
  it('names the top-level keys that changed, were added or were removed, ignoring key order', () => {
    const second = { ...first, awareAt: '2026-11-24T10:00:00.000Z', measures: 'Recall sent.', subjects: { categories: ['patients'], approxCount: 2000 } } as IncidentFacts;
    expect(changedFactKeys(first, second)).toEqual(['awareAt', 'measures']);
    const { measures: _removed, ...third } = second;
    expect(changedFactKeys(second, third as IncidentFacts)).toEqual(['measures']);
    expect(changedFactKeys(undefined, first)).toEqual(['awareAt', 'discoveredAt', 'ourRole', 'subjects', 'summary', 'title']);
  });

  it('compares each version with the one before it and names who recorded it', () => {
    const version = (n: number, facts: IncidentFacts, by: string, reason: string | null) =>
      ({ incidentId: 'i', version: n, facts, recordedBy: by, changeReason: reason, recordedAt: new Date(Date.UTC(2026, 10, 24, n)) }) as IncidentFactsVersion;
    const views = factsVersionViews(
      [version(2, { ...first, title: 'Mass e-mail to patients' } as IncidentFacts, 'u2', 'Clearer title'), version(1, first, 'u1', null)],
      new Map([['u1', 'Rita Responder']]),
    );
    expect(views).toEqual([
      { version: 2, recordedAt: '2026-11-24T02:00:00.000Z', recordedBy: { id: 'u2', name: null }, reason: 'Clearer title', changed: ['title'] },
      { version: 1, recordedAt: '2026-11-24T01:00:00.000Z', recordedBy: { id: 'u1', name: 'Rita Responder' }, reason: null, changed: ['awareAt', 'discoveredAt', 'ourRole', 'subjects', 'summary', 'title'] },
    ]);
  });
});
