import { patched, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { DigestActivities } from '../activity-contracts.js';

const digests = proxyActivities<DigestActivities>({
  startToCloseTimeout: '10 minutes',
  retry: { initialInterval: '10 seconds', maximumInterval: '5 minutes', backoffCoefficient: 2 },
});

/**
 * Each morning (a Temporal Schedule), every organisation's approvers and DPO get their open clocks,
 * soonest first; and the contact details of people whose notices are done are purged once the
 * retention has passed.
 */
export async function dailyDigestWorkflow(): Promise<number> {
  // The schedule's nominal time names the digest, so a retried or late run is the same digest.
  const scheduledFor = workflowInfo().startTime;
  const sent = await digests.sendDailyDigests({ date: scheduledFor.toISOString().slice(0, 10), at: scheduledFor.toISOString() });
  if (patched('purge-notice-recipients')) await digests.purgeExpiredRecipients({ at: scheduledFor.toISOString() });
  return sent;
}
