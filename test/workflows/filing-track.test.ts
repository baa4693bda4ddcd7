/**
 * The Art. 33 track: the 72-hour clock, reminders and escalation, overdue escalation every
 * 12 hours, four-eyes approval, recorded filing with frozen lateness, the four-week supplement
 * clock, and the processor's Art. 33(2) track — each step a validated update.
 */
import { describe, expect, it } from '@jest/globals';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import type { TrackNoticeInput } from '../../workflows/activity-contracts.js';
import {
  approveFilingUpdate,
  createDraftUpdate,
  markNotRequiredUpdate,
  moveAnchorSignal,
  recordFilingUpdate,
  rejectFilingUpdate,
  renderDraftUpdate,
  requestIntermediateUpdate,
  submitFilingUpdate,
  trackStateQuery,
  type FilingTrackInput,
} from '../../workflows/tracks/filing-track.messages.js';
import { windowEnd } from '../../libs/domain/src/tracks/decide-filing-step.js';
import { useTimeSkippingEnvironment } from '../support/time-skipping.js';

const HOUR = 3_600_000;
const responder = { userId: randomUUID(), role: 'responder' as const };
const approver = { userId: randomUUID(), role: 'approver' as const };
const dpo = { userId: randomUUID(), role: 'dpo' as const };
let env: TestWorkflowEnvironment;
let bundle: WorkflowBundleWithSourceMap;

useTimeSkippingEnvironment((created, bundled) => {
  env = created;
  bundle = bundled;
});

/** `holdClock` lets a test keep the workflow busy recording a clock while it takes another step. */
function fakeActivities(holdClock: (kind: string) => Promise<void> = async () => undefined) {
  const notices: TrackNoticeInput[] = [];
  const clocks: string[] = [];
  const filed: Array<{ filingId: string; late: boolean; delayReason: string | null }> = [];
  const transitions: Array<{ transition: string }> = [];
  return {
    notices,
    clocks,
    filed,
    transitions,
    activities: {
      async recordClock(input: { kind: string }) {
        await holdClock(input.kind);
        clocks.push(input.kind);
      },
      async renderDraft() {
        return { missing: 0 };
      },
      async recordTransition(input: { transition: string }) {
        transitions.push(input);
      },
      async recordFiled(input: { filingId: string; late: boolean; delayReason: string | null }) {
        filed.push(input);
      },
      async recordNotRequired() {},
      async recordStageChange() {},
      async notifyTrack(input: TrackNoticeInput) {
        notices.push(input);
        return { recipients: 1 };
      },
    },
  };
}

async function withTrack<T>(
  overrides: Partial<FilingTrackInput> | ((start: number) => Partial<FilingTrackInput>),
  run: (ctx: { handle: Awaited<ReturnType<typeof env.client.workflow.start>>; start: number; fake: ReturnType<typeof fakeActivities> }) => Promise<T>,
  holdClock?: (kind: string) => Promise<void>,
): Promise<T> {
  const fake = fakeActivities(holdClock);
  const taskQueue = `track-${randomUUID()}`;
  const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: bundle, activities: fake.activities });
  return worker.runUntil(async () => {
    const start = await env.currentTimeMs();
    const input: FilingTrackInput = {
      incidentId: randomUUID(),
      organisationId: randomUUID(),
      track: 'gdpr-art33',
      anchorAt: new Date(start).toISOString(),
      windowMs: 72 * HOUR,
      ...(typeof overrides === 'function' ? overrides(start) : overrides),
    };
    const handle = await env.client.workflow.start('filingTrackWorkflow', { taskQueue, workflowId: `track-${randomUUID()}`, args: [input] });
    await handle.query(trackStateQuery);
    try {
      return await run({ handle, start, fake });
    } finally {
      await handle.terminate().catch(() => undefined);
    }
  });
}

