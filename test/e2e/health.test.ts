import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SystemUnderTest } from '../support/system-under-test.js';

let system: SystemUnderTest;

beforeAll(async () => {
  system = await SystemUnderTest.start({ worker: false });
}, 60_000);

afterAll(async () => {
  await system?.stop();
});

describe('health and docs', () => {
  it('reports database and Temporal connectivity without a token', async () => {
    const health = await system.request('GET', '/health');
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: 'ok', database: { ok: true }, temporal: { ok: true } });
  });

  it('serves the OpenAPI document without a token', async () => {
    const doc = await system.request('GET', '/api/docs/openapi.json');
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/incidents', '/api/incidents/{id}', '/api/incidents/{id}/facts', '/api/auth/login']));
  });

  it('tags every response with a request id, echoing a valid one', async () => {
    const given = await system.request('GET', '/health', { headers: { 'x-request-id': 'trace-123' } });
    expect(given.headers.get('x-request-id')).toBe('trace-123');
    const generated = await system.request('GET', '/health');
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
