/**
 * The rules of the screened tracks: NIS2's staged deadlines, Lex Maria's designated reporters and
 * channels, the screening questions and the tasks' content. Each rule is checked from both ends.
 */
import { describe, expect, it } from '@jest/globals';
import { addCalendarMonths } from '../../../libs/domain/src/clocks/calendar.js';
import type { FilingKind } from '../../../libs/domain/src/filings/filing-kinds.js';
import { decideFilingStep } from '../../../libs/domain/src/tracks/decide-filing-step.js';
import type { Actor, FilingTrackCommand } from '../../../libs/domain/src/tracks/filing-track-commands.js';
import { openFilingTrack, trackStatus, type FilingTrackState } from '../../../libs/domain/src/tracks/filing-track-state.js';
import { stageRulesOf } from '../../../libs/domain/src/tracks/stages/stage-rules.js';
import { answersApply, refuseScreening, refuseUnfitForScreening, suggestedScreenings } from '../../../libs/domain/src/tracks/screening.js';
import { refusePatientInformationDone } from '../../../libs/domain/src/tracks/tasks/patient-information.js';
import { refuseEventAnalysisDone } from '../../../libs/domain/src/tracks/tasks/event-analysis.js';
import { refuseServiceRecipientsDone } from '../../../libs/domain/src/tracks/tasks/service-recipients.js';
import { tasksOpenedWith } from '../../../libs/domain/src/tracks/tasks/task-kinds.js';
import { EHR_RANSOMWARE } from '../filings/screened-track-fixtures.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const awareAt = Date.parse('2026-11-23T03:30:00Z');
const alice: Actor = { userId: 'alice', role: 'responder' };
const bob: Actor = { userId: 'bob', role: 'approver' };
const dora: Actor = { userId: 'dora', role: 'dpo' };
const reporter: Actor = { userId: 'rita', role: 'responder', designatedReporterFor: ['lex-maria'] };

function step(state: FilingTrackState, command: FilingTrackCommand, actor: Actor, at: number): FilingTrackState {
  const decision = decideFilingStep(state, command, actor, at);
  if (!decision.ok) throw new Error(`refused: ${decision.refusal.kind} ${decision.refusal.message}`);
  return decision.state;
}

function refusal(state: FilingTrackState, command: FilingTrackCommand, actor: Actor, at: number) {
  const decision = decideFilingStep(state, command, actor, at);
  if (decision.ok) throw new Error(`expected ${command.type} to be refused`);
  return decision.refusal;
}

/** Drafted, submitted and approved by two people; `filingId` names it. */
function approved(state: FilingTrackState, filingId: string, kind: FilingKind, at: number): FilingTrackState {
  let next = step(state, { type: 'open-draft', filingId, kind, recipient: null, language: 'sv' }, alice, at);
  next = step(next, { type: 'submit', filingId, revision: 1 }, alice, at);
  return step(next, { type: 'approve', filingId, revision: 1 }, bob, at);
}

const filed = (state: FilingTrackState, filingId: string, kind: FilingKind, at: number, by: Actor = alice, channel = 'mcf-e-service') =>
  step(approved(state, filingId, kind, at), { type: 'record', filingId, filedAt: new Date(at).toISOString(), channel }, by, at);

const nis2 = () => openFilingTrack({ track: 'nis2', anchorAt: new Date(awareAt).toISOString(), windowMs: 24 * HOUR });
const pending = (state: FilingTrackState) => Object.fromEntries(stageRulesOf('nis2').pendingDeadlines(state).map((due) => [due.clock, due.deadline]));

