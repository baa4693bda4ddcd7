/**
 * The life cycle of a filing track, rule by rule: each test states one rule a DPO would recognise
 * and checks it from both ends — the step that must be refused, and the legitimate one that must
 * still pass.
 */
import { describe, expect, it } from '@jest/globals';
import { decideFilingStep, type FilingStepDecision } from '../../../libs/domain/src/tracks/decide-filing-step.js';
import type { Actor, FilingTrackCommand } from '../../../libs/domain/src/tracks/filing-track-commands.js';
import { openFilingTrack, trackStatus, type FilingTrackState } from '../../../libs/domain/src/tracks/filing-track-state.js';

const HOUR = 3_600_000;
const awareAt = Date.parse('2026-11-24T08:00:00Z');
const deadline = awareAt + 72 * HOUR;
const alice: Actor = { userId: 'alice', role: 'responder' };
const bob: Actor = { userId: 'bob', role: 'approver' };
const dora: Actor = { userId: 'dora', role: 'dpo' };
const vera: Actor = { userId: 'vera', role: 'viewer' };

const art33 = (): FilingTrackState => openFilingTrack({ track: 'gdpr-art33', anchorAt: new Date(awareAt).toISOString(), windowMs: 72 * HOUR });

function decide(state: FilingTrackState, command: FilingTrackCommand, actor: Actor, at: number): FilingStepDecision {
  return decideFilingStep(state, command, actor, at);
}

/** The next state; fails the test when the step is refused. */
function step(state: FilingTrackState, command: FilingTrackCommand, actor: Actor, at = awareAt + HOUR): FilingTrackState {
  const decision = decide(state, command, actor, at);
  if (!decision.ok) throw new Error(`refused: ${decision.refusal.kind} ${decision.refusal.message}`);
  return decision.state;
}

/** The refusal; fails the test when the step passes. */
function refusal(state: FilingTrackState, command: FilingTrackCommand, actor: Actor, at = awareAt + HOUR) {
  const decision = decide(state, command, actor, at);
  if (decision.ok) throw new Error(`expected ${command.type} to be refused`);
  return decision.refusal;
}

type Kind = 'initial' | 'supplement' | 'no-breach';
/** Drafting options: a first report may announce supplements, a supplement may complete the report. */
type Announce = { announcesSupplements?: boolean; completesReport?: boolean };

const draftOf = (state: FilingTrackState, filingId = 'f1', kind: Kind = 'initial', by: Actor = alice, at = awareAt + HOUR, announce: Announce = {}) =>
  step(state, { type: 'open-draft', filingId, kind, recipient: null, noBreachJustification: kind === 'no-breach' ? 'It was a test address of our own after all.' : undefined, ...announce }, by, at);

function approved(state = art33(), filingId = 'f1', kind: Kind = 'initial', at = awareAt + HOUR, announce: Announce = {}): FilingTrackState {
  let next = draftOf(state, filingId, kind, alice, at, announce);
  next = step(next, { type: 'submit', filingId, revision: 1 }, alice, at);
  return step(next, { type: 'approve', filingId, revision: 1 }, bob, at);
}

const filing = (state: FilingTrackState, filingId = 'f1') => state.filings.find((f) => f.filingId === filingId)!;

describe('four eyes', () => {
  it('refuses an approval by the person who rendered the revision, and accepts another approver or the DPO', () => {
    const submitted = step(draftOf(art33(), 'f1', 'initial', bob), { type: 'submit', filingId: 'f1', revision: 1 }, bob);
    expect(refusal(submitted, { type: 'approve', filingId: 'f1', revision: 1 }, bob)).toMatchObject({ kind: 'conflict', message: expect.stringContaining('four-eyes') });
    expect(filing(step(submitted, { type: 'approve', filingId: 'f1', revision: 1 }, dora)).status).toBe('approved');
  });

  it('judges against whoever last rendered the draft, not its first author: the author may approve a colleague\'s re-render', () => {
    let state = draftOf(art33(), 'f1', 'initial', bob);
    state = step(state, { type: 're-render', filingId: 'f1' }, dora);
    state = step(state, { type: 'submit', filingId: 'f1', revision: 2 }, dora);
    expect(refusal(state, { type: 'approve', filingId: 'f1', revision: 2 }, dora).message).toContain('four-eyes');
    expect(filing(step(state, { type: 'approve', filingId: 'f1', revision: 2 }, bob)).status).toBe('approved');
  });

  it('keeps the re-renderer from rejecting their own revision too', () => {
    let state = step(draftOf(art33()), { type: 're-render', filingId: 'f1' }, bob);
    state = step(state, { type: 'submit', filingId: 'f1', revision: 2 }, alice);
    expect(refusal(state, { type: 'reject', filingId: 'f1', revision: 2, comment: 'no' }, bob).message).toContain('four-eyes');
  });
});