const kinds = (notices: TrackNoticeInput[]) => notices.map((n) => `${n.kind}:${n.reminderKey}`);
const refusal = (promise: Promise<unknown>) => promise.then(() => undefined, (e) => e.cause as { type: string; message: string });

async function approvedDraft(
  handle: Awaited<ReturnType<typeof env.client.workflow.start>>,
  kind: 'initial' | 'supplement' | 'early-warning' | 'notification' | 'final' = 'initial',
  options: { supplementsToFollow?: string; completesReport?: boolean; delayReason?: string } = {},
) {
  const filingId = randomUUID();
  await handle.executeUpdate(createDraftUpdate, { args: [{ filingId, kind, language: 'sv', actor: responder, ...options }] });
  await handle.executeUpdate(submitFilingUpdate, { args: [{ filingId, revision: 1, actor: responder }] });
  await handle.executeUpdate(approveFilingUpdate, { args: [{ filingId, revision: 1, actor: approver }] });
  return filingId;
}

describe('the Art. 33 clock and its reminders', () => {
  it('reminds at 50 %, 75 % and 90 %, escalates from 75 % when nothing awaits approval, and is overdue at the deadline', async () => {
    await withTrack({}, async ({ handle, start, fake }) => {
      await env.sleep(36 * HOUR + 1_000);
      expect(kinds(fake.notices)).toEqual(['reminder:p50']);
      await env.sleep(18 * HOUR);
      expect(kinds(fake.notices)).toEqual(['reminder:p50', 'reminder:p75', 'escalation:p75-escalation']);
      await env.sleep(18 * HOUR);
      expect(kinds(fake.notices)).toEqual([
        'reminder:p50',
        'reminder:p75',
        'escalation:p75-escalation',
        'reminder:p90',
        'escalation:p90-escalation',
        'overdue:deadline',
        'escalation:deadline-escalation',
      ]);
      for (const notice of fake.notices.filter((n) => !n.reminderKey.startsWith('overdue'))) {
        const fired = new Date(notice.firedAt).getTime() - new Date(notice.dueAt).getTime();
        expect(fired).toBeGreaterThanOrEqual(0);
        expect(fired).toBeLessThan(1_000);
      }
      expect(fake.notices[3].dueAt).toBe(new Date(start + 64.8 * HOUR).toISOString());
      expect((await handle.query(trackStateQuery)).status).toBe('overdue');
    });
  }, 60_000);

  it('repeats the overdue escalation every 12 hours until the report is filed, and never sends a reminder twice', async () => {
    await withTrack({}, async ({ handle, fake }) => {
      await env.sleep(72 * HOUR + 36 * HOUR + 1_000);
      const overdue = fake.notices.filter((n) => n.kind === 'overdue');
      expect(overdue.map((n) => n.reminderKey)).toEqual(['deadline', expect.stringMatching(/^overdue-/), expect.stringMatching(/^overdue-/), expect.stringMatching(/^overdue-/)]);
      expect(new Set(fake.notices.map((n) => `${n.kind}:${n.reminderKey}`)).size).toBe(fake.notices.length);
      const filingId = await approvedDraft(handle, 'initial', { delayReason: 'The forensic report arrived late.' });
      await handle.executeUpdate(recordFilingUpdate, {
        args: [{ filingId, filedAt: new Date(await env.currentTimeMs()).toISOString(), channel: 'imy-e-service', actor: responder }],
      });
      const before = fake.notices.filter((n) => n.kind === 'overdue').length;
      await env.sleep(48 * HOUR);
      expect(fake.notices.filter((n) => n.kind === 'overdue').length).toBe(before);
    });
  }, 60_000);

  it('does not escalate a reminder while a draft awaits approval', async () => {
    await withTrack({}, async ({ handle, fake }) => {
      const filingId = randomUUID();
      await handle.executeUpdate(createDraftUpdate, { args: [{ filingId, kind: 'initial', language: 'en', actor: responder }] });
      await handle.executeUpdate(submitFilingUpdate, { args: [{ filingId, revision: 1, actor: responder }] });
      await env.sleep(55 * HOUR);
      expect(kinds(fake.notices)).toEqual(['reminder:p50', 'reminder:p75']);
      expect((await handle.query(trackStateQuery)).status).toBe('awaiting-approval');
    });
  }, 60_000);

  it('moves the deadline when awareAt is corrected before the first filing', async () => {
    await withTrack({}, async ({ handle, start }) => {
      await handle.signal(moveAnchorSignal, { anchorAt: new Date(start + 5 * HOUR).toISOString() });
      await env.sleep(1_000);
      expect((await handle.query(trackStateQuery)).deadline).toBe(new Date(start + 77 * HOUR).toISOString());
    });
  }, 60_000);

  it('freezes lateness at the first filing: correcting awareAt afterwards cannot undo it', async () => {
    await withTrack({}, async ({ handle, start, fake }) => {
      await env.sleep(80 * HOUR);
      const withoutReasons = await approvedDraft(handle);
      const missingReason = await refusal(
        handle.executeUpdate(recordFilingUpdate, { args: [{ filingId: withoutReasons, filedAt: new Date(await env.currentTimeMs()).toISOString(), channel: 'imy-e-service', actor: responder }] }),
      );
      expect(missingReason).toMatchObject({ type: 'breachflow.refusal.unprocessable', message: expect.stringMatching(/reasons for the delay/) });
      // The reasons are the approved draft's: a new revision carries them and is approved again.
      const reasons = 'Awareness was established only after the forensic report.';
      await handle.executeUpdate(renderDraftUpdate, { args: [{ filingId: withoutReasons, actor: responder, content: { delayReason: reasons } }] });
      await handle.executeUpdate(submitFilingUpdate, { args: [{ filingId: withoutReasons, revision: 2, actor: responder }] });
      await handle.executeUpdate(approveFilingUpdate, { args: [{ filingId: withoutReasons, revision: 2, actor: approver }] });
      const swapped = await refusal(
        handle.executeUpdate(recordFilingUpdate, {
          args: [{ filingId: withoutReasons, filedAt: new Date(await env.currentTimeMs()).toISOString(), channel: 'imy-e-service', delayReason: 'Reasons nobody approved.', actor: responder }],
        }),
      );
      expect(swapped).toMatchObject({ type: 'breachflow.refusal.unprocessable' });
      await handle.executeUpdate(recordFilingUpdate, { args: [{ filingId: withoutReasons, filedAt: new Date(await env.currentTimeMs()).toISOString(), channel: 'imy-e-service', actor: responder }] });
      expect(fake.filed[0]).toMatchObject({ late: true, delayReason: reasons });
      await handle.signal(moveAnchorSignal, { anchorAt: new Date(start + 20 * HOUR).toISOString() });
      await env.sleep(1_000);
      const state = await handle.query(trackStateQuery);
      expect(state.late).toBe(true);
      expect(state.deadline).toBe(new Date(start + 72 * HOUR).toISOString());
    });
  }, 60_000);
});