describe('NIS2 staged reports (Cybersäkerhetslagen 2 kap. 5–8 §§)', () => {
  it('owes an early warning within 24 h and the notification within 72 h of awareness', () => {
    expect(pending(nis2())).toEqual({ 'early-warning': new Date(awareAt + 24 * HOUR).toISOString(), notification: new Date(awareAt + 72 * HOUR).toISOString() });
  });

  it('dates the final report one calendar month after the notification, and completes the track with it', () => {
    const notifiedAt = awareAt + 50 * HOUR;
    let state = filed(nis2(), 'ew', 'early-warning', awareAt + 10 * HOUR);
    expect(Object.keys(pending(state))).toEqual(['notification']);
    state = filed(state, 'n', 'notification', notifiedAt);
    expect(pending(state)).toEqual({ final: addCalendarMonths(new Date(notifiedAt), 1, 'Europe/Stockholm').toISOString() });
    expect(trackStatus(state, notifiedAt)).toBe('open');
    state = filed(state, 'f', 'final', notifiedAt + 20 * DAY);
    expect(state.complete).toBe(true);
  });

  it('moves the final report to a month after the incident is handled once a progress report is filed', () => {
    let state = filed(filed(nis2(), 'ew', 'early-warning', awareAt + HOUR), 'n', 'notification', awareAt + 2 * HOUR);
    state = filed(state, 'p', 'progress', awareAt + 30 * DAY);
    expect(pending(state)).toEqual({});
    const handledAt = new Date(awareAt + 40 * DAY).toISOString();
    state = step(state, { type: 'record-handled', handledAt }, alice, awareAt + 41 * DAY);
    expect(pending(state)).toEqual({ 'final-after-progress': addCalendarMonths(new Date(handledAt), 1, 'Europe/Stockholm').toISOString() });
  });

  it('drafts an intermediate report only on a recorded request, with a clock of its own for each request', () => {
    let state = filed(filed(nis2(), 'ew', 'early-warning', awareAt + HOUR), 'n', 'notification', awareAt + 2 * HOUR);
    expect(refusal(state, { type: 'open-draft', filingId: 'i1', kind: 'intermediate', recipient: null }, alice, awareAt + 3 * HOUR).message).toMatch(/record the request first/);
    const dueAt = new Date(awareAt + 7 * DAY).toISOString();
    state = step(state, { type: 'request-intermediate', dueAt }, alice, awareAt + 3 * HOUR);
    expect(pending(state)['intermediate-1']).toBe(dueAt);
    state = filed(state, 'i1', 'intermediate', awareAt + 5 * DAY);
    expect(pending(state)['intermediate-1']).toBeUndefined();
    state = step(state, { type: 'request-intermediate', dueAt: new Date(awareAt + 12 * DAY).toISOString() }, alice, awareAt + 6 * DAY);
    expect(Object.keys(pending(state))).toContain('intermediate-2');
  });

  it('refuses reports out of order and kinds of other tracks, naming the field', () => {
    const state = nis2();
    expect(refusal(state, { type: 'open-draft', filingId: 'x', kind: 'final', recipient: null }, alice, awareAt + HOUR).message).toMatch(/follows the incident notification/);
    expect(refusal(state, { type: 'open-draft', filingId: 'x', kind: 'initial', recipient: null }, alice, awareAt + HOUR)).toMatchObject({ kind: 'unprocessable', field: 'kind' });
    expect(refusal(state, { type: 'record-handled', handledAt: new Date(awareAt + 2 * DAY).toISOString() }, alice, awareAt + DAY)).toMatchObject({ kind: 'unprocessable', field: 'handledAt' });
  });
});

describe('Lex Maria recording (HSLF-FS 2017:41 4 §; IVO takes no e-mail)', () => {
  const lexMaria = () => openFilingTrack({ track: 'lex-maria', anchorAt: new Date(awareAt).toISOString(), windowMs: 14 * DAY });
  const record = (channel: string) => ({ type: 'record' as const, filingId: 'r', filedAt: new Date(awareAt + DAY).toISOString(), channel });

  it('lets only a designated reporter record the report, and only by IVO e-service or post', () => {
    const state = approved(lexMaria(), 'r', 'initial', awareAt + DAY);
    expect(refusal(state, record('ivo-e-service'), dora, awareAt + DAY)).toMatchObject({ kind: 'forbidden' });
    expect(refusal(state, record('e-mail'), reporter, awareAt + DAY)).toMatchObject({ kind: 'unprocessable', field: 'channel', message: expect.stringContaining('never by e-mail') });
    expect(step(state, record('post'), reporter, awareAt + DAY).filings[0]!.status).toBe('filed');
  });

  it('drafts in Swedish only', () => {
    expect(refusal(lexMaria(), { type: 'open-draft', filingId: 'r', kind: 'initial', recipient: null, language: 'en' }, alice, awareAt + HOUR)).toMatchObject({ field: 'language' });
  });
});

