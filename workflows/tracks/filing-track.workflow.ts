import { allHandlersFinished, ApplicationFailure, condition, getExternalWorkflowHandle, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { ClockActivities } from '../../apps/worker/src/activities/clock.activities.js';
import type { FilingActivities } from '../../apps/worker/src/activities/filing.activities.js';
import type { NoticeActivities } from '../../apps/worker/src/activities/notice.activities.js';
import { ART33_SUPPLEMENT_WINDOW_MS, OVERDUE_ESCALATION_INTERVAL_MS, ESCALATION_FROM_FRACTION } from '../../libs/domain/src/gdpr/art33.js';
import { APPROVER_ROLES, INCIDENT_EDITORS } from '../../libs/domain/src/roles.js';
import { DeadlineClock } from '../deadline-clock.js';
import { trackStatusSignal } from '../messages.js';
import {
  approveFilingUpdate,
  createDraftUpdate,
  markNotRequiredUpdate,
  moveAnchorSignal,
  recordFilingUpdate,
  REFUSAL,
  rejectFilingUpdate,
  submitFilingUpdate,
  trackStateQuery,
  type Actor,
  type FilingDecision,
  type FilingTrackInput,
  type TrackFiling,
  type TrackState,
} from './filing-track.messages.js';

const activityOptions = {
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 },
} as const;
const filings = proxyActivities<FilingActivities>(activityOptions);
const clocks = proxyActivities<ClockActivities>(activityOptions);
const notices = proxyActivities<NoticeActivities>(activityOptions);

const refuse = (type: string, message: string): never => {
  throw ApplicationFailure.create({ type, message, nonRetryable: true });
};

function requireRole(actor: Actor, allowed: readonly string[], action: string): void {
  if (!allowed.includes(actor.role)) refuse(REFUSAL.forbidden, `${action} needs one of the roles ${allowed.join(', ')}; you are ${actor.role}`);
}

/**
 * One regulatory track of an incident: GDPR Art. 33 (report to IMY within 72 hours of
 * awareness) or Art. 33(2) (a processor's notice to its controllers). It holds the deadline,
 * reminds and escalates, takes the human steps (draft, submit, four-eyes approval, recorded
 * filing) as validated updates, and after the initial report keeps the Art. 33(4) supplement
 * clock running until a final report is filed.
 */
