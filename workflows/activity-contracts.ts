/**
 * What the workflows ask the worker to do, as types only: the worker implements each activity
 * (apps/worker/src/activities.ts registers exactly these names), the workflows call them
 * through `proxyActivities`. Every activity is idempotent: Temporal retries it after a crash,
 * and a retry writes and sends nothing twice. Inputs carry ids and instants, never a person's
 * contact details.
 */
import type { FilingKind, FilingLanguage } from '../libs/domain/src/filings/filing-input.js';
import type { TrackKind } from '../libs/domain/src/tracks/catalogue.js';
import type { ScreeningAnswers } from '../libs/domain/src/tracks/screening.js';

export interface RecordClockInput {
  incidentId: string;
  organisationId: string;
  kind: string;
  anchorAt: string;
  deadlineAt: string;
  reason: 'started' | 'moved';
}

export interface RecordReminderInput {
  incidentId: string;
  organisationId: string;
  kind: string;
  reminderKey: string;
  dueAt: string;
  firedAt: string;
}

/** What a person may change in a draft when it is (re-)rendered; what is left out keeps its earlier value. */
export interface DraftContent {
  language?: FilingLanguage;
  /** What will follow in a supplement (announces supplements, Art. 33(4)); null clears it. */
  supplementsToFollow?: string | null;
  /** A supplement that completes the report. */
  completesReport?: boolean;
  delayReason?: string | null;
  noBreachJustification?: string | null;
  /** What this report asks the recipient to keep confidential; null falls back to the organisation's default. */
  secrecyRequest?: string | null;
}

export interface RenderDraftInput {
  filingId: string;
  incidentId: string;
  organisationId: string;
  track: TrackKind;
  kind: FilingKind;
  sequence: number;
  /** The revision this render makes (1 for a new draft). */
  revision: number;
  authorId: string;
  /** Who renders this revision. */
  editorId: string;
  recipient: string | null;
  /** The deadline this report answers (ISO-8601), or null when none applies. */
  deadline: string | null;
  supersedesId: string | null;
  preparedAt: string;
  content: DraftContent;
}

export interface TransitionInput {
  filingId: string;
  incidentId: string;
  organisationId: string;
  transition: 'submitted' | 'approved' | 'rejected';
  revision: number;
  actorId: string;
  comment: string | null;
}

export interface RecordFiledInput {
  filingId: string;
  incidentId: string;
  organisationId: string;
  filedAt: string;
  channel: string;
  delayReason: string | null;
  /** Filed after the deadline this report answers. */
  late: boolean;
  actorId: string;
}

export interface RecordNotRequiredInput {
  incidentId: string;
  organisationId: string;
  track: TrackKind;
  reason: string;
  actorId: string;
}

export interface RecordStageChangeInput {
  incidentId: string;
  organisationId: string;
  track: TrackKind;
  change: 'intermediate-requested' | 'handled';
  at: string;
  actorId: string;
}

export type TrackNoticeKind = 'reminder' | 'escalation' | 'overdue' | 'supplement-reminder';

export interface TrackNoticeInput {
  incidentId: string;
  organisationId: string;
  track: TrackKind;
  kind: TrackNoticeKind;
  clockKind: string;
  reminderKey: string;
  dueAt: string;
  deadline: string;
  firedAt: string;
}

export interface TrackNoticeResult {
  recipients: number;
  /** Whose address the mail server refused for good: recorded, reported to the DPO and admins, not retried. */
  refused: number;
}

export interface RecordScreeningInput {
  /** Chosen by the workflow, so that a retried activity records the decision once. */
  screeningId: string;
  incidentId: string;
  organisationId: string;
  track: TrackKind;
  applies: boolean;
  reason: string;
  answers: ScreeningAnswers;
  actorId: string;
  decidedAt: string;
}

export interface RecordClosedInput {
  incidentId: string;
  organisationId: string;
  actorId: string;
}

export interface DailyDigestInput {
  /** The day of the digest (YYYY-MM-DD), part of each message's idempotency key. */
  date: string;
  at: string;
}

