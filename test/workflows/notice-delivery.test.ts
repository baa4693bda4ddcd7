/**
 * Sending a notice: batches at the configured rate, pause and resume between batches, cancel,
 * and a batch that fails temporarily retried — with the deliveries faked, so only ids and counts
 * pass (as in production).
 */
import { describe, expect, it } from '@jest/globals';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import type { DeliverBatchInput, NoticeStatusInput } from '../../workflows/activity-contracts.js';
import {
  cancelDeliveryUpdate,
  deliveryStateQuery,
  pauseDeliveryUpdate,
  resumeDeliveryUpdate,
  type NoticeDeliveryInput,
} from '../../workflows/notices/notice-delivery.messages.js';
import { useTimeSkippingEnvironment } from '../support/time-skipping.js';

let env: TestWorkflowEnvironment;
let bundle: WorkflowBundleWithSourceMap;
useTimeSkippingEnvironment((created, bundled) => {
  env = created;
  bundle = bundled;
});

const responder = { userId: randomUUID(), role: 'responder' as const };

/** A queue of `total` deliveries the fake sends batch by batch; `failFirst` batches fail temporarily first. */
function fakeDeliveries(total: number, options: { failFirst?: number } = {}) {
  let remaining = total;
  let failures = options.failFirst ?? 0;
  const batchesAt: number[] = [];
  // Activity time is wall-clock time in the time-skipping test; only counts are compared.
  const statuses: string[] = [];
  return {
    batchesAt,
    statuses,
    get remaining() {
      return remaining;
    },
    activities: {
      async beginDelivery() {
        return { total };
      },
      async deliverBatch(input: DeliverBatchInput) {
        if (failures > 0) {
          failures -= 1;
          throw new Error('SMTP server unavailable');
        }
        batchesAt.push(Date.now());
        remaining = Math.max(0, remaining - input.batchSize);
        return { sent: input.batchSize, failed: 0, remaining };
      },
      async recordNoticeStatus(input: NoticeStatusInput) {
        statuses.push(input.status);
      },
    },
  };
}

async function withDelivery<T>(fake: ReturnType<typeof fakeDeliveries>, input: Partial<NoticeDeliveryInput>, run: (handle: Awaited<ReturnType<typeof env.client.workflow.start>>) => Promise<T>): Promise<T> {
  const taskQueue = `notices-${randomUUID()}`;
  const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: bundle, activities: fake.activities });
  return worker.runUntil(async () => {
    const handle = await env.client.workflow.start('noticeDeliveryWorkflow', {
      taskQueue,
      workflowId: `notice-delivery-${randomUUID()}`,
      args: [{ noticeId: randomUUID(), incidentId: randomUUID(), organisationId: randomUUID(), incidentWorkflowId: `incident-${randomUUID()}`, batchSize: 100, ratePerSecond: 10, actorId: responder.userId, ...input }],
    });
    return run(handle);
  });
}

describe('sending a notice', () => {
  it('sends batch after batch no faster than the rate, and ends sent', async () => {
    const fake = fakeDeliveries(500);
    const startedAt = await env.currentTimeMs();
    await withDelivery(fake, {}, async (handle) => {
      const state = await handle.result();
      expect(state).toEqual({ status: 'sent', total: 500, batches: 5 });
      // 100 per batch at 10 a second: ten seconds a batch, four waits between five batches (time is skipped).
      expect((await env.currentTimeMs()) - startedAt).toBeGreaterThanOrEqual(40_000);
      expect(fake.statuses).toEqual(['sent']);
    });
  }, 60_000);

  it('stops between batches while paused, goes on when resumed, and refuses a viewer', async () => {
    const fake = fakeDeliveries(1_000);
    await withDelivery(fake, {}, async (handle) => {
      await env.sleep(15_000);
      const paused = await handle.executeUpdate(pauseDeliveryUpdate, { args: [{ actor: responder }] });
      expect(paused.status).toBe('paused');
      const left = fake.remaining;
      await env.sleep(10 * 60_000);
      expect(fake.remaining).toBe(left);
      const refused = await handle.executeUpdate(resumeDeliveryUpdate, { args: [{ actor: { userId: randomUUID(), role: 'viewer' } }] }).then(
        () => undefined,
        (error: { cause?: { type?: string } }) => error.cause?.type,
      );
      expect(refused).toBe('breachflow.refusal.forbidden');
      await handle.executeUpdate(resumeDeliveryUpdate, { args: [{ actor: responder }] });
      expect((await handle.result()).status).toBe('sent');
      expect(fake.statuses).toEqual(['paused', 'sending', 'sent']);
    });
  }, 60_000);

  it('cancels: nothing more is sent and the incident is not told the people were informed', async () => {
    const fake = fakeDeliveries(1_000);
    await withDelivery(fake, {}, async (handle) => {
      await env.sleep(15_000);
      await handle.executeUpdate(cancelDeliveryUpdate, { args: [{ actor: responder }] });
      const state = await handle.result();
      expect(state.status).toBe('cancelled');
      expect(fake.remaining).toBeGreaterThan(0);
      expect(fake.statuses).toEqual(['cancelled']);
      expect((await handle.query(deliveryStateQuery)).status).toBe('cancelled');
    });
  }, 60_000);

  it('retries a batch that failed temporarily, with backoff', async () => {
    const fake = fakeDeliveries(200, { failFirst: 2 });
    await withDelivery(fake, {}, async (handle) => {
      expect((await handle.result()).status).toBe('sent');
      expect(fake.batchesAt).toHaveLength(2);
    });
  }, 60_000);
});
