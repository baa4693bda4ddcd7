/**
 * GDPR Art. 33(1): the supervisory authority is notified within 72 hours of awareness. The
 * incident workflow holds that clock and fires its reminders at 50 %, 75 % and 90 % of the
 * window and at the deadline — each exactly once, even when awareAt is corrected.
 */
import { describe, expect, it } from '@jest/globals';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import type { RecordClockInput, RecordReminderInput } from '../../workflows/activity-contracts.js';
import { incidentStateQuery, recordFactsVersionUpdate, type IncidentWorkflowInput } from '../../workflows/messages.js';
import { useTimeSkippingEnvironment } from '../support/time-skipping.js';

const HOUR = 3_600_000;
let env: TestWorkflowEnvironment;
let bundle: WorkflowBundleWithSourceMap;

useTimeSkippingEnvironment((created, bundled) => {
  env = created;
  bundle = bundled;
});

/** Activities that record what the workflow asked for, as the real ones write it to PostgreSQL. */
function recordingActivities() {
  const reminders: RecordReminderInput[] = [];
  const clocks: RecordClockInput[] = [];
  return {
    reminders,
    clocks,
    activities: {
      async recordClock(input: RecordClockInput) {
        clocks.push(input);
      },
      async recordReminderFired(input: RecordReminderInput) {
        reminders.push(input);
        return true;
      },
    },
  };
}

async function withWorker<T>(activities: object, run: (taskQueue: string) => Promise<T>): Promise<T> {
  const taskQueue = `art33-${randomUUID()}`;
  const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: bundle, activities });
  return worker.runUntil(run(taskQueue));
}

function input(awareAt: Date): IncidentWorkflowInput {
  return { incidentId: randomUUID(), organisationId: randomUUID(), factsVersion: 1, awareAt: awareAt.toISOString() };
}

const firedAfter = (firedAt: string, dueAt: string) => new Date(firedAt).getTime() - new Date(dueAt).getTime();

describe('the Art. 33 clock', () => {
  it('sets the deadline at awareAt + 72 hours and fires every reminder at its instant, once', async () => {
    const recorded = recordingActivities();
    await withWorker(recorded.activities, async (taskQueue) => {
      const awareAt = new Date(await env.currentTimeMs());
      const handle = await env.client.workflow.start('incidentWorkflow', {
        taskQueue,
        workflowId: `incident-${randomUUID()}`,
        args: [input(awareAt)],
      });
      const state = await handle.query(incidentStateQuery);
      expect(state.clocks[0].deadline).toBe(new Date(awareAt.getTime() + 72 * HOUR).toISOString());

      await env.sleep(80 * HOUR);
      const expected = [
        ['p50', 36],
        ['p75', 54],
        ['p90', 64.8],
        ['deadline', 72],
      ] as const;
      expect(recorded.reminders.map((r) => r.reminderKey)).toEqual(expected.map(([key]) => key));
      for (const [index, [, hours]] of expected.entries()) {
        const reminder = recorded.reminders[index];
        expect(reminder.dueAt).toBe(new Date(awareAt.getTime() + hours * HOUR).toISOString());
        // Fired at the instant it was due (the test server's timers are exact to the second).
        expect(firedAfter(reminder.firedAt, reminder.dueAt)).toBeGreaterThanOrEqual(0);
        expect(firedAfter(reminder.firedAt, reminder.dueAt)).toBeLessThan(1_000);
      }
      const after = await handle.query(incidentStateQuery);
      expect(after.clocks[0].status).toBe('overdue');
      expect(after.clocks[0].nextReminder).toBeNull();
      await env.sleep(24 * HOUR);
      expect(recorded.reminders).toHaveLength(4);
      await handle.terminate();
    });
  }, 120_000);

  it('fires no reminder before its instant', async () => {
    const recorded = recordingActivities();
    await withWorker(recorded.activities, async (taskQueue) => {
      const awareAt = new Date(await env.currentTimeMs());
      const handle = await env.client.workflow.start('incidentWorkflow', { taskQueue, workflowId: `incident-${randomUUID()}`, args: [input(awareAt)] });
      await env.sleep(36 * HOUR - 60_000);
      expect(recorded.reminders).toHaveLength(0);
      await env.sleep(2 * 60_000);
      expect(recorded.reminders.map((r) => r.reminderKey)).toEqual(['p50']);
      await handle.terminate();
    });
  }, 120_000);

  it('moves unfired reminders when awareAt is corrected, and never fires a reminder twice', async () => {
    const recorded = recordingActivities();
    await withWorker(recorded.activities, async (taskQueue) => {
      const awareAt = new Date(await env.currentTimeMs());
      const handle = await env.client.workflow.start('incidentWorkflow', { taskQueue, workflowId: `incident-${randomUUID()}`, args: [input(awareAt)] });
      await env.sleep(40 * HOUR); // p50 (36 h) has fired
      expect(recorded.reminders.map((r) => r.reminderKey)).toEqual(['p50']);

      // Awareness was in fact 10 hours later: the deadline moves later, p50 stays fired.
      const corrected = new Date(awareAt.getTime() + 10 * HOUR);
      const state = await handle.executeUpdate(recordFactsVersionUpdate, { args: [{ version: 2, awareAt: corrected.toISOString() }] });
      expect(state.clocks[0].deadline).toBe(new Date(corrected.getTime() + 72 * HOUR).toISOString());
      expect(state.clocks[0].nextReminder).toEqual({ key: 'p75', dueAt: new Date(corrected.getTime() + 54 * HOUR).toISOString() });

      await env.sleep(60 * HOUR);
      expect(recorded.reminders.map((r) => r.reminderKey)).toEqual(['p50', 'p75', 'p90', 'deadline']);
      expect(recorded.reminders[3].dueAt).toBe(new Date(corrected.getTime() + 72 * HOUR).toISOString());
      expect(recorded.clocks.map((c) => c.reason)).toEqual(['started', 'moved']);
      await handle.terminate();
    });
  }, 120_000);

  it('fires at once the reminders an earlier awareAt has already passed', async () => {
    const recorded = recordingActivities();
    await withWorker(recorded.activities, async (taskQueue) => {
      const now = new Date(await env.currentTimeMs());
      const handle = await env.client.workflow.start('incidentWorkflow', { taskQueue, workflowId: `incident-${randomUUID()}`, args: [input(now)] });
      await handle.executeUpdate(recordFactsVersionUpdate, { args: [{ version: 2, awareAt: new Date(now.getTime() - 60 * HOUR).toISOString() }] });
      await env.sleep(60_000);
      expect(recorded.reminders.map((r) => r.reminderKey)).toEqual(['p50', 'p75']);
      await handle.terminate();
    });
  }, 120_000);

  it('refuses a facts version that is not newer than the one it has', async () => {
    const recorded = recordingActivities();
    await withWorker(recorded.activities, async (taskQueue) => {
      const now = new Date(await env.currentTimeMs());
      const handle = await env.client.workflow.start('incidentWorkflow', { taskQueue, workflowId: `incident-${randomUUID()}`, args: [input(now)] });
      const refusal = await handle.executeUpdate(recordFactsVersionUpdate, { args: [{ version: 1, awareAt: now.toISOString() }] }).catch((e) => e);
      expect(refusal.cause.message).toMatch(/facts version 1 is not newer than version 1/);
      await handle.terminate();
    });
  }, 120_000);
});
