/** The incident workflow learns each effective outcome and keeps the tracks it makes owed. */
import { describe, expect, it } from '@jest/globals';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import { incidentStateQuery, recordFactsVersionUpdate, recordRiskOutcomeUpdate } from '../../workflows/messages.js';
import { filingTrackWorkflowId, trackStateQuery } from '../../workflows/tracks/filing-track.messages.js';

import { eventually } from '../support/eventually.js';
import { useTimeSkippingEnvironment } from '../support/time-skipping.js';

let env: TestWorkflowEnvironment;
let bundle: WorkflowBundleWithSourceMap;
const activities = { recordClock: async () => undefined, recordReminderFired: async () => true, notifyTrack: async () => ({ recipients: 0 }) };

useTimeSkippingEnvironment((created, bundled) => {
  env = created;
  bundle = bundled;
});

describe('owed tracks in the incident workflow', () => {
  it('adds tracks as the outcome rises, keeps them as it falls, and follows an override', async () => {
    const taskQueue = `tracks-${randomUUID()}`;
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: bundle, activities });
    await worker.runUntil(async () => {
      const awareAt = new Date(await env.currentTimeMs()).toISOString();
      const incidentId = randomUUID();
      const handle = await env.client.workflow.start('incidentWorkflow', {
        taskQueue,
        workflowId: `incident-${randomUUID()}`,
        args: [{ incidentId, organisationId: randomUUID(), factsVersion: 1, awareAt, role: 'controller', outcome: null }],
      });
      // Every breach is documented (Art. 33(5)), before it is assessed.
      expect((await handle.query(incidentStateQuery)).tracks.map((t) => t.kind)).toEqual(['gdpr-art33-register']);

      const risk = await handle.executeUpdate(recordFactsVersionUpdate, { args: [{ version: 2, awareAt, outcome: 'risk' }] });
      expect(risk.tracks.map((t) => t.kind)).toEqual(['gdpr-art33-register', 'gdpr-art33']);
      // The newly owed Art. 33 filing starts its own workflow, which holds the 72-hour deadline.
      const art33 = env.client.workflow.getHandle(filingTrackWorkflowId(incidentId, 'gdpr-art33'));
      await eventually(async () => (await art33.query(trackStateQuery).catch(() => undefined))?.status === 'open');
      expect((await art33.query(trackStateQuery)).deadline).toBe(new Date(new Date(awareAt).getTime() + 72 * 3_600_000).toISOString());
      await eventually(async () => (await handle.query(incidentStateQuery)).trackStatus['gdpr-art33'] === 'open');

      const overridden = await handle.executeUpdate(recordRiskOutcomeUpdate, { args: [{ factsVersion: 2, outcome: 'high-risk' }] });
      expect(overridden.riskOutcome).toBe('high-risk');
      expect(overridden.tracks.map((t) => t.kind)).toEqual(['gdpr-art33-register', 'gdpr-art33', 'gdpr-art34']);

      const lowered = await handle.executeUpdate(recordFactsVersionUpdate, { args: [{ version: 3, awareAt, outcome: 'no-risk' }] });
      expect(lowered.tracks.map((t) => [t.kind, t.impliedByCurrentOutcome])).toEqual([
        ['gdpr-art33-register', true],
        ['gdpr-art33', false],
        ['gdpr-art34', false],
      ]);

      const stale = await handle.executeUpdate(recordRiskOutcomeUpdate, { args: [{ factsVersion: 2, outcome: 'risk' }] }).catch((e) => e);
      expect(stale.cause.message).toMatch(/current version is 3/);
      await handle.terminate();
      await art33.terminate();
    });
  }, 60_000);
});

describe('a processor', () => {
  it('owes its controllers the Art. 33(2) notice before any assessment, on the organisation’s target', async () => {
    const taskQueue = `tracks-${randomUUID()}`;
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: bundle, activities });
    await worker.runUntil(async () => {
      const now = await env.currentTimeMs();
      const incidentId = randomUUID();
      const handle = await env.client.workflow.start('incidentWorkflow', {
        taskQueue,
        workflowId: `incident-${incidentId}`,
        args: [{ incidentId, organisationId: randomUUID(), factsVersion: 1, awareAt: new Date(now).toISOString(), role: 'processor', outcome: null, processorNoticeHours: 12, affectedControllers: ['Region Norr'] }],
      });
      expect((await handle.query(incidentStateQuery)).tracks.map((t) => t.kind)).toEqual(['gdpr-art33-register', 'gdpr-art33-2']);
      const notice = env.client.workflow.getHandle(filingTrackWorkflowId(incidentId, 'gdpr-art33-2'));
      await eventually(async () => (await notice.query(trackStateQuery).catch(() => undefined)) !== undefined);
      expect((await notice.query(trackStateQuery)).deadline).toBe(new Date(now + 12 * 3_600_000).toISOString());
      await handle.terminate();
      await notice.terminate();
    });
  }, 60_000);
});
