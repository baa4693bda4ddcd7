/**
 * Art. 34 notices end to end: recipients imported as a stream and kept sealed, a notice drafted,
 * previewed, approved by a second person and sent one message per person.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { SeededOrganisation } from '../../libs/persistence/src/seed/organisation-with-users.js';
import { newIncidentBody } from '../support/incident-bodies.js';
import { recipientCsv } from '../support/recipient-files.js';
import { highRiskFacts } from '../support/risk-facts-examples.js';
import { SystemUnderTest } from '../support/system-under-test.js';

let system: SystemUnderTest;
let org: SeededOrganisation;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  system = await SystemUnderTest.start();
  org = await system.organisation('Psykiatrimottagningen Exempel');
  for (const role of ['responder', 'approver', 'dpo', 'viewer'] as const) tokens[role] = await system.login(org, role);
}, 60_000);

afterAll(async () => {
  await system?.stop();
});

const api = <T = any>(method: string, path: string, role: string, body?: unknown) => system.request<T>(method, path, { token: tokens[role], body });

async function upload(incidentId: string, body: string, contentType: string, role = 'responder') {
  const response = await fetch(`${system.baseUrl}/api/incidents/${incidentId}/recipients`, { method: 'POST', headers: { authorization: `Bearer ${tokens[role]}`, 'content-type': contentType }, body });
  return { status: response.status, body: (await response.json()) as any };
}

async function highRiskIncident(): Promise<string> {
  const { breach: _b, data: _d, subjects: _s, controller: _c, ...narrative } = newIncidentBody();
  const created = await api('POST', '/api/incidents', 'responder', { ...narrative, ...highRiskFacts, title: 'Massutskick med synliga mottagare' });
  expect(created.status).toBe(201);
  return created.body.id;
}

describe('importing the people to tell', () => {
  it('keeps good rows, reports each bad row by line and field, and imports nothing twice', async () => {
    const incidentId = await highRiskIncident();
    const csv = recipientCsv({ count: 1_010, badRows: [3, 50, 101, 202, 303, 404, 505, 606, 707, 808], delimiter: ';', bom: true });
    const first = await upload(incidentId, csv, 'text/csv; charset=utf-8');
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ received: 1_010, imported: 1_000, alreadyImported: 0, rejected: 10, errorsTruncated: false });
    expect(first.body.errors.map((error: { line: number }) => error.line)).toEqual([4, 51, 102, 203, 304, 405, 506, 607, 708, 809]);
    expect(first.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(expect.arrayContaining(['email', 'phone', 'language', 'personalIdentityNumber']));
    expect(JSON.stringify(first.body)).not.toContain('patient');

    const again = await upload(incidentId, csv, 'text/csv');
    expect(again.body).toMatchObject({ imported: 0, alreadyImported: 1_000, rejected: 10 });

    const json = await upload(incidentId, JSON.stringify([{ email: 'ny.patient@patients.example', language: 'sv' }, { email: 'patient1@PATIENTS.example' }, { email: 'ny.patient@patients.example' }]), 'application/json');
    expect(json.body).toMatchObject({ received: 3, imported: 1, alreadyImported: 1, rejected: 1 });
    expect(json.body.errors).toEqual([{ line: 3, field: 'email', reason: 'the same person as on line 1' }]);

    const listed = await api('GET', `/api/incidents/${incidentId}/recipients?limit=5`, 'viewer');
    expect(listed.status).toBe(200);
    expect(listed.body.total).toBe(1_001);
    expect(listed.body.items[0].masked.email).toMatch(/^p\*\*\*@p\*\*\*\.example$/);
    expect(listed.body.items[0].masked.personalIdentityNumber).toMatch(/^19\d\d\*\*\*\*-\*\*\*\d$/);
    expect(JSON.stringify(listed.body)).not.toMatch(/patient\d+@/);
  });

  it('refuses a type it cannot read, a file that is not an array, and a viewer', async () => {
    const incidentId = await highRiskIncident();
    expect((await upload(incidentId, 'x', 'text/plain')).status).toBe(415);
    const notArray = await upload(incidentId, '{"email": "a@b.example"', 'application/json');
    expect(notArray.status).toBe(201);
    expect(notArray.body.errors[0]).toMatchObject({ field: '(file)' });
    expect((await upload(incidentId, recipientCsv({ count: 1 }), 'text/csv', 'viewer')).status).toBe(403);
  });
});
