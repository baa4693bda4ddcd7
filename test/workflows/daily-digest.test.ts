/**
 * The daily digest sends each organisation on its own: one organisation whose digest keeps
 * failing is given up on for the day, and every other organisation's people get theirs.
 */
import { describe, expect, it } from '@jest/globals';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import type { OrganisationDigestInput } from '../../workflows/activity-contracts.js';
import type { DailyDigestOutcome } from '../../workflows/digest/daily-digest.workflow.js';
import { useTimeSkippingEnvironment } from '../support/time-skipping.js';

let env: TestWorkflowEnvironment;
let bundle: WorkflowBundleWithSourceMap;
useTimeSkippingEnvironment((created, bundled) => {
  env = created;
  bundle = bundled;
});

describe('the daily digest', () => {
  it("reaches every other organisation's people when one organisation's delivery throws, and gives that one up", async () => {
    const [healthy, broken, another] = [randomUUID(), randomUUID(), randomUUID()];
    const attempts = new Map<string, number>();
    const purged: string[] = [];
    const verified: string[] = [];
    const activities = {
      async listDigestOrganisations() {
        return [healthy, broken, another];
      },
      async sendOrganisationDigest(input: OrganisationDigestInput) {
        attempts.set(input.organisationId, (attempts.get(input.organisationId) ?? 0) + 1);
        if (input.organisationId === broken) throw new RangeError('Invalid time zone specified: Mars/Olympus');
        return { sent: 2, refused: input.organisationId === another ? 1 : 0 };
      },
      async purgeExpiredRecipients(input: { at: string }) {
        purged.push(input.at);
        return 0;
      },
      async verifyAuditTrail(input: { at: string }) {
        verified.push(input.at);
        return { intact: false as const, seq: '42', problem: 'edited' as const, alerted: 1 };
      },
    };
    const taskQueue = `digest-${randomUUID()}`;
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: bundle, activities });
    const outcome = await worker.runUntil(
      env.client.workflow.execute<() => Promise<DailyDigestOutcome>>('dailyDigestWorkflow', { taskQueue, workflowId: `daily-digest-${randomUUID()}`, args: [] }),
    );
    expect(outcome).toEqual({ sent: 4, refused: 1, failedOrganisations: [broken], auditTrail: { intact: false, seq: '42', problem: 'edited', alerted: 1 } });
    // Each healthy organisation's digest went out once; the broken one was retried to its limit, not forever.
    expect(attempts.get(healthy)).toBe(1);
    expect(attempts.get(another)).toBe(1);
    expect(attempts.get(broken)).toBe(11);
    expect(purged).toHaveLength(1);
    // The audit trail is verified once a day, at the schedule's time.
    expect(verified).toEqual(purged);
  }, 60_000);

  it('sends the digests even when the audit trail cannot be read today', async () => {
    const activities = {
      listDigestOrganisations: async () => [randomUUID()],
      sendOrganisationDigest: async () => ({ sent: 1, refused: 0 }),
      purgeExpiredRecipients: async () => 0,
      verifyAuditTrail: async (): Promise<never> => {
        throw new Error('connection refused');
      },
    };
    const taskQueue = `digest-${randomUUID()}`;
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: bundle, activities });
    const outcome = await worker.runUntil(
      env.client.workflow.execute<() => Promise<DailyDigestOutcome>>('dailyDigestWorkflow', { taskQueue, workflowId: `daily-digest-${randomUUID()}`, args: [] }),
    );
    expect(outcome).toEqual({ sent: 1, refused: 0, failedOrganisations: [] });
  }, 60_000);
});