describe('screening', () => {
  const lexMaria = { track: 'lex-maria', applies: true, reason: 'Fördröjd behandling kunde ha lett till allvarlig vårdskada.', answers: { track: 'lex-maria' as const, seriousCareInjury: 'could-have-caused' as const } };

  it('suggests Lex Maria for a care provider whose patients were or could have been harmed, and NIS2 for essential and important entities', () => {
    expect(suggestedScreenings(EHR_RANSOMWARE)).toEqual(['lex-maria', 'nis2']);
    expect(suggestedScreenings({ ...EHR_RANSOMWARE, careImpact: 'minor', nis2EntityClass: 'none' })).toEqual([]);
    expect(suggestedScreenings({ ...EHR_RANSOMWARE, careProvider: false })).toEqual(['nis2']);
  });

  it('applies exactly when a statutory test is met', () => {
    expect(answersApply({ track: 'lex-maria', seriousCareInjury: 'caused' })).toBe(true);
    expect(answersApply({ track: 'lex-maria', seriousCareInjury: 'neither' })).toBe(false);
    expect(answersApply({ track: 'nis2', severeDisruptionOrFinancialLoss: false, considerableDamageToOthers: true })).toBe(true);
    expect(answersApply({ track: 'nis2', severeDisruptionOrFinancialLoss: false, considerableDamageToOthers: false })).toBe(false);
  });

  it('is for the DPO or a designated reporter (Lex Maria) and for approvers (NIS2), with answers that agree and a reason', () => {
    expect(refuseScreening(lexMaria, alice, {})).toMatchObject({ kind: 'forbidden' });
    expect(refuseScreening(lexMaria, reporter, {})).toBeUndefined();
    expect(refuseScreening(lexMaria, dora, {})).toBeUndefined();
    expect(refuseScreening({ ...lexMaria, applies: false }, dora, {})).toMatchObject({ kind: 'unprocessable', field: 'applies' });
    expect(refuseScreening({ ...lexMaria, reason: 'för kort' }, dora, {})).toMatchObject({ field: 'reason' });
    expect(refuseScreening(lexMaria, dora, { 'lex-maria': { applies: true, decidedBy: 'dora', decidedAt: '2026-11-24T08:00:00Z' } })).toMatchObject({ kind: 'conflict' });
    expect(refuseScreening({ ...lexMaria, track: 'gdpr-art33' }, dora, {})).toMatchObject({ kind: 'not-found' });
    const nis2Screening = { track: 'nis2', applies: true, reason: 'Akutvården arbetade med reservrutiner i tio timmar.', answers: { track: 'nis2' as const, severeDisruptionOrFinancialLoss: true, considerableDamageToOthers: false } };
    expect(refuseScreening(nis2Screening, reporter, {})).toMatchObject({ kind: 'forbidden' });
    expect(refuseScreening(nis2Screening, bob, {})).toBeUndefined();
  });

  it('refuses a track the organisation cannot owe, naming the fact to set', () => {
    expect(refuseUnfitForScreening('lex-maria', { ...EHR_RANSOMWARE, careProvider: false })).toMatchObject({ field: 'facts.careProvider' });
    expect(refuseUnfitForScreening('nis2', { ...EHR_RANSOMWARE, nis2EntityClass: 'none' })).toMatchObject({ field: 'facts.nis2EntityClass' });
    expect(refuseUnfitForScreening('nis2', EHR_RANSOMWARE)).toBeUndefined();
  });
});

describe('the tracks’ tasks', () => {
  it('opens the event analysis with Lex Maria and the recipients task with NIS2; patient groups are added by people', () => {
    expect(tasksOpenedWith('lex-maria')).toEqual(['event-analysis']);
    expect(tasksOpenedWith('nis2')).toEqual(['service-recipients']);
  });

  it('counts informing a patient group done only with all six items, who, when and the record note — or a secrecy bar', () => {
    const allSix = { eventOccurred: true, preventionMeasures: true, complaintsHandling: true, patientBoard: true, ivoComplaint: true, compensation: true };
    const told = { group: 'Patienter på akuten', told: 'patient' as const, informedAt: '2026-11-30T13:00:00Z', items: allSix, recordNoteMade: true };
    expect(refusePatientInformationDone(told)).toBeUndefined();
    expect(refusePatientInformationDone({ ...told, items: { ...allSix, compensation: false } })).toMatchObject({ field: 'data.items.compensation' });
    expect(refusePatientInformationDone({ ...told, recordNoteMade: false })).toMatchObject({ field: 'data.recordNoteMade' });
    expect(refusePatientInformationDone({ ...told, told: 'relative' })).toMatchObject({ field: 'data.relativeReason' });
    expect(refusePatientInformationDone({ group: 'Skyddade patienter', items: {}, secrecyPrevents: 'Sekretess enligt 25 kap. OSL hindrar informationen till patienten.' })).toBeUndefined();
  });

  it('counts the event analysis done with the course of events, causes, investigators and a measure with a timetable', () => {
    const analysis = { courseOfEvents: 'Tidslinje', causes: 'Orsaker', investigators: 'Chefläkaren', measures: [{ description: 'Övning', owner: 'Verksamhetschefen', dueDate: '2027-03-31' }] };
    expect(refuseEventAnalysisDone(analysis)).toBeUndefined();
    expect(refuseEventAnalysisDone({ ...analysis, measures: [] })).toMatchObject({ field: 'data.measures' });
    expect(refuseEventAnalysisDone({ ...analysis, causes: ' ' })).toMatchObject({ field: 'data.causes' });
  });

  it('counts informing the service’s recipients done with a reasoned decision, and when and how if they were told', () => {
    expect(refuseServiceRecipientsDone({})).toMatchObject({ field: 'data.required' });
    expect(refuseServiceRecipientsDone({ required: true, reason: 'Tjänsten påverkas' })).toMatchObject({ field: 'data.informedAt' });
    expect(refuseServiceRecipientsDone({ required: false, reason: 'Mottagarna påverkades inte.' })).toBeUndefined();
  });
});
