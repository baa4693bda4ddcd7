import { log, patched, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { AuditTrailCheck, DigestActivities } from '../activity-contracts.js';

const retry = { initialInterval: '10 seconds', maximumInterval: '5 minutes', backoffCoefficient: 2 } as const;
const digests = proxyActivities<DigestActivities>({ startToCloseTimeout: '10 minutes', retry });
/**
 * One organisation's digest is tried for about half an hour (10 s doubling to 5 min, eleven
 * attempts) and then given up on for the day: retried forever, a broken organisation would keep
 * this run open, and the schedule skips tomorrow's run while today's is still going. One more
 * than STAFF_MAIL_DEFERRED_ATTEMPTS may be (at most 10), so a person whose mailbox stays full is
 * given up on before their organisation is.
 */
/** A long trail takes a while to walk; a database that stays away for the day is tried again tomorrow. */
const auditVerification = proxyActivities<DigestActivities>({ startToCloseTimeout: '30 minutes', retry: { ...retry, maximumAttempts: 6 } });
const organisationDigests = proxyActivities<DigestActivities>({ startToCloseTimeout: '5 minutes', retry: { ...retry, maximumAttempts: 11 } });

export interface DailyDigestOutcome {
  /** Digests delivered. */
  sent: number;
  /** Addresses refused for good (recorded and reported; not retried). */
  refused: number;
  /** Organisations whose digest could not be sent today (ids); everyone else got theirs. */
  failedOrganisations: string[];
  /** Today's verification of the audit trail (absent in runs from before it, and when it could not run). */
  auditTrail?: AuditTrailCheck;
}

/**
 * Each morning (a Temporal Schedule), every organisation's approvers and DPO get their open clocks,
 * soonest first; and the contact details of people whose notices are done are purged once the
 * retention has passed; and the audit trail is verified, the DPOs alerted when it is broken. Each organisation is sent in an activity of its own, all at once, so one
 * broken organisation neither fails nor delays anyone else's digest.
 */
export async function dailyDigestWorkflow(): Promise<DailyDigestOutcome> {
  // The schedule's nominal time names the digest, so a retried or late run is the same digest.
  const scheduledFor = workflowInfo().startTime;
  const day = { date: scheduledFor.toISOString().slice(0, 10), at: scheduledFor.toISOString() };
  let outcome: DailyDigestOutcome;
  // Runs started before each organisation had its own activity replay with the single one.
  if (patched('digest-per-organisation')) {
    const organisationIds = await digests.listDigestOrganisations();
    const results = await Promise.allSettled(organisationIds.map((organisationId) => organisationDigests.sendOrganisationDigest({ ...day, organisationId })));
    outcome = { sent: 0, refused: 0, failedOrganisations: [] };
    for (const [index, result] of results.entries()) {
      if (result.status === 'fulfilled') {
        outcome.sent += result.value.sent;
        outcome.refused += result.value.refused;
      } else outcome.failedOrganisations.push(organisationIds[index]);
    }
    if (outcome.failedOrganisations.length > 0) log.warn('daily digest not sent for some organisations', { organisationIds: outcome.failedOrganisations });
  } else {
    outcome = { sent: await digests.sendDailyDigests(day), refused: 0, failedOrganisations: [] };
  }
  if (patched('purge-notice-recipients')) await digests.purgeExpiredRecipients({ at: scheduledFor.toISOString() });
  if (patched('verify-audit-trail')) {
    try {
      outcome.auditTrail = await auditVerification.verifyAuditTrail({ at: scheduledFor.toISOString() });
    } catch {
      // The digests went out; a trail that could not be read today is verified tomorrow, its checkpoint still standing.
      log.warn('the audit trail could not be verified today');
    }
  }
  return outcome;
}
