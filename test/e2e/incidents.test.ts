import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { SeededOrganisation } from '../../libs/persistence/src/seed/organisation-with-users.js';
import { newIncidentBody } from '../support/incident-bodies.js';
import { SystemUnderTest } from '../support/system-under-test.js';

let system: SystemUnderTest;
let org: SeededOrganisation;
let responder: string;

beforeAll(async () => {
  system = await SystemUnderTest.start();
  org = await system.organisation();
  responder = await system.login(org, 'responder');
}, 60_000);

afterAll(async () => {
  await system?.stop();
});

describe('logging in', () => {
  it('gives a bearer token for the right password and 401 for a wrong one', async () => {
    expect(responder).toMatch(/^ey/);
    const wrong = await system.request('POST', '/api/auth/login', { body: { email: org.users.responder.email, password: 'nope' } });
    expect(wrong.status).toBe(401);
  });

  it('tells the caller who they are', async () => {
    const me = await system.request('GET', '/api/me', { token: responder });
    expect(me.body).toEqual({ id: org.users.responder.id, organisationId: org.organisationId, role: 'responder' });
  });

  it('guards every incident route', async () => {
    expect((await system.request('GET', '/api/incidents')).status).toBe(401);
    expect((await system.request('GET', '/api/incidents', { token: 'not-a-token' })).status).toBe(401);
  });
});

describe('an incident from creation to a corrected timeline', () => {
  let id: string;

  it('is created, stored with facts version 1, and its workflow holds the 72-hour Art. 33 clock', async () => {
    const body = newIncidentBody();
    const created = await system.request('POST', '/api/incidents', { token: responder, body });
    expect(created.status).toBe(201);
    id = created.body.id;
    expect(created.headers.get('location')).toBe(`/api/incidents/${id}`);
    expect(created.body.reference).toMatch(/^BF-\d{4}-\d{4}$/);
    expect(created.body.factsVersion).toBe(1);
    expect(created.body.facts.title).toBe(body.title);
    expect(created.body.clocksSource).toBe('workflow');
    const [art33] = created.body.clocks;
    expect(art33.kind).toBe('gdpr-art33');
    expect(new Date(art33.deadline).getTime()).toBe(new Date(body.awareAt as string).getTime() + 72 * 3_600_000);
    expect(art33.reminders.map((r: { key: string }) => r.key)).toEqual(['p50', 'p75', 'p90', 'deadline']);
    expect(art33.nextReminder.key).toBe('p50');
  });

  it('is listed and can be filtered', async () => {
    const all = await system.request('GET', '/api/incidents', { token: responder });
    expect(all.status).toBe(200);
    expect(all.body.items.map((i: { id: string }) => i.id)).toContain(id);
    const byText = await system.request('GET', '/api/incidents?q=pixel&status=open', { token: responder });
    expect(byText.body.items.map((i: { id: string }) => i.id)).toContain(id);
    const none = await system.request('GET', '/api/incidents?q=ransomware', { token: responder });
    expect(none.body.items).toEqual([]);
    const closed = await system.request('GET', '/api/incidents?status=closed', { token: responder });
    expect(closed.body.total).toBe(0);
  });

  it('moves the deadline when awareAt is corrected in a new facts version', async () => {
    const awareAt = new Date(Date.now() - 5 * 3_600_000).toISOString();
    const patched = await system.request('PATCH', `/api/incidents/${id}/facts`, {
      token: responder,
      body: { baseVersion: 1, reason: 'The first report reached the DPO earlier than recorded.', changes: { awareAt } },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.factsVersion).toBe(2);
    expect(patched.body.facts.awareAt).toBe(awareAt);
    expect(patched.body.facts.summary).toBeDefined();
    expect(new Date(patched.body.clocks[0].deadline).getTime()).toBe(new Date(awareAt).getTime() + 72 * 3_600_000);

    const read = await system.request('GET', `/api/incidents/${id}`, { token: responder });
    expect(read.body.factsVersion).toBe(2);
    expect(read.body.clocks[0].deadline).toBe(patched.body.clocks[0].deadline);
  });

  it('refuses a change based on a stale version with 409', async () => {
    const stale = await system.request('PATCH', `/api/incidents/${id}/facts`, {
      token: responder,
      body: { baseVersion: 1, changes: { title: 'Renamed' } },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.message).toMatch(/current version is 2/);
  });

  it('lets a viewer read but not change', async () => {
    const viewer = await system.login(org, 'viewer');
    expect((await system.request('GET', `/api/incidents/${id}`, { token: viewer })).status).toBe(200);
    const refused = await system.request('PATCH', `/api/incidents/${id}/facts`, { token: viewer, body: { changes: { title: 'x' } } });
    expect(refused.status).toBe(403);
  });
});
