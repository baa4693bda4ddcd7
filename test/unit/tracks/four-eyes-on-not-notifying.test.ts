/**
 * Four eyes on deciding not to notify: a track "not required" and an override that lowers the risk
 * outcome are proposed by one person and take effect only on a second eligible person's approval;
 * raising the outcome stays one person's decision; the reasons for a delay are the approved
 * report's own. One test per rule, each refusing the wrong step and letting the right one pass.
 */
import { describe, expect, it } from '@jest/globals';
import { overrideLowers, refuseLoweringDecision } from '../../../libs/domain/src/risk/outcome-override.js';
import { decideFilingStep } from '../../../libs/domain/src/tracks/decide-filing-step.js';
import type { Actor, FilingTrackCommand } from '../../../libs/domain/src/tracks/filing-track-commands.js';
import { openFilingTrack, trackStatus, type FilingTrackState } from '../../../libs/domain/src/tracks/filing-track-state.js';
import { refuseNotRequiredDecision, refuseNotRequiredProposal, type NotRequiredPicture } from '../../../libs/domain/src/tracks/not-required-proposal.js';
import { refuseTrackNotRequired } from '../../../libs/domain/src/tracks/owed-track-decisions.js';

const HOUR = 3_600_000;
const awareAt = Date.parse('2026-11-24T08:00:00Z');
const deadline = awareAt + 72 * HOUR;
const rita: Actor = { userId: 'rita', role: 'responder' };
const alice: Actor = { userId: 'alice', role: 'approver' };
const bob: Actor = { userId: 'bob', role: 'approver' };
const dora: Actor = { userId: 'dora', role: 'dpo' };
const vera: Actor = { userId: 'vera', role: 'viewer' };
const REASON = 'Only synthetic test data was involved after all.';

const art33 = (open: Partial<Parameters<typeof openFilingTrack>[0]> = {}): FilingTrackState =>
  openFilingTrack({ track: 'gdpr-art33', anchorAt: new Date(awareAt).toISOString(), windowMs: 72 * HOUR, ...open });

function step(state: FilingTrackState, command: FilingTrackCommand, actor: Actor, at = awareAt + HOUR): FilingTrackState {
  const decision = decideFilingStep(state, command, actor, at);
  if (!decision.ok) throw new Error(`refused: ${decision.refusal.kind} ${decision.refusal.message}`);
  return decision.state;
}

function refusal(state: FilingTrackState, command: FilingTrackCommand, actor: Actor, at = awareAt + HOUR) {
  const decision = decideFilingStep(state, command, actor, at);
  if (decision.ok) throw new Error(`expected ${command.type} to be refused`);
  return decision.refusal;
}

const pending = { proposedBy: 'alice', decision: null };
const picture = (change: Partial<NotRequiredPicture> = {}): NotRequiredPicture => ({ owed: ['gdpr-art33-register', 'gdpr-art33', 'gdpr-art34'], statuses: { 'gdpr-art33': 'open' }, filed: [], pending: [], ...change });

describe('proposing that a track is not required', () => {
  it('is open to whoever works on the incident (a responder too), never to a viewer, and needs a reason', () => {
    expect(refuseNotRequiredProposal(picture(), 'gdpr-art33', REASON, rita)).toBeUndefined();
    expect(refuseNotRequiredProposal(picture(), 'gdpr-art33', REASON, vera)?.kind).toBe('forbidden');
    expect(refuseNotRequiredProposal(picture(), 'gdpr-art33', 'Test data.', rita)).toMatchObject({ kind: 'unprocessable', field: 'reason' });
  });

  it('is refused while another proposal on the track awaits its second approval, and for a track already filed or settled', () => {
    expect(refuseNotRequiredProposal(picture({ pending: ['gdpr-art33'] }), 'gdpr-art33', REASON, rita)).toMatchObject({ kind: 'conflict', message: expect.stringContaining('awaits a second approval') });
    expect(refuseNotRequiredProposal(picture({ filed: ['gdpr-art33'] }), 'gdpr-art33', REASON, rita)?.kind).toBe('conflict');
    expect(refuseNotRequiredProposal(picture({ statuses: { 'gdpr-art33': 'not-required' } }), 'gdpr-art33', REASON, rita)?.kind).toBe('conflict');
    expect(refuseNotRequiredProposal(picture(), 'gdpr-art33-register', REASON, rita)?.kind).toBe('conflict');
    expect(refuseNotRequiredProposal(picture(), 'nis2', REASON, rita)?.kind).toBe('conflict');
    expect(refuseNotRequiredProposal(picture(), 'gdpr-art34', REASON, rita)).toBeUndefined();
  });
});

