/** A user never sees, reads or changes another organisation's incidents. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { newIncidentBody } from '../support/incident-bodies.js';
import { SystemUnderTest } from '../support/system-under-test.js';

let system: SystemUnderTest;
let ours: string;
let theirs: string;
let theirIncident: string;

beforeAll(async () => {
  system = await SystemUnderTest.start();
  ours = await system.login(await system.organisation('Region North'), 'dpo');
  theirs = await system.login(await system.organisation('Region South'), 'responder');
  theirIncident = (await system.request('POST', '/api/incidents', { token: theirs, body: newIncidentBody({ title: 'South only' }) })).body.id;
}, 60_000);

afterAll(async () => {
  await system?.stop();
});

describe('organisation isolation', () => {
  it("does not list another organisation's incidents", async () => {
    const list = await system.request('GET', '/api/incidents', { token: ours });
    expect(list.status).toBe(200);
    expect(list.body.items.map((i: { id: string }) => i.id)).not.toContain(theirIncident);
    const search = await system.request('GET', '/api/incidents?q=South', { token: ours });
    expect(search.body.total).toBe(0);
  });

  it("answers 404, not 403, for another organisation's incident, so its existence is not revealed", async () => {
    const read = await system.request('GET', `/api/incidents/${theirIncident}`, { token: ours });
    expect(read.status).toBe(404);
  });

  it("cannot change another organisation's facts", async () => {
    const patch = await system.request('PATCH', `/api/incidents/${theirIncident}/facts`, { token: ours, body: { changes: { title: 'Hijacked' } } });
    expect(patch.status).toBe(404);
    const read = await system.request('GET', `/api/incidents/${theirIncident}`, { token: theirs });
    expect(read.body.title).toBe('South only');
    expect(read.body.factsVersion).toBe(1);
  });

  it('numbers incidents per organisation', async () => {
    const first = await system.request('POST', '/api/incidents', { token: ours, body: newIncidentBody() });
    expect(first.body.reference).toMatch(/-0001$/);
  });
});
