import { describe, expect, it } from '@jest/globals';
import { refuseExceptionDecision, refuseExceptionProposal } from '../../../libs/domain/src/notices/art34-exception.js';
import { decideNoticeStep, type NoticeSnapshot } from '../../../libs/domain/src/notices/decide-notice-step.js';
import { informingFromNotices } from '../../../libs/domain/src/notices/informing-from-notices.js';
import { missingArt34Content } from '../../../libs/domain/src/notices/notice-content.js';
import { fleschReadingEase, lix, readabilityOf } from '../../../libs/domain/src/notices/readability.js';
import type { Actor } from '../../../libs/domain/src/tracks/filing-track-commands.js';

const alice: Actor = { userId: 'alice', role: 'responder' };
const bob: Actor = { userId: 'bob', role: 'approver' };
const draft = (changes: Partial<NoticeSnapshot> = {}): NoticeSnapshot => ({ status: 'draft', revision: 1, lastEditorId: 'alice', missing: [], ...changes });
const contact = { name: 'Dataskyddsombudet', email: 'dso@example.se' };
const content = { nature: 'a', consequences: 'b', measures: 'c', advice: 'd' };

describe('Art. 34(2) content', () => {
  it('asks every notice for the nature, consequences, measures, advice and a reachable contact point; an SMS only for the contact point', () => {
    expect(missingArt34Content('email', content, contact)).toEqual([]);
    expect(missingArt34Content('letter', { nature: ' ', consequences: 'b' }, { name: 'DSO' })).toEqual(['nature', 'measures', 'advice', 'contactPoint']);
    expect(missingArt34Content('sms', {}, contact)).toEqual([]);
  });
});

describe('readability', () => {
  it('measures Swedish with LIX and warns above 40 (30 in easy Swedish)', () => {
    const plain = 'Vi skickade ett mejl. Alla kunde se varandras adresser. Det var fel av oss.';
    const dense = 'Personuppgiftsincidenten föranleddes av otillräckliga organisatoriska säkerhetsåtgärder avseende massutskicksfunktionalitet.';
    expect(lix(plain)).toBeLessThan(30);
    expect(lix(dense)).toBeGreaterThan(60);
    expect(readabilityOf(plain, 'sv')).toMatchObject({ measure: 'lix', warning: false, threshold: 40 });
    expect(readabilityOf(dense, 'sv-easy')).toMatchObject({ warning: true, threshold: 30 });
  });

  it('measures English with Flesch Reading Ease and warns below 60', () => {
    expect(fleschReadingEase('We sent an e-mail. Everyone could see the other addresses. That was our mistake.')).toBeGreaterThan(60);
    expect(readabilityOf('The unauthorised disclosure necessitated comprehensive organisational remediation initiatives.', 'en')).toMatchObject({ measure: 'flesch-reading-ease', warning: true });
  });
});