describe('a clock started late', () => {
  it('sends one reminder for the latest threshold passed, not one for each threshold missed', async () => {
    // The track starts 70 hours after awareness: 50 %, 75 % and 90 % of the 72 hours have all passed.
    await withTrack((start) => ({ anchorAt: new Date(start - 70 * HOUR).toISOString() }), async ({ fake }) => {
      await env.sleep(1_000);
      expect(kinds(fake.notices)).toEqual(['reminder:p90', 'escalation:p90-escalation']);
      await env.sleep(2 * HOUR);
      expect(kinds(fake.notices)).toEqual(['reminder:p90', 'escalation:p90-escalation', 'overdue:deadline', 'escalation:deadline-escalation']);
    });
  }, 60_000);
});

describe('approval', () => {
  it('refuses self-approval, a responder, and a stale revision, each with its message', async () => {
    await withTrack({}, async ({ handle }) => {
      const filingId = randomUUID();
      const author = { userId: approver.userId, role: 'approver' as const };
      await handle.executeUpdate(createDraftUpdate, { args: [{ filingId, kind: 'initial', language: 'sv', actor: author }] });
      await handle.executeUpdate(submitFilingUpdate, { args: [{ filingId, revision: 1, actor: author }] });
      expect(await refusal(handle.executeUpdate(approveFilingUpdate, { args: [{ filingId, revision: 1, actor: author }] }))).toMatchObject({
        type: 'breachflow.refusal.conflict',
        message: expect.stringMatching(/four-eyes/),
      });
      expect(await refusal(handle.executeUpdate(approveFilingUpdate, { args: [{ filingId, revision: 1, actor: responder }] }))).toMatchObject({
        type: 'breachflow.refusal.forbidden',
        message: expect.stringMatching(/approver, dpo; you are responder/),
      });
      await handle.executeUpdate(rejectFilingUpdate, { args: [{ filingId, revision: 1, actor: dpo, comment: 'Add the measures taken.' }] });
      await handle.executeUpdate(renderDraftUpdate, { args: [{ filingId, actor: responder, content: {} }] });
      await handle.executeUpdate(submitFilingUpdate, { args: [{ filingId, revision: 2, actor: responder }] });
      expect(await refusal(handle.executeUpdate(approveFilingUpdate, { args: [{ filingId, revision: 1, actor: dpo }] }))).toMatchObject({
        type: 'breachflow.refusal.stale',
        message: expect.stringMatching(/revision 1, but the report is now at revision 2/),
      });
      // The re-render was the responder's: the first author may now approve it.
      const approved = await handle.executeUpdate(approveFilingUpdate, { args: [{ filingId, revision: 2, actor: author }] });
      expect(approved.filings[0].status).toBe('approved');
    });
  }, 60_000);

  it('lets exactly one of a concurrent approval and rejection of the same revision pass', async () => {
    await withTrack({}, async ({ handle, fake }) => {
      const filingId = randomUUID();
      await handle.executeUpdate(createDraftUpdate, { args: [{ filingId, kind: 'initial', language: 'sv', actor: responder }] });
      await handle.executeUpdate(submitFilingUpdate, { args: [{ filingId, revision: 1, actor: responder }] });
      const outcomes = await Promise.allSettled([
        handle.executeUpdate(approveFilingUpdate, { args: [{ filingId, revision: 1, actor: approver }] }),
        handle.executeUpdate(rejectFilingUpdate, { args: [{ filingId, revision: 1, actor: dpo, comment: 'Not yet.' }] }),
      ]);
      expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
      const [loser] = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
      expect(loser.reason.cause).toMatchObject({ type: 'breachflow.refusal.conflict' });
      expect(fake.transitions.filter((t) => t.transition !== 'submitted')).toHaveLength(1);
    });
  }, 60_000);

  it('undoes an approval when the report is rendered again', async () => {
    await withTrack({}, async ({ handle }) => {
      const filingId = await approvedDraft(handle);
      const state = await handle.executeUpdate(renderDraftUpdate, { args: [{ filingId, actor: responder, content: { supplementsToFollow: 'The number of records follows.' } }] });
      expect(state.filings[0]).toMatchObject({ status: 'draft', revision: 2, lastEditorId: responder.userId });
    });
  }, 60_000);

  it('refuses to record a report that is not approved, and a second recording', async () => {
    await withTrack({}, async ({ handle }) => {
      const draftId = randomUUID();
      await handle.executeUpdate(createDraftUpdate, { args: [{ filingId: draftId, kind: 'initial', language: 'sv', actor: responder }] });
      const now = new Date(await env.currentTimeMs()).toISOString();
      expect(await refusal(handle.executeUpdate(recordFilingUpdate, { args: [{ filingId: draftId, filedAt: now, channel: 'imy-e-service', actor: responder }] }))).toMatchObject({
        type: 'breachflow.refusal.conflict',
        message: expect.stringMatching(/must be approved/),
      });
    });
  }, 60_000);
});