describe('re-rendering', () => {
  it('undoes an approval: the new revision is a draft that must be submitted and approved again', () => {
    const state = step(approved(), { type: 're-render', filingId: 'f1' }, alice);
    expect(filing(state)).toMatchObject({ status: 'draft', revision: 2, lastEditorId: 'alice' });
    expect(refusal(state, { type: 'record', filingId: 'f1', filedAt: new Date(awareAt + HOUR).toISOString(), channel: 'imy-e-service' }, alice).message).toContain('must be approved');
  });

  it('is how a rejected draft gets its next revision', () => {
    let state = step(draftOf(art33()), { type: 'submit', filingId: 'f1', revision: 1 }, alice);
    state = step(state, { type: 'reject', filingId: 'f1', revision: 1, comment: 'Describe the consequences.' }, bob);
    state = step(state, { type: 're-render', filingId: 'f1' }, alice);
    expect(filing(state)).toMatchObject({ status: 'draft', revision: 2 });
  });

  it('never touches a filed report', () => {
    const state = step(approved(), { type: 'record', filingId: 'f1', filedAt: new Date(awareAt + HOUR).toISOString(), channel: 'imy-e-service' }, alice);
    expect(refusal(state, { type: 're-render', filingId: 'f1' }, alice)).toMatchObject({ kind: 'conflict' });
  });
});

describe('stale decisions', () => {
  it('refuses a decision on a revision the draft has moved past, and accepts one on the current revision', () => {
    let state = step(draftOf(art33()), { type: 're-render', filingId: 'f1' }, alice);
    state = step(state, { type: 'submit', filingId: 'f1', revision: 2 }, alice);
    expect(refusal(state, { type: 'approve', filingId: 'f1', revision: 1 }, bob)).toMatchObject({ kind: 'stale', field: 'revision' });
    expect(filing(step(state, { type: 'approve', filingId: 'f1', revision: 2 }, bob)).status).toBe('approved');
  });

  it('refuses submitting a revision other than the current one', () => {
    const state = step(draftOf(art33()), { type: 're-render', filingId: 'f1' }, alice);
    expect(refusal(state, { type: 'submit', filingId: 'f1', revision: 1 }, alice).kind).toBe('stale');
  });
});

describe('concurrent decisions', () => {
  it('lets exactly one of an approval and a rejection of the same revision pass, whichever is judged first', () => {
    const submitted = step(draftOf(art33()), { type: 'submit', filingId: 'f1', revision: 1 }, alice);
    const approve: FilingTrackCommand = { type: 'approve', filingId: 'f1', revision: 1 };
    const reject: FilingTrackCommand = { type: 'reject', filingId: 'f1', revision: 1, comment: 'Not yet.' };
    // Both pass when judged on the same state: that is why the workflow judges again under its lock.
    expect(decide(submitted, approve, bob, awareAt).ok).toBe(true);
    expect(decide(submitted, reject, dora, awareAt).ok).toBe(true);
    // In sequence, the second is judged on what the first left.
    expect(refusal(step(submitted, approve, bob), reject, dora).kind).toBe('conflict');
    expect(refusal(step(submitted, reject, dora), approve, bob).kind).toBe('conflict');
  });

  it('refuses a second recording of the same report', () => {
    const record: FilingTrackCommand = { type: 'record', filingId: 'f1', filedAt: new Date(awareAt + HOUR).toISOString(), channel: 'imy-e-service' };
    expect(refusal(step(approved(), record, alice), record, alice).message).toContain('already recorded');
  });
});

