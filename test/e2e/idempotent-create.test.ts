/** A retried create with the same Idempotency-Key creates nothing twice. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { Incident } from '../../libs/persistence/src/entities/incident.entity.js';
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

const incidentsOf = () => system.dataSource.getRepository(Incident).countBy({ organisationId: org.organisationId });

describe('idempotent create', () => {
  it('returns the first incident for a retry with the same key and body', async () => {
    const key = randomUUID();
    const body = newIncidentBody();
    const first = await system.request('POST', '/api/incidents', { token, body, headers: { 'Idempotency-Key': key } });
    const retry = await system.request('POST', '/api/incidents', { token, body, headers: { 'Idempotency-Key': key } });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(first.body.id);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await incidentsOf()).toBe(1);
  });

  it('creates exactly one incident when the same request races with itself', async () => {
    const before = await incidentsOf();
    const key = randomUUID();
    const body = newIncidentBody({ title: 'Raced' });
    const results = await Promise.all(
      Array.from({ length: 5 }, () => system.request('POST', '/api/incidents', { token, body, headers: { 'Idempotency-Key': key } })),
    );
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect(await incidentsOf()).toBe(before + 1);
  });

  it('refuses the same key with a different body (422)', async () => {
    const key = randomUUID();
    await system.request('POST', '/api/incidents', { token, body: newIncidentBody(), headers: { 'Idempotency-Key': key } });
    const other = await system.request('POST', '/api/incidents', { token, body: newIncidentBody({ title: 'Another' }), headers: { 'Idempotency-Key': key } });
    expect(other.status).toBe(422);
    expect(other.body.message).toMatch(/different request body/);
  });

  it('completes a create whose workflow never started (a crash between the two steps)', async () => {
    const key = randomUUID();
    const body = newIncidentBody({ title: 'Half-done' });
    await system.stopWorker(); // the workflow can start but not run: the query cannot answer
    const first = await system.request('POST', '/api/incidents', { token, body, headers: { 'Idempotency-Key': key } });
    expect(first.status).toBe(201);
    expect(first.body.clocksSource).toBe('database');
    await system.startWorker();
    const retry = await system.request('POST', '/api/incidents', { token, body, headers: { 'Idempotency-Key': key } });
    expect(retry.body.id).toBe(first.body.id);
    expect(retry.body.clocksSource).toBe('workflow');
  }, 30_000);

  it('without a key, two posts are two incidents', async () => {
    const before = await incidentsOf();
    await system.request('POST', '/api/incidents', { token, body: newIncidentBody() });
    await system.request('POST', '/api/incidents', { token, body: newIncidentBody() });
    expect(await incidentsOf()).toBe(before + 2);
  });
});