describe('supplements (Art. 33(4))', () => {
  it('runs the four-week supplement clock when the initial report announced supplements, until one completes the report', async () => {
    await withTrack({}, async ({ handle, fake }) => {
      await env.sleep(10 * HOUR);
      const initial = await approvedDraft(handle, 'initial', { supplementsToFollow: 'The number of records follows.' });
      const filedAt = await env.currentTimeMs();
      const afterInitial = await handle.executeUpdate(recordFilingUpdate, { args: [{ filingId: initial, filedAt: new Date(filedAt).toISOString(), channel: 'imy-e-service', actor: responder }] });
      expect(afterInitial.status).toBe('filed');
      expect(afterInitial.late).toBe(false);
      expect(afterInitial.supplementDeadline).toBe(windowEnd({ basis: 'calendar-weeks', weeks: 4 }, new Date(filedAt).toISOString(), 'Europe/Stockholm'));
      await env.sleep(14 * 24 * HOUR + 1_000);
      expect(kinds(fake.notices.filter((n) => n.kind === 'supplement-reminder'))).toEqual(['supplement-reminder:p50']);
      expect(fake.notices.some((n) => n.kind === 'reminder')).toBe(false);

      const completing = await approvedDraft(handle, 'supplement', { completesReport: true });
      const done = await handle.executeUpdate(recordFilingUpdate, { args: [{ filingId: completing, filedAt: new Date(await env.currentTimeMs()).toISOString(), channel: 'imy-e-service', actor: responder }] });
      expect(done.status).toBe('complete');
      expect(done.late).toBe(false);
      const state = await handle.result();
      expect(state.status).toBe('complete');
    });
  }, 60_000);

  it('leaves the track filed and quiet when the initial report announced no supplements', async () => {
    await withTrack({}, async ({ handle, fake }) => {
      await env.sleep(10 * HOUR);
      const initial = await approvedDraft(handle);
      const state = await handle.executeUpdate(recordFilingUpdate, {
        args: [{ filingId: initial, filedAt: new Date(await env.currentTimeMs()).toISOString(), channel: 'imy-e-service', actor: responder }],
      });
      expect(state).toMatchObject({ status: 'filed', supplementDeadline: null, nextReminder: null });
      const before = fake.notices.length;
      await env.sleep(40 * 24 * HOUR);
      expect(fake.notices.length).toBe(before);
      expect((await handle.query(trackStateQuery)).status).toBe('filed');
    });
  }, 60_000);

  it('refuses a supplement before the initial report and a second initial report', async () => {
    await withTrack({}, async ({ handle }) => {
      expect(await refusal(handle.executeUpdate(createDraftUpdate, { args: [{ filingId: randomUUID(), kind: 'supplement', language: 'sv', actor: responder }] }))).toMatchObject({
        type: 'breachflow.refusal.conflict',
      });
      const initial = await approvedDraft(handle);
      await handle.executeUpdate(recordFilingUpdate, { args: [{ filingId: initial, filedAt: new Date(await env.currentTimeMs()).toISOString(), channel: 'imy-e-service', actor: responder }] });
      expect(await refusal(handle.executeUpdate(createDraftUpdate, { args: [{ filingId: randomUUID(), kind: 'initial', language: 'sv', actor: responder }] }))).toMatchObject({
        type: 'breachflow.refusal.conflict',
        message: expect.stringMatching(/already filed/),
      });
    });
  }, 60_000);
});