describe('lateness (Art. 33(1))', () => {
  it('needs the reasons for the delay when the first report is filed after the deadline, in the approved draft', () => {
    const late = new Date(deadline + HOUR).toISOString();
    const withoutReasons = approved(art33(), 'f1', 'initial', deadline + HOUR);
    expect(refusal(withoutReasons, { type: 'record', filingId: 'f1', filedAt: late, channel: 'imy-e-service' }, alice, deadline + 2 * HOUR)).toMatchObject({ kind: 'unprocessable', field: 'delayReason' });
    let state = step(art33(), { type: 'open-draft', filingId: 'f1', kind: 'initial', recipient: null, delayReason: 'The server logs were only recovered on day four.' }, alice, deadline + HOUR);
    state = step(state, { type: 'submit', filingId: 'f1', revision: 1 }, alice, deadline + HOUR);
    state = step(state, { type: 'approve', filingId: 'f1', revision: 1 }, bob, deadline + HOUR);
    const filed = step(state, { type: 'record', filingId: 'f1', filedAt: late, channel: 'imy-e-service' }, alice, deadline + 2 * HOUR);
    expect(filed.late).toBe(true);
  });

  it('counts a report filed exactly at the deadline as in time', () => {
    const state = step(approved(), { type: 'record', filingId: 'f1', filedAt: new Date(deadline).toISOString(), channel: 'imy-e-service' }, alice, deadline);
    expect(state.late).toBe(false);
  });

  it('is frozen by the first filing: correcting awareAt afterwards moves no deadline and undoes no verdict', () => {
    const filed = step(approved(), { type: 'record', filingId: 'f1', filedAt: new Date(awareAt + HOUR).toISOString(), channel: 'imy-e-service' }, alice);
    const decision = decide(filed, { type: 'move-anchor', anchorAt: new Date(awareAt - 100 * HOUR).toISOString() }, alice, awareAt + 2 * HOUR);
    expect(decision).toMatchObject({ ok: true, effect: { type: 'none' } });
    expect(decision.ok && decision.state).toEqual(filed);
    expect(filed.late).toBe(false);
  });

  it('moves the deadline with a corrected awareAt while nothing is filed', () => {
    const moved = decide(draftOf(art33()), { type: 'move-anchor', anchorAt: new Date(awareAt - 10 * HOUR).toISOString() }, alice, awareAt + 2 * HOUR);
    expect(moved).toMatchObject({ ok: true, effect: { type: 'anchor-moved', deadline: new Date(deadline - 10 * HOUR).toISOString() } });
    expect(moved.ok && moved.state.filings[0].deadline).toBe(new Date(deadline - 10 * HOUR).toISOString());
  });
});

