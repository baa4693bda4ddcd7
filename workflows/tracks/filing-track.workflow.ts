import type { UpdateDefinition } from '@temporalio/common';
import { allHandlersFinished, condition, getExternalWorkflowHandle, patched, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import { Mutex } from 'async-mutex';
import { ESCALATION_FROM_FRACTION, OVERDUE_ESCALATION_INTERVAL_MS } from '../../libs/domain/src/clocks/escalation.js';
import type { ScheduledReminder } from '../../libs/domain/src/clocks/reminder-schedule.js';
import { decideFilingStep, type FilingStepDecision, type FilingTrackEffect } from '../../libs/domain/src/tracks/decide-filing-step.js';
import type { Actor, FilingTrackCommand } from '../../libs/domain/src/tracks/filing-track-commands.js';
import { openFilingTrack, trackStatus, type FilingTrackState, type PendingDeadline } from '../../libs/domain/src/tracks/filing-track-state.js';
import { stageRulesOf } from '../../libs/domain/src/tracks/stages/stage-rules.js';
import type { ClockActivities, DraftContent, FilingActivities, NoticeActivities, TrackNoticeKind } from '../activity-contracts.js';
import { DeadlineClock } from '../deadline-clock.js';
import { trackStatusSignal } from '../messages.js';
import { refusalFailure } from '../refusal-failure.js';
import {
  approveFilingUpdate,
  createDraftUpdate,
  markNotRequiredUpdate,
  moveAnchorSignal,
  recordFilingUpdate,
  recordHandledUpdate,
  rejectFilingUpdate,
  renderDraftUpdate,
  requestIntermediateUpdate,
  submitFilingUpdate,
  trackStateQuery,
  type FilingTrackInput,
  type TrackState,
} from './filing-track.messages.js';

const activityOptions = {
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 },
} as const;
const filings = proxyActivities<FilingActivities>(activityOptions);
const clocks = proxyActivities<ClockActivities>(activityOptions);
const notices = proxyActivities<NoticeActivities>(activityOptions);

/**
 * One regulatory track of an incident, e.g. the Art. 33 report to IMY within 72 hours of
 * awareness, or a processor's Art. 33(2) notice to its controllers. The rules live in the domain
 * (`decideFilingStep`); this workflow is their durable shell: it holds the state, takes each human
 * step as an update (judged by the validator, then again under a lock, so two concurrent steps
 * can never both pass on the same state), persists it through activities, and keeps the clocks —
 * reminders, escalation, overdue repeats, after the first report the supplement period, and on
 * staged tracks (NIS2) a clock for each report still due.
 */