describe('a track decided not required', () => {
  it('needs an approver and a reason, stops the clock, and is refused once a report is filed', async () => {
    await withTrack({}, async ({ handle, fake }) => {
      expect(await refusal(handle.executeUpdate(markNotRequiredUpdate, { args: [{ reason: 'The data was encrypted with a safe key.', actor: responder, proposedBy: approver.userId }] }))).toMatchObject({
        type: 'breachflow.refusal.forbidden',
      });
      const state = await handle.executeUpdate(markNotRequiredUpdate, { args: [{ reason: 'The data was encrypted with a safe key.', actor: dpo, proposedBy: responder.userId }] });
      expect(state.status).toBe('not-required');
      await env.sleep(80 * HOUR);
      expect(fake.notices).toEqual([]);
    });
  }, 60_000);

  it('keeps reminding while the decision awaits its second approval, and stops once a second person approves it', async () => {
    await withTrack({}, async ({ handle, fake }) => {
      const reason = 'Only synthetic test data was involved after all.';
      // One person's word, alone or approved by themselves, is refused: the track stays owed.
      expect(await refusal(handle.executeUpdate(markNotRequiredUpdate, { args: [{ reason, actor: dpo }] }))).toMatchObject({ type: 'breachflow.refusal.conflict' });
      expect(await refusal(handle.executeUpdate(markNotRequiredUpdate, { args: [{ reason, actor: dpo, proposedBy: dpo.userId }] }))).toMatchObject({ type: 'breachflow.refusal.conflict' });
      await env.sleep(55 * HOUR);
      expect(kinds(fake.notices)).toEqual(['reminder:p50', 'reminder:p75', 'escalation:p75-escalation']);
      expect((await handle.query(trackStateQuery)).status).toBe('open');
      const approved = await handle.executeUpdate(markNotRequiredUpdate, { args: [{ reason, actor: approver, proposedBy: dpo.userId }] });
      expect(approved).toMatchObject({ status: 'not-required', notRequired: { reason, decidedBy: approver.userId, proposedBy: dpo.userId } });
      await env.sleep(60 * HOUR);
      expect(kinds(fake.notices)).toEqual(['reminder:p50', 'reminder:p75', 'escalation:p75-escalation']);
    });
  }, 60_000);
});