describe('supplements', () => {
  const record = (state: FilingTrackState, filingId: string, at: number) =>
    step(state, { type: 'record', filingId, filedAt: new Date(at).toISOString(), channel: 'imy-e-service' }, alice, at);
  const filedInitial = (announce: Announce = { announcesSupplements: true }) => record(approved(art33(), 'f1', 'initial', awareAt + HOUR, announce), 'f1', awareAt + 10 * HOUR);

  it('start the four-week supplement period when the first report announced them, and a supplement answers that deadline, never the 72-hour one', () => {
    const state = filedInitial();
    expect(state.supplementDeadline).toBe('2026-12-22T18:00:00.000Z');
    const drafted = draftOf(state, 'f2', 'supplement', alice, awareAt + 100 * HOUR);
    expect(filing(drafted, 'f2').deadline).toBe(state.supplementDeadline);
  });

  it('leave the track filed, with no supplement period, when the first report announced none', () => {
    const state = filedInitial({});
    expect(state).toMatchObject({ supplementDeadline: null, complete: false });
    expect(trackStatus(state, awareAt + 100 * HOUR)).toBe('filed');
    // A supplement may still be sent; it answers no deadline.
    expect(filing(draftOf(state, 'f2', 'supplement', alice, awareAt + 100 * HOUR), 'f2').deadline).toBeNull();
  });

  it('keep the period after every first report for runs started before supplements had to be announced', () => {
    const legacy = { ...art33(), supplementsOnlyWhenAnnounced: false };
    const state = record(approved(legacy, 'f1', 'initial', awareAt + HOUR), 'f1', awareAt + 10 * HOUR);
    expect(state.supplementDeadline).toBe('2026-12-22T18:00:00.000Z');
  });

  it('judge a supplement sent after the 72 hours but within its period as in time, needing no reasons for delay', () => {
    const state = approved(filedInitial(), 'f2', 'supplement', awareAt + 200 * HOUR);
    const decision = decide(state, { type: 'record', filingId: 'f2', filedAt: new Date(awareAt + 200 * HOUR).toISOString(), channel: 'imy-e-service' }, alice, awareAt + 200 * HOUR);
    expect(decision).toMatchObject({ ok: true, effect: { type: 'filed', late: false } });
    expect(decision.ok && decision.state.late).toBe(false);
  });

  it('judge a supplement sent after its own period as late', () => {
    const state = approved(filedInitial(), 'f2', 'supplement', awareAt + 40 * 24 * HOUR);
    const decision = decide(state, { type: 'record', filingId: 'f2', filedAt: new Date(awareAt + 40 * 24 * HOUR).toISOString(), channel: 'imy-e-service' }, alice, awareAt + 40 * 24 * HOUR);
    expect(decision).toMatchObject({ ok: true, effect: { type: 'filed', late: true } });
  });

  it('need a filed first report to supplement', () => {
    expect(refusal(art33(), { type: 'open-draft', filingId: 'f2', kind: 'supplement', recipient: null }, alice).message).toContain('none is filed yet');
  });

  it('complete the track with a supplement that says it completes the report', () => {
    let state = approved(filedInitial(), 'f2', 'supplement', awareAt + 200 * HOUR, { completesReport: true });
    state = record(state, 'f2', awareAt + 200 * HOUR);
    expect(state.complete).toBe(true);
    expect(trackStatus(state, awareAt + 200 * HOUR)).toBe('complete');
    expect(refusal(state, { type: 'open-draft', filingId: 'f3', kind: 'supplement', recipient: null }, alice).message).toContain('complete');
  });

  it('keep the track open for more after a supplement that does not complete the report', () => {
    const state = record(approved(filedInitial(), 'f2', 'supplement', awareAt + 200 * HOUR), 'f2', awareAt + 200 * HOUR);
    expect(state.complete).toBe(false);
  });
});

describe('"no breach after all"', () => {
  it('withdraws a filed report with a written justification and completes the track', () => {
    const filed = step(approved(), { type: 'record', filingId: 'f1', filedAt: new Date(awareAt + HOUR).toISOString(), channel: 'imy-e-service' }, alice);
    expect(refusal(filed, { type: 'open-draft', filingId: 'f2', kind: 'no-breach', recipient: null, noBreachJustification: 'too short' }, alice)).toMatchObject({ kind: 'unprocessable', field: 'noBreachJustification' });
    let state = draftOf(filed, 'f2', 'no-breach');
    state = step(state, { type: 'submit', filingId: 'f2', revision: 1 }, alice);
    state = step(state, { type: 'approve', filingId: 'f2', revision: 1 }, bob);
    state = step(state, { type: 'record', filingId: 'f2', filedAt: new Date(awareAt + 2 * HOUR).toISOString(), channel: 'imy-e-service' }, alice, awareAt + 2 * HOUR);
    expect(state.complete).toBe(true);
  });

  it('has nothing to withdraw before a report is filed: that is a "not required" decision', () => {
    expect(refusal(art33(), { type: 'open-draft', filingId: 'f1', kind: 'no-breach', recipient: null, noBreachJustification: 'It was a test address of our own after all.' }, alice).message).toContain('not required');
  });
});