describe("a notice's life", () => {
  it('is submitted only with every Art. 34(2) item, naming the first missing one', () => {
    const refused = decideNoticeStep(draft({ missing: ['consequences', 'contactPoint'] }), { type: 'submit', revision: 1 }, alice);
    expect(refused).toMatchObject({ ok: false, refusal: { kind: 'unprocessable', field: 'content.consequences' } });
    expect(decideNoticeStep(draft(), { type: 'submit', revision: 1 }, alice)).toMatchObject({ ok: true, status: 'awaiting-approval', transition: 'submitted' });
  });

  it('is approved by another approver, never by whoever wrote the revision, and then never changes', () => {
    const awaiting = draft({ status: 'awaiting-approval', lastEditorId: 'bob' });
    expect(decideNoticeStep(awaiting, { type: 'approve', revision: 1 }, bob)).toMatchObject({ ok: false, refusal: { kind: 'conflict', message: expect.stringContaining('four-eyes') } });
    expect(decideNoticeStep(awaiting, { type: 'approve', revision: 1 }, alice)).toMatchObject({ ok: false, refusal: { kind: 'forbidden' } });
    expect(decideNoticeStep(draft({ status: 'awaiting-approval' }), { type: 'approve', revision: 2 }, bob)).toMatchObject({ ok: false, refusal: { kind: 'stale' } });
    expect(decideNoticeStep(draft({ status: 'awaiting-approval' }), { type: 'approve', revision: 1 }, bob)).toMatchObject({ ok: true, status: 'approved' });
    expect(decideNoticeStep(draft({ status: 'approved' }), { type: 'edit' }, alice)).toMatchObject({ ok: false, refusal: { kind: 'conflict' } });
  });

  it('is sent once approved, paused and resumed while it goes out, cancelled, and its failures retried after', () => {
    expect(decideNoticeStep(draft(), { type: 'send' }, alice)).toMatchObject({ ok: false });
    expect(decideNoticeStep(draft({ status: 'approved' }), { type: 'send' }, alice)).toMatchObject({ ok: true, status: 'sending' });
    expect(decideNoticeStep(draft({ status: 'sending' }), { type: 'pause' }, alice)).toMatchObject({ ok: true, status: 'paused' });
    expect(decideNoticeStep(draft({ status: 'paused' }), { type: 'resume' }, alice)).toMatchObject({ ok: true, status: 'sending' });
    expect(decideNoticeStep(draft({ status: 'paused' }), { type: 'cancel' }, alice)).toMatchObject({ ok: true, status: 'cancelled' });
    expect(decideNoticeStep(draft({ status: 'sent' }), { type: 'pause' }, alice)).toMatchObject({ ok: false });
    expect(decideNoticeStep(draft({ status: 'sent' }), { type: 'retry-failed' }, alice)).toMatchObject({ ok: true, status: 'sending' });
  });
});

describe('Art. 34(3) exceptions', () => {
  const proposal = { ground: '34(3)(a)' as const, reason: 'The data were encrypted with a key nobody else holds.' };

  it('needs a reason, no pending proposal, and for disproportionate effort an approved public notice', () => {
    expect(refuseExceptionProposal(proposal, alice, false, false)).toBeUndefined();
    expect(refuseExceptionProposal({ ...proposal, reason: 'short' }, alice, false, false)).toMatchObject({ field: 'reason' });
    expect(refuseExceptionProposal({ ...proposal, ground: '34(3)(c)' }, alice, false, false)).toMatchObject({ field: 'ground' });
    expect(refuseExceptionProposal({ ...proposal, ground: '34(3)(c)' }, alice, true, false)).toBeUndefined();
    expect(refuseExceptionProposal(proposal, alice, false, true)).toMatchObject({ kind: 'conflict' });
  });

  it('is decided by an approver other than the proposer', () => {
    expect(refuseExceptionDecision('bob', false, bob)).toMatchObject({ kind: 'conflict' });
    expect(refuseExceptionDecision('alice', false, alice)).toMatchObject({ kind: 'forbidden' });
    expect(refuseExceptionDecision('alice', false, bob)).toBeUndefined();
    expect(refuseExceptionDecision('alice', true, bob)).toMatchObject({ kind: 'conflict' });
  });
});

describe("the IMY report's Art. 34 answers from the track", () => {
  it('reads sent notices as informed, an approved exception as not informing with its ground, a notice on its way as will inform', () => {
    expect(informingFromNotices({ sent: [{ channel: 'letter', sentAt: '2026-11-28T10:00:00Z', delivered: 20 }, { channel: 'email', sentAt: '2026-11-27T10:00:00Z', delivered: 1_000 }], underway: false }, 'en')).toEqual({
      decision: 'informed',
      informedAt: '2026-11-27T10:00:00Z',
      how: 'A letter to each person (20 recipients); e-mail to each person (1,000 recipients)',
    });
    expect(informingFromNotices({ sent: [], underway: false, exception: { ground: '34(3)(b)', reason: 'The risk was removed by revoking every session.' } }, 'sv')).toEqual({ decision: 'will-not-inform', ground: '34(3)(b)', reason: 'The risk was removed by revoking every session.' });
    expect(informingFromNotices({ sent: [], underway: true }, 'sv')).toEqual({ decision: 'will-inform' });
    expect(informingFromNotices({ sent: [], underway: false }, 'sv')).toBeUndefined();
  });
});