describe("the processor's Art. 33(2) track", () => {
  it('runs on the organisation’s target (24 h) and is complete once every controller is notified', async () => {
    await withTrack({ track: 'gdpr-art33-2', windowMs: 24 * HOUR, recipients: ['Region Norr', 'Region Syd'] }, async ({ handle, start, fake }) => {
      expect((await handle.query(trackStateQuery)).deadline).toBe(new Date(start + 24 * HOUR).toISOString());
      await env.sleep(12 * HOUR + 1_000);
      expect(kinds(fake.notices)).toEqual(['reminder:p50']);
      const wrong = await refusal(handle.executeUpdate(createDraftUpdate, { args: [{ filingId: randomUUID(), kind: 'initial', language: 'sv', actor: responder, recipient: 'Someone Else' }] }));
      expect(wrong).toMatchObject({ type: 'breachflow.refusal.unprocessable' });
      for (const recipient of ['Region Norr', 'Region Syd']) {
        const filingId = randomUUID();
        await handle.executeUpdate(createDraftUpdate, { args: [{ filingId, kind: 'initial', language: 'sv', actor: responder, recipient }] });
        await handle.executeUpdate(submitFilingUpdate, { args: [{ filingId, revision: 1, actor: responder }] });
        await handle.executeUpdate(approveFilingUpdate, { args: [{ filingId, revision: 1, actor: approver }] });
        await handle.executeUpdate(recordFilingUpdate, { args: [{ filingId, filedAt: new Date(await env.currentTimeMs()).toISOString(), channel: 'e-mail', actor: responder }] });
      }
      expect((await handle.result()).status).toBe('complete');
    });
  }, 60_000);
});