export async function filingTrackWorkflow(input: FilingTrackInput): Promise<TrackState> {
  const deadlineClock = new DeadlineClock(input.track, new Date(input.anchorAt), input.windowMs, input.reminderFractions);
  let supplementClock: DeadlineClock | undefined;
  const trackFilings: TrackFiling[] = [];
  let late: boolean | null = null;
  let firstFiledAt: Date | null = null;
  let notRequired: TrackState['notRequired'] = null;
  let complete = false;
  let lastEscalationAt: number | null = null;
  let changes = 0; // bumped by every message that can move the next wake-up
  const recipients = input.recipients?.length ? input.recipients : [null];

  const filed = () => trackFilings.filter((f) => f.status === 'filed');
  const initialFiledFor = (recipient: string | null) => filed().some((f) => f.recipient === recipient && f.kind !== 'no-breach');
  const allInitialFiled = () => recipients.every(initialFiledFor);
  const awaitingApproval = () => trackFilings.some((f) => f.status === 'awaiting-approval');
  const overdue = () => !allInitialFiled() && Date.now() >= deadlineClock.deadline.getTime();

  const status = (): TrackState['status'] => {
    if (notRequired) return 'not-required';
    if (complete) return 'complete';
    if (allInitialFiled()) return 'filed';
    if (awaitingApproval()) return 'awaiting-approval';
    return overdue() ? 'overdue' : 'open';
  };

  const state = (): TrackState => {
    const clock = supplementClock ?? deadlineClock;
    const next = status() === 'open' || status() === 'awaiting-approval' || status() === 'overdue' || status() === 'filed' ? clock.nextUnfired() : undefined;
    return {
      track: input.track,
      status: status(),
      deadline: deadlineClock.deadline.toISOString(),
      late,
      firstFiledAt: firstFiledAt?.toISOString() ?? null,
      supplementDeadline: supplementClock?.deadline.toISOString() ?? null,
      nextReminder: next && !complete && !notRequired ? { key: next.key, dueAt: next.dueAt.toISOString(), clock: supplementClock ? 'supplement' : 'deadline' } : null,
      reminders: [...deadlineClock.state(Date.now()).reminders, ...(supplementClock?.state(Date.now()).reminders ?? [])],
      filings: trackFilings.map((f) => ({ ...f })),
      notRequired,
    };
  };

  const find = (filingId: string): TrackFiling => {
    const filing = trackFilings.find((f) => f.filingId === filingId);
    if (!filing) return refuse(REFUSAL.conflict, `filing ${filingId} does not belong to this track`);
    return filing;
  };
  const ensureOpen = () => {
    if (notRequired) refuse(REFUSAL.conflict, 'this track was marked not required');
    if (complete) refuse(REFUSAL.conflict, 'this track is complete: a final report has been filed');
  };
  const ensureCurrent = (filing: TrackFiling, decision: FilingDecision) => {
    if (decision.revision !== filing.revision) {
      refuse(REFUSAL.conflict, `you reviewed revision ${decision.revision}, but the draft is now at revision ${filing.revision}: review it again`);
    }
  };

  setHandler(trackStateQuery, state);

  setHandler(
    createDraftUpdate,
    async (request) => {
      const existing = trackFilings.find((f) => f.filingId === request.filingId);
      const sequence = existing?.sequence ?? trackFilings.length + 1;
      const supersedes = [...filed()].reverse().find((f) => f.recipient === (request.recipient ?? null));
      const { revision } = await filings.renderDraft({
        filingId: request.filingId,
        incidentId: input.incidentId,
        organisationId: input.organisationId,
        track: input.track,
        kind: request.kind,
        language: request.language,
        sequence,
        authorId: existing?.authorId ?? request.actor.userId,
        recipient: request.recipient ?? null,
        informationToFollow: request.informationToFollow ?? null,
        noBreachJustification: request.noBreachJustification ?? null,
        delayReason: request.delayReason ?? null,
        deadline: deadlineClock.deadline.toISOString(),
        supersedesId: supersedes?.filingId ?? null,
        preparedAt: new Date(Date.now()).toISOString(),
      });
      if (existing) existing.revision = revision;
      else {
        trackFilings.push({
          filingId: request.filingId,
          sequence,
          kind: request.kind,
          status: 'draft',
          revision,
          authorId: request.actor.userId,
          recipient: request.recipient ?? null,
          filedAt: null,
        });
      }
      changes += 1;
      return state();
    },
    {
      validator: (request) => {
        ensureOpen();
        requireRole(request.actor, INCIDENT_EDITORS, 'drafting a report');
        const recipient = request.recipient ?? null;
        if (input.track === 'gdpr-art33-2' && input.recipients?.length && !input.recipients.includes(recipient ?? '')) {
          refuse(REFUSAL.unprocessable, `recipient must be one of the affected controllers: ${input.recipients.join(', ')}`);
        }
        const existing = trackFilings.find((f) => f.filingId === request.filingId);
        if (existing) {
          if (existing.status !== 'draft') refuse(REFUSAL.conflict, `the report is ${existing.status}; only a draft can be re-rendered`);
          return;
        }
        const open = trackFilings.find((f) => f.recipient === recipient && f.status !== 'filed');
        if (open) refuse(REFUSAL.conflict, `report ${open.sequence} is still ${open.status}: finish or re-render it first`);
        if (request.kind === 'initial' && initialFiledFor(recipient)) {
          refuse(REFUSAL.conflict, 'the initial report is already filed: draft a supplement or a final report');
        }
        if ((request.kind === 'supplement' || request.kind === 'final') && !initialFiledFor(recipient)) {
          refuse(REFUSAL.conflict, `a ${request.kind} report supplements a filed initial report, and none is filed yet`);
        }
        if (request.kind === 'no-breach' && !request.noBreachJustification) {
          refuse(REFUSAL.unprocessable, 'a "no breach after all" report needs its justification');
        }
      },
    },
  );

  setHandler(
    submitFilingUpdate,
    async (decision) => {
      const filing = find(decision.filingId);
      await filings.recordTransition({ filingId: filing.filingId, incidentId: input.incidentId, organisationId: input.organisationId, transition: 'submitted', revision: filing.revision, actorId: decision.actor.userId, comment: null });
      filing.status = 'awaiting-approval';
      changes += 1;
      return state();
    },
    {
      validator: (decision) => {
        ensureOpen();
        requireRole(decision.actor, INCIDENT_EDITORS, 'submitting a report for approval');
        const filing = find(decision.filingId);
        if (filing.status !== 'draft') refuse(REFUSAL.conflict, `the report is ${filing.status}, not a draft`);
        ensureCurrent(filing, decision);
      },
    },
  );

  const reviewValidator = (action: 'approving' | 'rejecting') => (decision: FilingDecision) => {
    ensureOpen();
    requireRole(decision.actor, APPROVER_ROLES, `${action} a report`);
    const filing = find(decision.filingId);
    if (filing.status !== 'awaiting-approval') refuse(REFUSAL.conflict, `the report is ${filing.status}, not awaiting approval`);
    if (filing.authorId === decision.actor.userId) {
      refuse(REFUSAL.conflict, 'four-eyes rule: you drafted this report, so another approver or the DPO must review it');
    }
    ensureCurrent(filing, decision);
    if (action === 'rejecting' && !decision.comment?.trim()) refuse(REFUSAL.unprocessable, 'a rejection needs a comment saying what to change');
  };

  setHandler(
    approveFilingUpdate,
    async (decision) => {
      const filing = find(decision.filingId);
      await filings.recordTransition({ filingId: filing.filingId, incidentId: input.incidentId, organisationId: input.organisationId, transition: 'approved', revision: filing.revision, actorId: decision.actor.userId, comment: decision.comment ?? null });
      filing.status = 'approved';
      changes += 1;
      return state();
    },
    { validator: reviewValidator('approving') },
  );

  setHandler(
    rejectFilingUpdate,
    async (decision) => {
      const filing = find(decision.filingId);
      await filings.recordTransition({ filingId: filing.filingId, incidentId: input.incidentId, organisationId: input.organisationId, transition: 'rejected', revision: filing.revision, actorId: decision.actor.userId, comment: decision.comment ?? null });
      filing.status = 'draft';
      changes += 1;
      return state();
    },
    { validator: reviewValidator('rejecting') },
  );

  setHandler(
    recordFilingUpdate,
    async (request) => {
      const filing = find(request.filingId);
      const filedAt = new Date(request.filedAt);
      // Lateness is judged once, at the first filing, and frozen: later corrections cannot undo it.
      const lateness = late ?? filedAt.getTime() > deadlineClock.deadline.getTime();
      await filings.recordFiled({
        filingId: filing.filingId,
        incidentId: input.incidentId,
        organisationId: input.organisationId,
        filedAt: request.filedAt,
        channel: request.channel,
        delayReason: request.delayReason ?? null,
        late: late === null ? lateness : filedAt.getTime() > deadlineClock.deadline.getTime(),
        actorId: request.actor.userId,
      });
      filing.status = 'filed';
      filing.filedAt = request.filedAt;
      if (late === null) {
        late = lateness;
        firstFiledAt = filedAt;
      }
      if (filing.kind === 'final' || filing.kind === 'no-breach') complete = true;
      else if (!supplementClock && allInitialFiled() && input.track === 'gdpr-art33') {
        supplementClock = new DeadlineClock(`${input.track}-supplement`, filedAt, ART33_SUPPLEMENT_WINDOW_MS, input.reminderFractions);
      } else if (allInitialFiled() && input.track === 'gdpr-art33-2') complete = true;
      changes += 1;
      return state();
    },
    {
      validator: (request) => {
        requireRole(request.actor, INCIDENT_EDITORS, 'recording a filing');
        const filing = find(request.filingId);
        if (filing.status === 'filed') refuse(REFUSAL.conflict, 'this report is already recorded as filed');
        if (filing.status !== 'approved') refuse(REFUSAL.conflict, `the report is ${filing.status}: it must be approved before it is filed`);
        const filedAt = new Date(request.filedAt).getTime();
        if (Number.isNaN(filedAt)) refuse(REFUSAL.unprocessable, 'filedAt is not a valid instant');
        if (filedAt > Date.now() + 2 * 60_000) refuse(REFUSAL.unprocessable, 'filedAt may not lie in the future');
        const lateNow = late ?? filedAt > deadlineClock.deadline.getTime();
        if (lateNow && late === null && !request.delayReason?.trim()) {
          refuse(REFUSAL.unprocessable, `the report is filed after the deadline (${deadlineClock.deadline.toISOString()}): Art. 33(1) requires the reasons for the delay (delayReason)`);
        }
      },
    },
  );

  setHandler(
    markNotRequiredUpdate,
    async (request) => {
      await filings.recordNotRequired({ incidentId: input.incidentId, organisationId: input.organisationId, track: input.track, reason: request.reason, actorId: request.actor.userId });
      notRequired = { reason: request.reason, decidedBy: request.actor.userId };
      changes += 1;
      return state();
    },
    {
      validator: (request) => {
        requireRole(request.actor, APPROVER_ROLES, 'deciding that a track is not required');
        if (notRequired) refuse(REFUSAL.conflict, 'this track is already marked not required');
        if (filed().length > 0) refuse(REFUSAL.conflict, 'a report has already been filed on this track: file a supplement or a "no breach after all" report instead');
        if (request.reason.trim().length < 20) refuse(REFUSAL.unprocessable, 'reason must explain the decision in at least 20 characters');
      },
    },
  );

  let clockMoved = false;
  setHandler(moveAnchorSignal, ({ anchorAt }) => {
    if (firstFiledAt !== null) return; // lateness is frozen by the first filing
    if (deadlineClock.moveAnchor(new Date(anchorAt))) {
      clockMoved = true;
      changes += 1;
    }
  });

  /** The case file keeps each track's deadline, for the daily digest and for reading without the workflow. */
  const recordClock = (reason: 'started' | 'moved') =>
    clocks.recordClock({
      incidentId: input.incidentId,
      organisationId: input.organisationId,
      kind: input.track,
      anchorAt: deadlineClock.anchorAt.toISOString(),
      deadlineAt: deadlineClock.deadline.toISOString(),
      reason,
    });
  await recordClock('started');

  const notify = (kind: 'reminder' | 'escalation' | 'overdue' | 'supplement-reminder', clock: DeadlineClock, reminderKey: string, dueAt: Date) =>
    notices.notifyTrack({
      incidentId: input.incidentId,
      organisationId: input.organisationId,
      track: input.track,
      kind,
      clockKind: clock.kind,
      reminderKey,
      dueAt: dueAt.toISOString(),
      deadline: clock.deadline.toISOString(),
      firedAt: new Date(Date.now()).toISOString(),
    });

  /** The incident decides whether it may close from what its tracks report. */
  let reported: string | undefined;
  const reportStatus = async () => {
    const current = status();
    const parent = workflowInfo().parent;
    if (current === reported || !parent) return;
    reported = current;
    await getExternalWorkflowHandle(parent.workflowId).signal(trackStatusSignal, { track: input.track, status: current });
  };

  while (!complete && !notRequired) {
    await reportStatus();
    if (clockMoved) {
      clockMoved = false;
      await recordClock('moved');
    }
    const clock = supplementClock ?? deadlineClock;
    const next = clock.nextUnfired();
    const escalationDue =
      !supplementClock && overdue() ? (lastEscalationAt ?? deadlineClock.deadline.getTime()) + OVERDUE_ESCALATION_INTERVAL_MS : undefined;
    const wakeAt = Math.min(next?.dueAt.getTime() ?? Infinity, escalationDue ?? Infinity);
    const seen = changes;
    const woke = () => changes !== seen || complete || notRequired !== null;
    // condition() without a timeout resolves to nothing, so "woken" is stated explicitly.
    const woken = wakeAt === Infinity ? (await condition(woke), true) : wakeAt > Date.now() && (await condition(woke, wakeAt - Date.now()));
    if (woken) continue;
    if (next && next.dueAt.getTime() <= Date.now()) {
      clock.markFired(next.key, new Date(Date.now()));
      if (supplementClock) {
        await notify('supplement-reminder', clock, next.key, next.dueAt);
        if (next.fraction >= 1) await notify('overdue', clock, `${next.key}-escalation`, next.dueAt);
        continue;
      }
      if (allInitialFiled()) continue;
      await notify(next.fraction >= 1 ? 'overdue' : 'reminder', clock, next.key, next.dueAt);
      // From 75 % of the window on, managers are told when nothing is waiting for their approval.
      if (next.fraction >= ESCALATION_FROM_FRACTION && (next.fraction >= 1 || !awaitingApproval())) {
        await notify('escalation', clock, `${next.key}-escalation`, next.dueAt);
      }
      if (next.fraction >= 1) lastEscalationAt = Date.now();
      continue;
    }
    if (escalationDue !== undefined && escalationDue <= Date.now()) {
      lastEscalationAt = escalationDue;
      await notify('overdue', deadlineClock, `overdue-${new Date(escalationDue).toISOString()}`, new Date(escalationDue));
    }
  }
  // Let the last update's caller read its answer before the run closes.
  await condition(allHandlersFinished);
  await reportStatus();
  return state();
}
