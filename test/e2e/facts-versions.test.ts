import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { SeededOrganisation } from '../../libs/persistence/src/seed/organisation-with-users.js';
import { newIncidentBody } from '../support/incident-bodies.js';
import { SystemUnderTest } from '../support/system-under-test.js';

let system: SystemUnderTest;
let organisation: SeededOrganisation;

beforeAll(async () => {
  system = await SystemUnderTest.start();
  organisation = await system.organisation();
}, 60_000);

afterAll(async () => {
  await system?.stop();
});

describe('GET /api/incidents/:id/facts-versions', () => {
  it('lists every facts version newest first: what changed, who recorded it, why', async () => {
    const token = await system.login(organisation, 'responder');
    const created = await system.request('POST', '/api/incidents', { token, body: newIncidentBody() });
    expect(created.status).toBe(201);
    const corrected = await system.request('PATCH', `/api/incidents/${created.body.id}/facts`, {
      token,
      body: { changes: { measures: 'The pixel was removed.', approxRecords: 2400 }, reason: 'The web team confirmed the removal', baseVersion: 1 },
    });
    expect(corrected.status).toBe(200);

    const versions = await system.request('GET', `/api/incidents/${created.body.id}/facts-versions`, { token });
    expect(versions.status).toBe(200);
    expect(versions.body.items).toEqual([
      expect.objectContaining({ version: 2, changed: ['approxRecords', 'measures'], reason: 'The web team confirmed the removal', recordedBy: { id: organisation.users.responder.id, name: expect.any(String) } }),
      expect.objectContaining({ version: 1, reason: null, changed: expect.arrayContaining(['title', 'summary', 'awareAt']) }),
    ]);

    const other = await system.organisation();
    const outsider = await system.login(other, 'responder');
    expect((await system.request('GET', `/api/incidents/${created.body.id}/facts-versions`, { token: outsider })).status).toBe(404);
  }, 60_000);
});
