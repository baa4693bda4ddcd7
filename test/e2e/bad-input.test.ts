/**
 * Bad input gets a clear 4xx naming the field, never a 500, and nothing is stored.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Incident } from '../../libs/persistence/src/entities/incident.entity.js';
import { IncidentFactsVersion } from '../../libs/persistence/src/entities/incident-facts-version.entity.js';
import type { SeededOrganisation } from '../../libs/persistence/src/seed/organisation-with-users.js';
import { newIncidentBody } from '../support/incident-bodies.js';
import { SystemUnderTest } from '../support/system-under-test.js';

let system: SystemUnderTest;
let org: SeededOrganisation;
let token: string;

beforeAll(async () => {
  system = await SystemUnderTest.start();
  org = await system.organisation();
  token = await system.login(org, 'responder');
}, 60_000);

afterAll(async () => {
  await system?.stop();
});

const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();
const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000).toISOString();
const without = (key: string) => {
  const body = newIncidentBody();
  delete body[key];
  return body;
};

const malformedCreates: Array<[string, unknown, string]> = [
  ['title missing', without('title'), 'title'],
  ['summary missing', without('summary'), 'summary'],
  ['awareAt missing', without('awareAt'), 'awareAt'],
  ['discoveredAt missing', without('discoveredAt'), 'discoveredAt'],
  ['an unknown field', newIncidentBody({ severity: 'high' }), 'severity'],
  ['an unknown nested field', newIncidentBody({ data: { categories: ['health'], identifiability: 'maximum', protection: 'none', colour: 'red' } }), 'data.colour'],
  ['a date without an offset', newIncidentBody({ awareAt: '2026-11-20T10:00:00' }), 'awareAt'],
  ['a date that is not a date', newIncidentBody({ discoveredAt: 'last Tuesday' }), 'discoveredAt'],
  ['awareAt in the future', newIncidentBody({ awareAt: inAnHour() }), 'awareAt'],
  ['awareAt before occurredAt', newIncidentBody({ occurredAt: daysAgo(1), discoveredAt: daysAgo(3), awareAt: daysAgo(2) }), 'awareAt'],
  ['awareAt before discoveredAt', newIncidentBody({ discoveredAt: daysAgo(1), awareAt: daysAgo(2) }), 'awareAt'],
  ['an empty title', newIncidentBody({ title: '' }), 'title'],
  ['a title of the wrong type', newIncidentBody({ title: 42 }), 'title'],
  ['an unknown cause', newIncidentBody({ cause: 'aliens' }), 'cause'],
  ['an unknown data category', newIncidentBody({ data: { categories: ['shoe-size'], identifiability: 'maximum', protection: 'none' } }), 'data.categories[0]'],
  ['a count of zero people', newIncidentBody({ subjects: { approxCount: 0, categories: ['patients'] } }), 'subjects.approxCount'],
  ['an occurredAt range running backwards', newIncidentBody({ occurredAt: { from: daysAgo(1), to: daysAgo(3) } }), 'occurredAt.to'],
  ['a body that is an array', [newIncidentBody()], '(body)'],
  ['a body that is a string', 'incident', '(body)'],
];

describe('creating an incident from malformed input', () => {
  it.each(malformedCreates)('answers 400 naming the field for %s', async (_, body, field) => {
    const before = await system.dataSource.getRepository(Incident).count();
    const result = await system.request('POST', '/api/incidents', { token, body });
    expect(result.status).toBe(400);
    expect(result.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(result.body.message).toContain(field === '(body)' ? 'body' : field);
    expect(await system.dataSource.getRepository(Incident).count()).toBe(before);
  });

  it('answers 400 naming the field for text PostgreSQL cannot store (NUL, an unpaired surrogate), never a 500', async () => {
    for (const title of ['Intrång\u0000', 'Halv \ud800 surrogat']) {
      const response = await system.request('POST', '/api/incidents', { token, body: { ...newIncidentBody(), title } });
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([expect.objectContaining({ field: 'title' })]);
    }
    const nested = await system.request('POST', '/api/incidents', { token, body: { ...newIncidentBody(), affectedControllers: ['Region A', 'B\u0000'] } });
    expect(nested.body.errors).toEqual([expect.objectContaining({ field: 'affectedControllers[1]' })]);
  });

  it('answers 400 for a body that is not JSON', async () => {
    const result = await system.request('POST', '/api/incidents', { token, rawBody: '{"title": "unterminated' });
    expect(result.status).toBe(400);
    expect(result.body.message).toMatch(/not valid JSON/);
    expect(result.body.errors[0].field).toBe('(body)');
  });

  it('answers 413 for a body over 1 MB, with the reason phrase of 413 (not of 400)', async () => {
    const result = await system.request('POST', '/api/incidents', { token, body: newIncidentBody({ summary: 'x'.repeat(1_100_000) }) });
    expect(result.status).toBe(413);
    expect(result.body).toEqual(expect.objectContaining({ statusCode: 413, error: 'Payload Too Large', errors: [expect.objectContaining({ field: '(body)' })] }));
  });

  it('answers 400 for a malformed Idempotency-Key', async () => {
    const result = await system.request('POST', '/api/incidents', { token, body: newIncidentBody(), headers: { 'Idempotency-Key': 'x'.repeat(201) } });
    expect(result.status).toBe(400);
    expect(result.body.errors[0].field).toBe('Idempotency-Key');
  });
});

describe('changing facts with malformed input', () => {
  let id: string;

  beforeAll(async () => {
    id = (await system.request('POST', '/api/incidents', { token, body: newIncidentBody() })).body.id;
  });

  const malformedChanges: Array<[string, unknown, string]> = [
    ['no changes object', { reason: 'x' }, 'changes'],
    ['an empty changes object', { changes: {} }, 'changes'],
    ['an unknown key in changes', { changes: { mood: 'bad' } }, 'changes.mood'],
    ['removing a required field', { changes: { title: null } }, 'changes.title'],
    ['awareAt in the future', { changes: { awareAt: inAnHour() } }, 'changes.awareAt'],
    ['a negative baseVersion', { baseVersion: -1, changes: { title: 'New' } }, 'baseVersion'],
  ];

  it.each(malformedChanges)('answers 400 naming the field for %s, and stores no version', async (_, body, field) => {
    const result = await system.request('PATCH', `/api/incidents/${id}/facts`, { token, body });
    expect(result.status).toBe(400);
    expect(result.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await system.dataSource.getRepository(IncidentFactsVersion).countBy({ incidentId: id })).toBe(1);
  });

  it('answers 400 for an id that is not a UUID and 404 for one that does not exist', async () => {
    expect((await system.request('GET', '/api/incidents/not-a-uuid', { token })).status).toBe(400);
    expect((await system.request('GET', '/api/incidents/6f1c2b1e-8a0e-4a53-9d2b-1c6f2d9e0a11', { token })).status).toBe(404);
  });

  it('answers 400 naming an unknown or malformed list filter', async () => {
    const unknown = await system.request('GET', '/api/incidents?colour=red', { token });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].field).toBe('colour');
    const badLimit = await system.request('GET', '/api/incidents?limit=1000', { token });
    expect(badLimit.status).toBe(400);
    expect(badLimit.body.errors[0].field).toBe('limit');
  });
});
