/**
 * The facts of a closed incident are what it was closed on: a correction is refused (409, naming
 * the reopening) until an approver or the DPO reopens it with a reason. Reopening starts a new run
 * of the incident's workflow (closing ended the old one) that continues from the closed run: the
 * track already decided stays decided, its workflow is not started again, and the incident can
 * close again. Every step is in the audit trail and on the timeline.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client, Connection } from '@temporalio/client';
import type { SeededOrganisation } from '../../libs/persistence/src/seed/organisation-with-users.js';
import { filingTrackWorkflowId } from '../../workflows/tracks/filing-track.messages.js';
import { newIncidentBody } from '../support/incident-bodies.js';
import { riskFacts } from '../support/risk-facts-examples.js';
import { eventually } from '../support/eventually.js';
import { SystemUnderTest } from '../support/system-under-test.js';

let system: SystemUnderTest;
let org: SeededOrganisation;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  system = await SystemUnderTest.start();
  org = await system.organisation();
  for (const role of ['responder', 'approver', 'dpo', 'viewer'] as const) tokens[role] = await system.login(org, role);
}, 60_000);

afterAll(async () => {
  await system?.stop();
});

const api = (method: string, path: string, role: string, body?: unknown) => system.request(method, path, { token: tokens[role], body });
const REASON = 'IMY asked about a second mailing we had not known of.';

async function closedIncident(): Promise<{ id: string; workflowId: string }> {
  const { breach: _b, data: _d, subjects: _s, controller: _c, ...narrative } = newIncidentBody();
  const created = await api('POST', '/api/incidents', 'responder', { ...narrative, ...riskFacts });
  expect(created.status).toBe(201);
  const id: string = created.body.id;
  await eventually(async () => ((await api('GET', `/api/incidents/${id}`, 'responder')).body.tracks.some((t: { kind: string; live: boolean }) => t.kind === 'gdpr-art33' && t.live) ? true : undefined));
  // "Not required" is proposed by one person and approved by another (four eyes).
  expect((await api('POST', `/api/incidents/${id}/tracks/gdpr-art33/not-required`, 'dpo', { reason: 'Only synthetic test data was involved after all.' })).status).toBe(200);
  const [proposal] = (await api('GET', `/api/incidents/${id}/decisions`, 'approver')).body.items;
  expect((await api('POST', `/api/incidents/${id}/decisions/${proposal.id}/approve`, 'approver', {})).status).toBe(200);
  await api('PATCH', `/api/incidents/${id}/facts`, 'responder', { changes: { likelyConsequences: 'None: synthetic data.', measures: 'Configuration corrected.' } });
  const closed = await eventually(async () => {
    const result = await api('POST', `/api/incidents/${id}/close`, 'dpo');
    return result.status === 200 ? result : undefined;
  });
  expect(closed.body.status).toBe('closed');
  return { id, workflowId: `incident-${id}` };
}

describe('a closed incident', () => {
  it('refuses facts changes with 409 naming the reopening; reopened, its facts change and it closes again, all audited', async () => {
    const incident = await closedIncident();
    const refused = await api('PATCH', `/api/incidents/${incident.id}/facts`, 'responder', { changes: { measures: 'Changed after closing.' } });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ kind: 'conflict' });
    expect(refused.body.message).toContain(`POST /api/incidents/${incident.id}/reopen`);
    const versions = (await api('GET', `/api/incidents/${incident.id}/facts-versions`, 'responder')).body.items;
    expect(versions).toHaveLength(2);

    // Who may, with what.
    expect((await api('POST', `/api/incidents/${incident.id}/reopen`, 'responder', { reason: REASON })).status).toBe(403);
    expect((await api('POST', `/api/incidents/${incident.id}/reopen`, 'viewer', { reason: REASON })).status).toBe(403);
    const tooShort = await api('POST', `/api/incidents/${incident.id}/reopen`, 'dpo', { reason: 'because' });
    expect(tooShort.status).toBe(400);
    expect(tooShort.body.errors[0].field).toBe('reason');
    expect((await api('GET', `/api/incidents/${incident.id}`, 'dpo')).body.status).toBe('closed');

    const reopened = await api('POST', `/api/incidents/${incident.id}/reopen`, 'approver', { reason: REASON });
    expect(reopened.status).toBe(200);
    expect(reopened.body.status).toBe('open');
    const again = await api('POST', `/api/incidents/${incident.id}/reopen`, 'dpo', { reason: REASON });
    expect(again.status).toBe(409);

    const corrected = await api('PATCH', `/api/incidents/${incident.id}/facts`, 'responder', { changes: { measures: 'Both mailings were recalled.' }, reason: 'A second mailing came to light.' });
    expect(corrected.status).toBe(200);
    // The new run took the version: the workflow is not behind the case file.
    await eventually(async () => {
      const current = (await api('GET', `/api/incidents/${incident.id}`, 'responder')).body;
      return current.factsVersion === 3 && current.workflowFactsVersion === 3 ? current : undefined;
    });

    // The track decided before closing stays decided: its workflow was not started again.
    const view = (await api('GET', `/api/incidents/${incident.id}`, 'responder')).body;
    expect(view.tracks.find((t: { kind: string }) => t.kind === 'gdpr-art33')).toMatchObject({ status: 'not-required' });
    const connection = await Connection.connect({ address: system.config.TEMPORAL_ADDRESS });
    try {
      const client = new Client({ connection });
      const runs = async (workflowId: string) => {
        const found = [];
        for await (const execution of client.workflow.list({ query: `WorkflowId = '${workflowId}'` })) found.push(execution.status.name);
        return found;
      };
      expect(await runs(filingTrackWorkflowId(incident.id, 'gdpr-art33'))).toHaveLength(1);
      const incidentRuns = await eventually(async () => {
        const found = await runs(incident.workflowId);
        return found.length === 2 ? found : undefined;
      });
      expect(incidentRuns.sort()).toEqual(['COMPLETED', 'RUNNING']);
    } finally {
      await connection.close();
    }

    const closedAgain = await eventually(async () => {
      const result = await api('POST', `/api/incidents/${incident.id}/close`, 'dpo');
      return result.status === 200 ? result : undefined;
    });
    expect(closedAgain.body.status).toBe('closed');

    const audit = await system.dataSource.query(`SELECT action, actor, detail FROM audit_events WHERE incident_id = $1 AND action LIKE 'incident.%' ORDER BY seq`, [incident.id]);
    expect(audit.map((event: { action: string }) => event.action)).toEqual([
      'incident.created',
      'incident.facts-recorded',
      'incident.closed',
      'incident.reopened',
      'incident.facts-recorded',
      'incident.closed',
    ]);
    expect(audit[3]).toMatchObject({ actor: org.users.approver.id, detail: { reason: REASON } });
    const timeline = (await api('GET', `/api/incidents/${incident.id}/timeline`, 'viewer')).body;
    expect(JSON.stringify(timeline)).toContain(`The incident was reopened: ${REASON}`);
  }, 120_000);

  it('an open incident cannot be reopened', async () => {
    const created = await api('POST', '/api/incidents', 'responder', newIncidentBody());
    const refused = await api('POST', `/api/incidents/${created.body.id}/reopen`, 'dpo', { reason: REASON });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/only a closed incident can be reopened/);
  }, 60_000);
});