describe('approving a "not required" proposal', () => {
  it('is refused to the person who proposed it, even an approver or the DPO', () => {
    expect(refuseNotRequiredDecision('gdpr-art33', pending, { type: 'approve' }, alice)).toMatchObject({ kind: 'conflict', message: expect.stringContaining('four-eyes') });
    expect(refuseNotRequiredDecision('gdpr-art33', { proposedBy: 'dora', decision: null }, { type: 'approve' }, dora)?.kind).toBe('conflict');
    // The workflow's own rule says the same when the approved decision reaches it.
    expect(refusal(art33(), { type: 'decide-not-required', reason: REASON, proposedBy: 'alice' }, alice)).toMatchObject({ kind: 'conflict', message: expect.stringContaining('four-eyes') });
  });

  it('is refused to a responder, who may only propose', () => {
    expect(refuseNotRequiredDecision('gdpr-art33', pending, { type: 'approve' }, rita)?.kind).toBe('forbidden');
    expect(refusal(art33(), { type: 'decide-not-required', reason: REASON, proposedBy: 'alice' }, rita).kind).toBe('forbidden');
  });

  it('is given by the DPO (or another approver), and only then is the track settled', () => {
    expect(refuseNotRequiredDecision('gdpr-art33', pending, { type: 'approve' }, dora)).toBeUndefined();
    expect(refuseNotRequiredDecision('gdpr-art33', pending, { type: 'approve' }, bob)).toBeUndefined();
    const decided = step(art33(), { type: 'decide-not-required', reason: REASON, proposedBy: 'alice' }, dora);
    expect(trackStatus(decided, awareAt + HOUR)).toBe('not-required');
    expect(decided.notRequired).toEqual({ reason: REASON, decidedBy: 'dora', proposedBy: 'alice' });
  });

  it('cannot reach the workflow as one person\'s word: a decision naming no proposer is refused', () => {
    expect(refusal(art33(), { type: 'decide-not-required', reason: REASON }, dora)).toMatchObject({ kind: 'conflict', message: expect.stringContaining('four-eyes') });
    expect(refuseTrackNotRequired({ owed: ['gdpr-art34'], statuses: {} }, 'gdpr-art34', REASON, dora)?.kind).toBe('conflict');
    expect(refuseTrackNotRequired({ owed: ['gdpr-art34'], statuses: {} }, 'gdpr-art34', REASON, dora, { required: true, proposedBy: 'dora' })?.kind).toBe('conflict');
    expect(refuseTrackNotRequired({ owed: ['gdpr-art34'], statuses: {} }, 'gdpr-art34', REASON, dora, { required: true, proposedBy: 'rita' })).toBeUndefined();
  });

  it('keeps runs started before four eyes on the rule they started with, so their histories replay', () => {
    const legacy = art33({ notRequiredNeedsSecondPerson: false });
    expect(trackStatus(step(legacy, { type: 'decide-not-required', reason: REASON }, dora), awareAt)).toBe('not-required');
    expect(refuseTrackNotRequired({ owed: ['gdpr-art34'], statuses: {} }, 'gdpr-art34', REASON, dora, { required: false })).toBeUndefined();
  });
});

