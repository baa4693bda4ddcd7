import type { INestApplicationContext } from '@nestjs/common';
import { Context } from '@temporalio/activity';
import { RecordClocks } from '../../../libs/application/src/clocks/record-clocks.js';
import { RecordFilingProgress } from '../../../libs/application/src/filings/record-filing-progress.js';
import { RenderFilingDraft } from '../../../libs/application/src/filings/render-filing-draft.js';
import { RecordClosed } from '../../../libs/application/src/incidents/record-closed.js';
import { NoticeDelivery } from '../../../libs/application/src/notices/notice-delivery.js';
import { PurgeRecipients } from '../../../libs/application/src/notices/purge-recipients.js';
import { RecordScreening } from '../../../libs/application/src/tracks/record-screening.js';
import { SendDailyDigests } from '../../../libs/application/src/notifications/daily-digest.js';
import { NotifyTrack } from '../../../libs/application/src/notifications/notify-track.js';
import { SendOrganisationDigest } from '../../../libs/application/src/notifications/organisation-digest.js';
import { PersonalDelivery } from '../../../libs/application/src/notifications/personal-delivery.js';
import { RefusedAddressAlert } from '../../../libs/application/src/notifications/refused-address-alert.js';
import { StaffMailing } from '../../../libs/application/src/notifications/staff-mailing.js';
import { ScheduledAuditVerification } from '../../../libs/application/src/audit/scheduled-audit-verification.js';
import type { BreachflowActivities } from '../../../workflows/activity-contracts.js';
import { nonRetryableWhenPermanent } from './permanent-failure.js';

/** The use-cases the worker's activities call. */
export const ACTIVITY_USE_CASES = [RecordClocks, RenderFilingDraft, RecordFilingProgress, RecordClosed, NotifyTrack, SendDailyDigests, SendOrganisationDigest, PersonalDelivery, RefusedAddressAlert, StaffMailing, RecordScreening, NoticeDelivery, PurgeRecipients, ScheduledAuditVerification];

/**
 * Every activity the workflows may call, by name, each a thin adapter to its use-case; the type
 * makes a missing or misnamed activity a compile error instead of a stuck workflow.
 */
export function breachflowActivities(context: INestApplicationContext): BreachflowActivities {
  const clocks = context.get(RecordClocks);
  const drafts = context.get(RenderFilingDraft);
  const progress = context.get(RecordFilingProgress);
  const closing = context.get(RecordClosed);
  const notices = context.get(NotifyTrack);
  const digests = context.get(SendDailyDigests);
  const organisationDigest = context.get(SendOrganisationDigest);
  const screenings = context.get(RecordScreening);
  const noticeDelivery = context.get(NoticeDelivery);
  const purge = context.get(PurgeRecipients);
  const auditVerification = context.get(ScheduledAuditVerification);
  return {
    recordClock: (input) => clocks.clock(input),
    recordReminderFired: (input) => clocks.reminderFired(input),
    renderDraft: (input) => drafts.execute(input),
    recordTransition: (input) => progress.transition(input),
    recordFiled: (input) => progress.filed(input),
    recordNotRequired: (input) => progress.notRequired(input),
    recordStageChange: (input) => progress.stageChanged(input),
    // The attempt lets a send give up on an address the server keeps deferring (STAFF_MAIL_DEFERRED_ATTEMPTS).
    notifyTrack: (input) => notices.execute(input, Context.current().info.attempt),
    recordClosed: (input) => closing.execute(input),
    recordScreening: (input) => screenings.execute(input),
    sendDailyDigests: (input) => digests.execute(input, Context.current().info.attempt),
    listDigestOrganisations: () => organisationDigest.organisations(),
    // The workflow gives up an organisation whose digest cannot succeed and goes on with the others.
    sendOrganisationDigest: (input) => nonRetryableWhenPermanent(() => organisationDigest.execute(input, Context.current().info.attempt)),
    beginDelivery: (input) => noticeDelivery.begin(input),
    // A batch beats while it sends, so a killed worker's batch is retried within the heartbeat timeout.
    deliverBatch: (input) => noticeDelivery.deliverBatch(input, () => Context.current().heartbeat()),
    recordNoticeStatus: (input) => noticeDelivery.recordStatus(input),
    purgeExpiredRecipients: (input) => purge.execute(input),
    verifyAuditTrail: (input) => auditVerification.execute(input, Context.current().info.attempt),
  };
}