describe('the NIS2 track (Cybersäkerhetslagen 2 kap. 5–8 §§)', () => {
  const clocksOf = (notices: TrackNoticeInput[]) => notices.map((n) => `${n.clockKind}:${n.kind}:${n.reminderKey}`);

  it('reminds towards the early warning (24 h) and the notification (72 h) on clocks of their own, then towards the final report a month after the notification', async () => {
    await withTrack({ track: 'nis2', windowMs: 24 * HOUR }, async ({ handle, start, fake }) => {
      const opened = await handle.query(trackStateQuery);
      expect(opened.pendingDeadlines.map((due) => [due.clock, due.deadline])).toEqual([
        ['early-warning', new Date(start + 24 * HOUR).toISOString()],
        ['notification', new Date(start + 72 * HOUR).toISOString()],
      ]);
      await env.sleep(12 * HOUR + 1_000);
      expect(clocksOf(fake.notices)).toEqual(['nis2:reminder:p50']);

      const earlyWarning = await approvedDraft(handle, 'early-warning');
      await handle.executeUpdate(recordFilingUpdate, { args: [{ filingId: earlyWarning, filedAt: new Date(await env.currentTimeMs()).toISOString(), channel: 'mcf-e-service', actor: responder }] });
      // The early warning is in: its clock is quiet; the notification's reminds at 50 % (36 h).
      await env.sleep(24 * HOUR);
      expect(clocksOf(fake.notices)).toEqual(['nis2:reminder:p50', 'nis2:notification:reminder:p50']);

      const notification = await approvedDraft(handle, 'notification');
      const notifiedAt = await env.currentTimeMs();
      const afterNotification = await handle.executeUpdate(recordFilingUpdate, {
        args: [{ filingId: notification, filedAt: new Date(notifiedAt).toISOString(), channel: 'mcf-e-service', actor: responder }],
      });
      const finalDeadline = windowEnd({ basis: 'calendar-months', months: 1 }, new Date(notifiedAt).toISOString(), 'Europe/Stockholm');
      expect(afterNotification.pendingDeadlines).toEqual([{ stage: 'final', clock: 'final', anchorAt: new Date(notifiedAt).toISOString(), deadline: finalDeadline }]);
      expect(afterNotification.status).toBe('open');

      // Half of the month: the final report's first reminder, and none from the stages already filed.
      await env.sleep((Date.parse(finalDeadline) - notifiedAt) / 2 + 1_000);
      expect(clocksOf(fake.notices).slice(2)).toEqual(['nis2:final:reminder:p50']);

      const final = await approvedDraft(handle, 'final');
      const done = await handle.executeUpdate(recordFilingUpdate, { args: [{ filingId: final, filedAt: new Date(await env.currentTimeMs()).toISOString(), channel: 'mcf-e-service', actor: responder }] });
      expect(done.status).toBe('complete');
      expect((await handle.result()).status).toBe('complete');
    });
  }, 60_000);

  it('starts the clock of a stage that became due while it was still recording the clock of another', async () => {
    let entered!: () => void;
    const recordingFinalClock = new Promise<void>((resolve) => (entered = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const holdFinalClock = async (kind: string) => {
      if (kind !== 'nis2:final') return;
      entered();
      await released;
    };
    await withTrack(
      { track: 'nis2', windowMs: 24 * HOUR },
      async ({ handle, fake }) => {
        const notification = await approvedDraft(handle, 'notification');
        await handle.executeUpdate(recordFilingUpdate, { args: [{ filingId: notification, filedAt: new Date(await env.currentTimeMs()).toISOString(), channel: 'mcf-e-service', actor: responder }] });
        await recordingFinalClock;
        // MCF asks for an intermediate report while the workflow is busy starting the final report's clock.
        const dueAt = new Date((await env.currentTimeMs()) + 48 * HOUR).toISOString();
        await handle.executeUpdate(requestIntermediateUpdate, { args: [{ dueAt, actor: responder }] });
        release();
        await env.sleep(60_000);
        expect(fake.clocks).toEqual(['nis2', 'nis2:notification', 'nis2:final', 'nis2:intermediate-1']);
      },
      holdFinalClock,
    );
  }, 60_000);
});