export interface OrganisationDigestInput extends DailyDigestInput {
  organisationId: string;
}

export interface OrganisationDigestResult {
  /** Digests delivered, now or by an earlier attempt. */
  sent: number;
  /** Addresses the mail server refused for good: recorded, reported to the DPO and admins, not retried. */
  refused: number;
}

/** The daily verification of the audit trail: event numbers and counts only, never an event's content. */
export type AuditTrailCheck =
  | { intact: true; events: number }
  | {
      intact: false;
      /** The first bad event. */
      seq: string;
      problem: 'edited' | 'inserted' | 'deleted' | 'tail-truncated';
      /** DPOs told (now or by an earlier run that found the same). */
      alerted: number;
    };

export interface ClockActivities {
  recordClock(input: RecordClockInput): Promise<void>;
  /** False when the reminder had already been recorded (a retry or a replay). */
  recordReminderFired(input: RecordReminderInput): Promise<boolean>;
}

export interface FilingActivities {
  /** Renders the report from the current facts and assessment and stores the revision. */
  renderDraft(input: RenderDraftInput): Promise<{ missing: number }>;
  recordTransition(input: TransitionInput): Promise<void>;
  recordFiled(input: RecordFiledInput): Promise<void>;
  recordNotRequired(input: RecordNotRequiredInput): Promise<void>;
  /** A staged track's change that moves a deadline (a CSIRT request, the incident handled), with its audit event. */
  recordStageChange(input: RecordStageChangeInput): Promise<void>;
}

export interface NoticeActivities {
  /** Tells the people a clock needs, one message each. */
  notifyTrack(input: TrackNoticeInput): Promise<TrackNoticeResult>;
}

export interface IncidentActivities {
  recordClosed(input: RecordClosedInput): Promise<void>;
  /** A screening decision with its answers and reason, with its audit event. */
  recordScreening(input: RecordScreeningInput): Promise<void>;
}

export interface DigestActivities {
  /** Every organisation's digests at once: only runs started before `digest-per-organisation` call it. */
  sendDailyDigests(input: DailyDigestInput): Promise<number>;
  /** The ids of the organisations to send a digest to. */
  listDigestOrganisations(): Promise<string[]>;
  /** One organisation's digests, one per person; idempotent per day and person. */
  sendOrganisationDigest(input: OrganisationDigestInput): Promise<OrganisationDigestResult>;
  /** Purges recipients' contact details whose retention has passed; returns how many. */
  purgeExpiredRecipients(input: { at: string }): Promise<number>;
  /** Verifies the audit trail and records a checkpoint; a broken trail is reported to the DPOs, once per finding. */
  verifyAuditTrail(input: { at: string }): Promise<AuditTrailCheck>;
}

/** Every activity the worker registers, by name. */
export type BreachflowActivities = DeliveryActivities & ClockActivities & FilingActivities & NoticeActivities & IncidentActivities & DigestActivities;

export interface BeginDeliveryInput {
  noticeId: string;
  actorId: string;
}

export interface DeliverBatchInput {
  noticeId: string;
  batchSize: number;
}

export interface DeliverBatchResult {
  sent: number;
  failed: number;
  /** Deliveries still to go after this batch. */
  remaining: number;
}

export interface NoticeStatusInput {
  noticeId: string;
  status: 'sending' | 'paused' | 'cancelled' | 'sent';
  actorId: string;
}

/** An Art. 34 notice going out: ids in, counts out; no address ever passes through a workflow. */
export interface DeliveryActivities {
  /** Marks the notice as sending and queues one delivery per person it reaches (once); returns how many. */
  beginDelivery(input: BeginDeliveryInput): Promise<{ total: number }>;
  /** Sends the next batch, one message per person, each recorded as sent or failed. */
  deliverBatch(input: DeliverBatchInput): Promise<DeliverBatchResult>;
  /** Records the notice's status (paused, resumed, cancelled, sent) with its audit event, once. */
  recordNoticeStatus(input: NoticeStatusInput): Promise<void>;
}