describe('"not required"', () => {
  it('is approved by an approver or the DPO, with a reason of at least twenty characters', () => {
    expect(refusal(art33(), { type: 'decide-not-required', reason: 'The data was encrypted with a safe key.', proposedBy: 'dora' }, alice).kind).toBe('forbidden');
    expect(refusal(art33(), { type: 'decide-not-required', reason: 'Encrypted.', proposedBy: 'alice' }, bob)).toMatchObject({ kind: 'unprocessable', field: 'reason' });
    const decided = step(art33(), { type: 'decide-not-required', reason: 'The data was encrypted with a safe key.', proposedBy: 'alice' }, bob);
    expect(trackStatus(decided, awareAt)).toBe('not-required');
    expect(refusal(decided, { type: 'open-draft', filingId: 'f1', kind: 'initial', recipient: null }, alice).kind).toBe('conflict');
  });

  it('cannot undo a report already filed', () => {
    const filed = step(approved(), { type: 'record', filingId: 'f1', filedAt: new Date(awareAt + HOUR).toISOString(), channel: 'imy-e-service' }, alice);
    expect(refusal(filed, { type: 'decide-not-required', reason: 'The data was encrypted with a safe key.', proposedBy: 'alice' }, bob).message).toContain('already filed');
  });
});

describe('roles and channels', () => {
  it('keeps a viewer from drafting and a responder from approving', () => {
    expect(refusal(art33(), { type: 'open-draft', filingId: 'f1', kind: 'initial', recipient: null }, vera).kind).toBe('forbidden');
    const submitted = step(draftOf(art33()), { type: 'submit', filingId: 'f1', revision: 1 }, alice);
    expect(refusal(submitted, { type: 'approve', filingId: 'f1', revision: 1 }, { userId: 'rita', role: 'responder' }).kind).toBe('forbidden');
  });

  it('records a report only on a channel its track accepts', () => {
    const state = approved();
    expect(refusal(state, { type: 'record', filingId: 'f1', filedAt: new Date(awareAt + HOUR).toISOString(), channel: 'letter' }, alice)).toMatchObject({ kind: 'unprocessable', field: 'channel' });
    expect(filing(step(state, { type: 'record', filingId: 'f1', filedAt: new Date(awareAt + HOUR).toISOString(), channel: 'imy-post' }, alice)).status).toBe('filed');
  });

  it('refuses a filing time in the future', () => {
    expect(refusal(approved(), { type: 'record', filingId: 'f1', filedAt: new Date(awareAt + 5 * HOUR).toISOString(), channel: 'imy-e-service' }, alice, awareAt + HOUR)).toMatchObject({ field: 'filedAt' });
  });
});

describe("a processor's notices (Art. 33(2))", () => {
  const processor = () =>
    openFilingTrack({ track: 'gdpr-art33-2', anchorAt: new Date(awareAt).toISOString(), windowMs: 24 * HOUR, recipients: ['Region Norr', 'Region Syd'] });

  it('go to one of the affected controllers each, and the track is complete once every controller is notified', () => {
    expect(refusal(processor(), { type: 'open-draft', filingId: 'n1', kind: 'initial', recipient: 'Someone else' }, alice)).toMatchObject({ field: 'recipient' });
    let state = processor();
    for (const [id, recipient] of [['n1', 'Region Norr'], ['n2', 'Region Syd']] as const) {
      state = step(state, { type: 'open-draft', filingId: id, kind: 'initial', recipient }, alice);
      state = step(state, { type: 'submit', filingId: id, revision: 1 }, alice);
      state = step(state, { type: 'approve', filingId: id, revision: 1 }, bob);
      expect(state.complete).toBe(false);
      state = step(state, { type: 'record', filingId: id, filedAt: new Date(awareAt + HOUR).toISOString(), channel: 'e-mail' }, alice);
    }
    expect(state.complete).toBe(true);
  });
});

describe('the track status', () => {
  it('is open, then awaiting approval, overdue only after the deadline, and filed', () => {
    let state = draftOf(art33());
    expect(trackStatus(state, deadline)).toBe('open');
    expect(trackStatus(state, deadline + 1)).toBe('overdue');
    state = step(state, { type: 'submit', filingId: 'f1', revision: 1 }, alice);
    expect(trackStatus(state, deadline + 1)).toBe('awaiting-approval');
    state = step(step(state, { type: 'approve', filingId: 'f1', revision: 1 }, bob), { type: 'record', filingId: 'f1', filedAt: new Date(awareAt + HOUR).toISOString(), channel: 'imy-e-service' }, alice);
    expect(trackStatus(state, deadline + 1)).toBe('filed');
  });
});