describe('rejecting a "not required" proposal', () => {
  it('needs a comment, is not for the proposer, and leaves the track owed with its clock running', () => {
    expect(refuseNotRequiredDecision('gdpr-art33', pending, { type: 'reject' }, dora)).toMatchObject({ kind: 'unprocessable', field: 'comment' });
    expect(refuseNotRequiredDecision('gdpr-art33', pending, { type: 'reject', comment: 'The data were real.' }, alice)?.kind).toBe('conflict');
    expect(refuseNotRequiredDecision('gdpr-art33', pending, { type: 'reject', comment: 'The data were real.' }, dora)).toBeUndefined();
    // Rejected, the proposal is decided: it can no longer be approved, and the track is as it was.
    const rejected = { proposedBy: 'alice', decision: 'rejected' as const };
    expect(refuseNotRequiredDecision('gdpr-art33', rejected, { type: 'approve' }, bob)?.kind).toBe('conflict');
    expect(trackStatus(art33(), deadline + HOUR)).toBe('overdue');
  });
});

describe('overriding the risk outcome', () => {
  it('waits for a second approver or the DPO when it lowers the outcome, and the proposer cannot approve it', () => {
    expect(overrideLowers('high-risk', 'risk')).toBe(true);
    expect(overrideLowers('risk', 'no-risk')).toBe(true);
    const lowering = { proposedBy: 'alice', decision: null };
    expect(refuseLoweringDecision(lowering, { type: 'approve' }, alice)).toMatchObject({ kind: 'conflict', message: expect.stringContaining('four-eyes') });
    expect(refuseLoweringDecision(lowering, { type: 'approve' }, rita)?.kind).toBe('forbidden');
    expect(refuseLoweringDecision(lowering, { type: 'approve' }, dora)).toBeUndefined();
    expect(refuseLoweringDecision({ proposedBy: 'alice', decision: 'approved' }, { type: 'approve' }, bob)?.kind).toBe('conflict');
  });

  it('takes effect at once when it raises the outcome (or leaves it as it is)', () => {
    expect(overrideLowers('no-risk', 'high-risk')).toBe(false);
    expect(overrideLowers('risk', 'high-risk')).toBe(false);
    expect(overrideLowers('risk', 'risk')).toBe(false);
  });
});

describe('the reasons for a delay', () => {
  const late = new Date(deadline + HOUR).toISOString();
  const APPROVED_REASON = 'The supplier confirmed the exposure only on day four.';
  function approvedLateDraft(state = art33()): FilingTrackState {
    let next = step(state, { type: 'open-draft', filingId: 'f1', kind: 'initial', recipient: null, delayReason: APPROVED_REASON }, rita, deadline + HOUR);
    next = step(next, { type: 'submit', filingId: 'f1', revision: 1 }, rita, deadline + HOUR);
    return step(next, { type: 'approve', filingId: 'f1', revision: 1 }, dora, deadline + HOUR);
  }

  it('are frozen by the approval: recording refuses different ones, naming delayReason, and files the approved ones', () => {
    const approved = approvedLateDraft();
    expect(refusal(approved, { type: 'record', filingId: 'f1', filedAt: late, channel: 'imy-e-service', delayReason: 'Something else entirely, written later.' }, rita, deadline + 2 * HOUR)).toMatchObject({
      kind: 'unprocessable',
      field: 'delayReason',
    });
    const decision = decideFilingStep(approved, { type: 'record', filingId: 'f1', filedAt: late, channel: 'imy-e-service', delayReason: ` ${APPROVED_REASON} ` }, rita, deadline + 2 * HOUR);
    expect(decision).toMatchObject({ ok: true, effect: { type: 'filed', delayReason: APPROVED_REASON } });
    const taken = decideFilingStep(approved, { type: 'record', filingId: 'f1', filedAt: late, channel: 'imy-e-service' }, rita, deadline + 2 * HOUR);
    expect(taken).toMatchObject({ ok: true, effect: { type: 'filed', delayReason: APPROVED_REASON } });
  });

  it('change only through a new revision, which undoes the approval', () => {
    const rerendered = step(approvedLateDraft(), { type: 're-render', filingId: 'f1', delayReason: 'A corrected account of why the report is late.' }, rita, deadline + HOUR);
    expect(rerendered.filings[0]).toMatchObject({ status: 'draft', revision: 2, delayReason: 'A corrected account of why the report is late.' });
    expect(refusal(rerendered, { type: 'record', filingId: 'f1', filedAt: late, channel: 'imy-e-service' }, rita, deadline + 2 * HOUR).kind).toBe('conflict');
  });
});
