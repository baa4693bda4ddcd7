/**
 * A stored incident always ends up with its workflow: with Temporal unreachable, incidents are
 * still created (201, workflow pending) and facts still corrected; once Temporal answers again,
 * the outbox relay starts each workflow and delivers each facts version, once.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { WorkflowOutboxRelay } from '../../libs/application/src/incidents/workflow-outbox-relay.js';
import { INCIDENT_WORKFLOWS, type IncidentWorkflows } from '../../libs/application/src/ports/incident-workflows.js';
import { eventually } from '../support/eventually.js';
import { newIncidentBody } from '../support/incident-bodies.js';
import { SystemUnderTest } from '../support/system-under-test.js';

jest.setTimeout(120_000);
let system: SystemUnderTest;

beforeAll(async () => {
  system = await SystemUnderTest.start();
}, 60_000);

afterAll(async () => {
  await system?.stop();
});

describe('the workflow outbox', () => {
  it('creates incidents while Temporal is down and gives every one its clock once Temporal is back', async () => {
    const token = await system.login(await system.organisation(), 'responder');
    const workflows = system.app.get<IncidentWorkflows>(INCIDENT_WORKFLOWS);
    const { start, recordFactsVersion } = workflows;
    const down = () => Promise.reject(Object.assign(new Error('14 UNAVAILABLE: connection refused'), { name: 'ServiceError' }));
    workflows.start = down;
    workflows.recordFactsVersion = down;

    const ids: string[] = [];
    try {
      for (let n = 0; n < 5; n += 1) {
        const headers = n % 2 === 0 ? { 'idempotency-key': `outbox-${n}-${Date.now()}` } : undefined;
        const created = await system.request('POST', '/api/incidents', { token, body: newIncidentBody({ title: `Nere ${n}` }), headers });
        expect(created.status).toBe(201);
        expect(created.body.workflowPending).toBe(true);
        ids.push(created.body.id);
      }
      const corrected = await system.request('PATCH', `/api/incidents/${ids[0]}/facts`, { token, body: { changes: { title: 'Nere, rättad' } } });
      expect(corrected.status).toBe(200);
      expect(corrected.body.factsVersion).toBe(2);
    } finally {
      workflows.start = start;
      workflows.recordFactsVersion = recordFactsVersion;
    }

    // The relay's timer (every 10 s) delivers without anyone asking.
    for (const id of ids) {
      const incident = await eventually(
        async () => {
          const view = (await system.request('GET', `/api/incidents/${id}`, { token })).body;
          return !view.workflowPending && view.clocksSource === 'workflow' && view.workflowFactsVersion === view.factsVersion ? view : undefined;
        },
        { timeoutMs: 60_000, what: `the workflow of ${id}` },
      );
      expect(incident.clocks.map((clock: { kind: string }) => clock.kind)).toContain('gdpr-art33');
    }
    // Delivered once: nothing is left, and another round changes nothing.
    expect(await system.app.get(WorkflowOutboxRelay).deliverPending()).toEqual({ delivered: 0, failed: 0 });
    const started = await system.dataSource.query(`SELECT incident_id, count(*)::int AS n FROM audit_events WHERE action = 'clock.started' AND incident_id = ANY($1) GROUP BY incident_id`, [ids]);
    expect(started.map((row: { n: number }) => row.n)).toEqual(ids.map(() => 1));
  });
});
