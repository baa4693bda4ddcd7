import { describe, expect, it } from '@jest/globals';
import type { IncidentView, TrackView } from '../../../apps/web/src/api/response-bodies.js';
import { draftLanguage, draftOptions, mayRecord, nearestDeadline, nextStepsFor } from '../../../apps/web/src/features/incidents/next-steps.js';

const AWARE = '2026-11-24T08:00:00.000Z';
const at = (hours: number) => new Date(Date.parse(AWARE) + hours * 3_600_000).toISOString();

function track(kind: TrackView['kind'], change: Partial<TrackView> = {}): TrackView {
  return { kind, owedSince: AWARE, impliedByCurrentOutcome: true, live: true, status: 'open', deadline: at(72), nextReminder: null, late: null, supplementDeadline: null, pendingDeadlines: [], filings: [], ...change };
}

function incident(tracks: TrackView[], facts: Partial<IncidentView['facts']> = {}): IncidentView {
  return { id: 'i1', reference: 'BF-1', title: 'T', status: 'open', awareAt: AWARE, factsVersion: 1, createdAt: AWARE, updatedAt: AWARE, facts: { title: 'T', summary: 'S', discoveredAt: AWARE, awareAt: AWARE, ourRole: 'controller', ...facts }, risk: null, missingRiskFacts: [], tracks, clocks: [], clocksSource: 'workflow', workflowId: 'w', workflowPending: false, suggestedScreenings: [], screenings: {}, workflowFactsVersion: 1, pendingDecisions: [] };
}

const filing = (kind: string, status: string, recipient: string | null = null) => ({ id: `${kind}-${status}-${recipient}`, sequence: 1, kind, status, revision: 1, recipient });
const kinds = (view: IncidentView, index = 0) => draftOptions(view, view.tracks[index]).map((option) => [option.kind, option.recipient, option.primary]);

describe('the next report on each track (web app)', () => {
  it('offers the first report, nothing while a report is unfinished, then a supplement', () => {
    expect(kinds(incident([track('gdpr-art33')]))).toEqual([['initial', null, true]]);
    expect(kinds(incident([track('gdpr-art33', { filings: [filing('initial', 'awaiting-approval')] })]))).toEqual([]);
    expect(kinds(incident([track('gdpr-art33', { status: 'filed', filings: [filing('initial', 'filed')] })]))).toEqual([['supplement', null, true]]);
    expect(kinds(incident([track('gdpr-art33', { status: 'not-required' })]))).toEqual([]);
  });

  it('offers a processor one notice per affected controller', () => {
    const view = incident([track('gdpr-art33-2', { filings: [filing('initial', 'filed', 'Region A')] })], { ourRole: 'processor', affectedControllers: ['Region A', 'Region B'] });
    expect(kinds(view)).toEqual([
      ['supplement', 'Region A', true],
      ['initial', 'Region B', true],
    ]);
  });

  it('offers NIS2 its next pending stage: early warning, notification, an intermediate report asked for, the final report or a progress report', () => {
    const pending = (stage: string, hours: number) => ({ stage, clock: stage, anchorAt: AWARE, deadline: at(hours) }) as TrackView['pendingDeadlines'][number];
    const nis2 = (change: Partial<TrackView>) => incident([track('nis2', { deadline: at(24), ...change })]);
    expect(kinds(nis2({ pendingDeadlines: [pending('notification', 72), pending('early-warning', 24)] }))).toEqual([['early-warning', null, true]]);
    expect(kinds(nis2({ pendingDeadlines: [pending('notification', 72)], filings: [filing('early-warning', 'filed')] }))).toEqual([['notification', null, true]]);
    const notified = [filing('early-warning', 'filed'), filing('notification', 'filed')];
    expect(kinds(nis2({ pendingDeadlines: [pending('final', 800), pending('intermediate', 200)], filings: notified }))).toEqual([
      ['intermediate', null, true],
      ['progress', null, false],
    ]);
    expect(kinds(nis2({ pendingDeadlines: [pending('final', 800)], filings: [...notified, filing('progress', 'filed')] }))).toEqual([['final', null, true]]);
    // Before the workflow answers: the early warning.
    expect(kinds(nis2({ live: false }))).toEqual([['early-warning', null, true]]);
  });

  it('drafts Lex Maria in Swedish whatever the reader’s language, and lets only a designated reporter record it', () => {
    expect(draftLanguage('lex-maria', 'en')).toBe('sv');
    expect(draftLanguage('nis2', 'en')).toBe('en');
    expect(mayRecord('lex-maria', { role: 'responder', designatedReporter: false })).toBe(false);
    expect(mayRecord('lex-maria', { role: 'responder', designatedReporter: true })).toBe(true);
    expect(mayRecord('gdpr-art33', { role: 'responder', designatedReporter: false })).toBe(true);
    expect(mayRecord('gdpr-art33', { role: 'viewer', designatedReporter: true })).toBe(false);
    const approved = incident([track('lex-maria', { filings: [filing('initial', 'approved')] })]);
    expect(nextStepsFor({ role: 'approver', designatedReporter: false }, [approved]).map((step) => step.kind)).toEqual([]);
    expect(nextStepsFor({ role: 'responder', designatedReporter: true }, [approved]).map((step) => step.kind)).toEqual(['record']);
  });

  it('puts a suggested screening before whoever may decide it: the DPO or a designated reporter for Lex Maria, an approver or the DPO for NIS2', () => {
    const suggested = { ...incident([track('gdpr-art33')]), suggestedScreenings: ['lex-maria', 'nis2'] as IncidentView['suggestedScreenings'] };
    const screenings = (role: 'responder' | 'approver' | 'dpo', designatedReporter = false) =>
      nextStepsFor({ role, designatedReporter }, [suggested]).filter((step) => step.kind === 'screen').map((step) => step.track);
    expect(screenings('dpo')).toEqual(['lex-maria', 'nis2']);
    expect(screenings('approver')).toEqual(['nis2']);
    expect(screenings('responder')).toEqual([]);
    expect(screenings('responder', true)).toEqual(['lex-maria']);
  });

  it('counts every pending stage for the nearest deadline', () => {
    const view = incident([track('gdpr-art33', { deadline: at(72) }), track('nis2', { deadline: at(24), pendingDeadlines: [{ stage: 'early-warning', clock: 'early-warning', anchorAt: AWARE, deadline: at(24) }] })]);
    expect(nearestDeadline(view)).toBe(at(24));
  });
});