export async function filingTrackWorkflow(input: FilingTrackInput): Promise<TrackState> {
  // Runs started before these rules keep their behaviour on replay.
  const supplementsOnlyWhenAnnounced = patched('supplements-only-when-announced');
  const catchUpWithLatestReminder = patched('catch-up-with-latest-reminder-only');
  const wakeForStepsTakenWhileBusy = patched('wake-for-steps-taken-while-busy');
  const notRequiredNeedsSecondPerson = patched('four-eyes-on-not-required');
  const delayReasonFromApprovedDraft = patched('delay-reason-from-approved-draft');
  let track: FilingTrackState = openFilingTrack({
    supplementsOnlyWhenAnnounced,
    notRequiredNeedsSecondPerson,
    delayReasonFromApprovedDraft,
    track: input.track,
    anchorAt: input.anchorAt,
    windowMs: input.windowMs,
    timeZone: input.timeZone,
    settings: input.settings,
    recipients: input.recipients,
  });
  const stages = stageRulesOf(input.track);
  const deadlineClock = new DeadlineClock(input.track, new Date(input.anchorAt), input.windowMs, input.reminderFractions);
  let supplementClock: DeadlineClock | undefined;
  /** Staged tracks: a clock for each report due besides the first, by the stage's clock name. */
  const stageClocks = new Map<string, { clock: DeadlineClock; pending: PendingDeadline }>();
  const firstStagePending = () => stages.pendingDeadlines(track).some((pending) => pending.stage === stages.firstStage);
  let lastEscalationAt: number | null = null;
  let clockMoved = false;
  let changes = 0; // bumped by every step that can move the next wake-up
  // One step at a time: a step waits here while another persists, then is judged on the state that one left.
  const steps = new Mutex();

  const view = (): TrackState => {
    const now = Date.now();
    const ended = track.complete || track.notRequired !== null;
    // A clock reminds only while what it chases is owed: the first report, the supplements, each stage.
    const candidates = [
      ...(supplementClock ? [{ clock: supplementClock, name: 'supplement' }] : firstStagePending() ? [{ clock: deadlineClock, name: 'deadline' }] : []),
      ...[...stageClocks.entries()].map(([name, { clock }]) => ({ clock, name })),
    ];
    const next = ended
      ? undefined
      : candidates
          .map(({ clock, name }) => ({ reminder: clock.nextUnfired(), name }))
          .filter((candidate) => candidate.reminder !== undefined)
          .sort((a, b) => a.reminder!.dueAt.getTime() - b.reminder!.dueAt.getTime())[0];
    return {
      ...track,
      filings: track.filings.map((filing) => ({ ...filing })),
      status: trackStatus(track, now),
      pendingDeadlines: ended ? [] : stages.pendingDeadlines(track),
      nextReminder: next ? { key: next.reminder!.key, dueAt: next.reminder!.dueAt.toISOString(), clock: next.name } : null,
      reminders: [deadlineClock, ...(supplementClock ? [supplementClock] : []), ...[...stageClocks.values()].map(({ clock }) => clock)].flatMap((clock) => clock.state(now).reminders),
    };
  };

  const judge = (command: FilingTrackCommand, actor: Actor): Extract<FilingStepDecision, { ok: true }> => {
    const decision = decideFilingStep(track, command, actor, Date.now());
    if (!decision.ok) throw refusalFailure(decision.refusal);
    return decision;
  };

  const persist = async (effect: FilingTrackEffect, actor: Actor, content: DraftContent): Promise<void> => {
    const ids = { incidentId: input.incidentId, organisationId: input.organisationId };
    switch (effect.type) {
      case 'render':
        await filings.renderDraft({
          ...ids,
          filingId: effect.filing.filingId,
          track: input.track,
          kind: effect.filing.kind,
          sequence: effect.filing.sequence,
          revision: effect.filing.revision,
          authorId: effect.filing.authorId,
          editorId: actor.userId,
          recipient: effect.filing.recipient,
          deadline: effect.filing.deadline,
          supersedesId: effect.supersedesId,
          preparedAt: effect.preparedAt,
          content,
        });
        return;
      case 'transition':
        await filings.recordTransition({ ...ids, filingId: effect.filing.filingId, transition: effect.transition, revision: effect.filing.revision, actorId: actor.userId, comment: effect.comment });
        return;
      case 'filed':
        await filings.recordFiled({
          ...ids,
          filingId: effect.filing.filingId,
          filedAt: effect.filing.filedAt!,
          channel: effect.channel,
          delayReason: effect.delayReason,
          late: effect.late,
          actorId: actor.userId,
        });
        return;
      case 'not-required':
        await filings.recordNotRequired({ ...ids, track: input.track, reason: effect.reason, actorId: actor.userId });
        return;
      case 'stage-changed':
        await filings.recordStageChange({ ...ids, track: input.track, change: effect.change, at: effect.at, actorId: actor.userId });
        return;
      case 'anchor-moved':
      case 'none':
        return;
    }
  };

  const apply = (next: FilingTrackState) => {
    track = next;
    if (!supplementClock && track.supplementDeadline && track.firstFiledAt) {
      const start = new Date(track.firstFiledAt);
      supplementClock = new DeadlineClock(`${input.track}-supplement`, start, Date.parse(track.supplementDeadline) - start.getTime(), input.reminderFractions);
    }
    changes += 1;
  };

  /** A human step: refused early by the validator, judged again once it holds the lock, persisted, applied. */
  function step<Request extends { actor: Actor }>(
    update: UpdateDefinition<TrackState, [Request]>,
    command: (request: Request) => FilingTrackCommand,
    content: (request: Request) => DraftContent = () => ({}),
  ): void {
    setHandler(
      update,
      (request) =>
        steps.runExclusive(async () => {
          const decision = judge(command(request), request.actor);
          await persist(decision.effect, request.actor, content(request));
          apply(decision.state);
          return view();
        }),
      { validator: (request) => void judge(command(request), request.actor) },
    );
  }

  setHandler(trackStateQuery, view);
  // A draft id already on the track re-renders it (how earlier runs asked for a new revision).
  step(
    createDraftUpdate,
    (request) =>
      track.filings.some((filing) => filing.filingId === request.filingId)
        ? { type: 're-render', filingId: request.filingId }
        : {
            type: 'open-draft',
            filingId: request.filingId,
            kind: request.kind,
            recipient: request.recipient ?? null,
            noBreachJustification: request.noBreachJustification,
            language: request.language,
            announcesSupplements: request.supplementsToFollow !== undefined,
            completesReport: request.completesReport,
            delayReason: request.delayReason,
          },
    (request) => ({
      language: request.language,
      supplementsToFollow: request.supplementsToFollow ?? null,
      completesReport: request.completesReport ?? false,
      delayReason: request.delayReason ?? null,
      noBreachJustification: request.noBreachJustification ?? null,
      secrecyRequest: request.secrecyRequest ?? null,
    }),
  );
  step(
    renderDraftUpdate,
    ({ filingId, content }) => ({
      type: 're-render',
      filingId,
      ...(content.supplementsToFollow !== undefined && { announcesSupplements: content.supplementsToFollow !== null }),
      ...(content.completesReport !== undefined && { completesReport: content.completesReport }),
      ...(content.delayReason !== undefined && { delayReason: content.delayReason }),
    }),
    (request) => request.content,
  );
  step(submitFilingUpdate, ({ filingId, revision }) => ({ type: 'submit', filingId, revision }));
  step(approveFilingUpdate, ({ filingId, revision }) => ({ type: 'approve', filingId, revision }));
  step(rejectFilingUpdate, ({ filingId, revision, comment }) => ({ type: 'reject', filingId, revision, comment }));
  step(recordFilingUpdate, ({ filingId, filedAt, channel, delayReason }) => ({ type: 'record', filingId, filedAt, channel, delayReason }));
  step(markNotRequiredUpdate, ({ reason, proposedBy }) => ({ type: 'decide-not-required', reason, proposedBy }));
  step(requestIntermediateUpdate, ({ dueAt }) => ({ type: 'request-intermediate', dueAt }));
  step(recordHandledUpdate, ({ handledAt }) => ({ type: 'record-handled', handledAt }));

  setHandler(moveAnchorSignal, ({ anchorAt }) =>
    steps.runExclusive(() => {
      const decision = decideFilingStep(track, { type: 'move-anchor', anchorAt }, { userId: 'workflow', role: 'viewer' }, Date.now());
      if (!decision.ok || decision.effect.type !== 'anchor-moved') return;
      deadlineClock.moveAnchor(new Date(decision.effect.anchorAt));
      clockMoved = true;
      apply(decision.state);
    }),
  );

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

  const notify = (kind: TrackNoticeKind, clock: DeadlineClock, reminderKey: string, dueAt: Date) =>
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
    const current = trackStatus(track, Date.now());
    const parent = workflowInfo().parent;
    if (current === reported || !parent) return;
    reported = current;
    await getExternalWorkflowHandle(parent.workflowId).signal(trackStatusSignal, { track: input.track, status: current });
  };

  /** Tells people a reminder's moment has come: responders, and from 75 % of the window the managers too. */
  const sendReminder = async (clock: DeadlineClock, reminder: ScheduledReminder) => {
    if (clock === supplementClock) {
      await notify('supplement-reminder', clock, reminder.key, reminder.dueAt);
      if (reminder.fraction >= 1) await notify('overdue', clock, `${reminder.key}-escalation`, reminder.dueAt);
      return;
    }
    if (clock === deadlineClock ? !firstStagePending() : ![...stageClocks.values()].some((stage) => stage.clock === clock)) return;
    await notify(reminder.fraction >= 1 ? 'overdue' : 'reminder', clock, reminder.key, reminder.dueAt);
    // Managers are told when nothing is waiting for their approval.
    const awaitingApproval = track.filings.some((filing) => filing.status === 'awaiting-approval');
    if (reminder.fraction >= ESCALATION_FROM_FRACTION && (reminder.fraction >= 1 || !awaitingApproval)) {
      await notify('escalation', clock, `${reminder.key}-escalation`, reminder.dueAt);
    }
    if (reminder.fraction >= 1 && clock === deadlineClock) lastEscalationAt = Date.now();
  };

  /** Staged tracks: a clock for each report due besides the first, started (and recorded) when it becomes due. */
  const syncStageClocks = async () => {
    const pending = stages.pendingDeadlines(track).filter((due) => due.stage !== stages.firstStage);
    for (const name of [...stageClocks.keys()]) if (!pending.some((due) => due.clock === name)) stageClocks.delete(name);
    for (const due of pending) {
      if (stageClocks.get(due.clock)?.pending.deadline === due.deadline) continue;
      const anchor = new Date(due.anchorAt);
      const clock = new DeadlineClock(`${input.track}:${due.clock}`, anchor, Date.parse(due.deadline) - anchor.getTime(), input.reminderFractions);
      stageClocks.set(due.clock, { clock, pending: due });
      await clocks.recordClock({ incidentId: input.incidentId, organisationId: input.organisationId, kind: clock.kind, anchorAt: due.anchorAt, deadlineAt: due.deadline, reason: 'started' });
    }
  };

  while (!track.complete && !track.notRequired) {
    // A step taken while this iteration awaits an activity below must wake it: counted from here.
    const seenAtTop = changes;
    await reportStatus();
    if (clockMoved) {
      clockMoved = false;
      await recordClock('moved');
    }
    await syncStageClocks();
    const earliest = [supplementClock ?? deadlineClock, ...[...stageClocks.values()].map((stage) => stage.clock)]
      .map((candidate) => ({ clock: candidate, reminder: candidate.nextUnfired() }))
      .filter((candidate) => candidate.reminder !== undefined)
      .sort((a, b) => a.reminder!.dueAt.getTime() - b.reminder!.dueAt.getTime())[0];
    const clock = earliest?.clock ?? supplementClock ?? deadlineClock;
    const next = earliest?.reminder;
    // Until the first report is filed, escalation repeats after the deadline (the first repeat one interval after it).
    const escalationDue: number | undefined = !supplementClock && firstStagePending() ? (lastEscalationAt ?? deadlineClock.deadline.getTime()) + OVERDUE_ESCALATION_INTERVAL_MS : undefined;
    const wakeAt = Math.min(next?.dueAt.getTime() ?? Infinity, escalationDue ?? Infinity);
    const seen = wakeForStepsTakenWhileBusy ? seenAtTop : changes;
    // A step taken while this iteration awaited an activity or a signal may already have settled the track.
    const woke = () => changes !== seen || track.complete || track.notRequired !== null;
    // condition() without a timeout resolves to nothing, so "woken" is stated explicitly.
    const woken = wakeAt === Infinity ? (await condition(woke), true) : wakeAt > Date.now() && (await condition(woke, wakeAt - Date.now()));
    if (woken) continue;
    if (next && next.dueAt.getTime() <= Date.now()) {
      // Reminders whose moment passed together (a clock started late, say 70 h after awareness) are
      // one event: only the latest is sent, the earlier ones are marked as passed.
      const due = catchUpWithLatestReminder ? clock.dueUnfired(Date.now()) : [next];
      for (const passed of due) clock.markFired(passed.key, new Date(Date.now()));
      await sendReminder(clock, due[due.length - 1]);
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
  return view();
}
