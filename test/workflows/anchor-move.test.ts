/** Correcting awareAt on an incident whose Art. 33 track runs moves the track's deadline too. */
import { describe, expect, it } from '@jest/globals';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import { incidentStateQuery, recordFactsVersionUpdate } from '../../workflows/messages.js';
import { filingTrackWorkflowId, trackStateQuery } from '../../workflows/tracks/filing-track.messages.js';
import { eventually } from '../support/eventually.js';
import { useTimeSkippingEnvironment } from '../support/time-skipping.js';

const HOUR = 3_600_000;
let env: TestWorkflowEnvironment;
let bundle: WorkflowBundleWithSourceMap;
const activities = { recordClock: async () => undefined, recordReminderFired: async () => true, notifyTrack: async () => ({ recipients: 0 }) };

useTimeSkippingEnvironment((created, bundled) => {
  env = created;
  bundle = bundled;
});


describe('a corrected awareAt', () => {
  it('moves the running Art. 33 track’s deadline', async () => {
    const taskQueue = `anchor-${randomUUID()}`;
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: bundle, activities });
    await worker.runUntil(async () => {
      const now = await env.currentTimeMs();
      const incidentId = randomUUID();
      const handle = await env.client.workflow.start('incidentWorkflow', {
        taskQueue,
        workflowId: `incident-${incidentId}`,
        args: [{ incidentId, organisationId: randomUUID(), factsVersion: 1, awareAt: new Date(now - 2 * HOUR).toISOString(), role: 'controller', outcome: 'risk' }],
      });
      const track = env.client.workflow.getHandle(filingTrackWorkflowId(incidentId, 'gdpr-art33'));
      await eventually(async () => (await track.query(trackStateQuery).catch(() => undefined)) !== undefined);
      const corrected = new Date(now - 5 * HOUR).toISOString();
      await handle.executeUpdate(recordFactsVersionUpdate, { args: [{ version: 2, awareAt: corrected, outcome: 'risk' }] });
      await eventually(async () => (await track.query(trackStateQuery)).deadline === new Date(now - 5 * HOUR + 72 * HOUR).toISOString());
      expect((await handle.query(incidentStateQuery)).clocks[0].deadline).toBe(new Date(now - 5 * HOUR + 72 * HOUR).toISOString());
      await handle.terminate();
      await track.terminate();
    });
  }, 60_000);
});
