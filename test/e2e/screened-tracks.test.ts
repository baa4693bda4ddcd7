/**
 * Lex Maria to IVO and NIS2 to MCF beside the IMY notification, through the API against real
 * PostgreSQL and a real Temporal server: the suggestion, the screening, the tasks, the Swedish IVO
 * draft with four eyes and a designated reporter, NIS2's staged deadlines, and one timeline.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { addCalendarMonths } from '../../libs/domain/src/clocks/calendar.js';
import { FILING_TRACKS } from '../../libs/domain/src/tracks/catalogue.js';
import { CaseFile } from '../../libs/persistence/src/case-file.js';
import { Organisation } from '../../libs/persistence/src/entities/organisation.entity.js';
import type { SeededOrganisation } from '../../libs/persistence/src/seed/organisation-with-users.js';
import { eventually } from '../support/eventually.js';
import { newIncidentBody } from '../support/incident-bodies.js';
import { riskFacts } from '../support/risk-facts-examples.js';
import { SystemUnderTest } from '../support/system-under-test.js';

const HOUR = 3_600_000;
// Workflows answer on their own schedule; on a busy machine a step may take seconds.
jest.setTimeout(60_000);

let system: SystemUnderTest;
let org: SeededOrganisation;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  system = await SystemUnderTest.start();
  org = await system.organisation('Region Screening');
  await system.dataSource.getRepository(Organisation).update(
    { id: org.organisationId },
    { legalName: 'Region Screening', orgNumber: '232100-0001', postalAddress: 'Box 2, 222 22 Exempelstad', contactName: 'Chefläkaren', contactEmail: 'chefslakare@region.example', contactPhone: '010-000 00 01', contactRole: 'Chefläkare' },
  );
  for (const role of ['responder', 'approver', 'dpo', 'admin', 'viewer'] as const) tokens[role] = await system.login(org, role);
}, 60_000);

afterAll(async () => {
  await system?.stop();
});

const api = <T = any>(method: string, path: string, role: string, body?: unknown) => system.request<T>(method, path, { token: tokens[role], body });

/** A care provider that is also an essential entity: its EHR outage delayed care and hit the service. */
async function careProviderIncident() {
  const { breach: _b, data: _d, subjects: _s, controller: _c, ...narrative } = newIncidentBody();
  const created = await api('POST', '/api/incidents', 'responder', {
    ...narrative,
    ...riskFacts,
    title: 'Journalsystemet låst av utpressningsprogram',
    summary: 'Utpressningsprogram krypterade journalsystemets databas; akutmottagningen arbetade på papper i tio timmar.',
    careProvider: true,
    careImpact: 'serious-harm-possible',
    careUnit: 'Akutmottagningen, Exempelsjukhuset',
    patientConsequences: 'Läkemedelslistor saknades; två patienter fick fördröjd behandling.',
    nis2EntityClass: 'essential',
    nis2: { serviceImpact: 'Akutvården arbetade med reservrutiner i tio timmar.', crossBorderImpact: false },
  });
  expect(created.status).toBe(201);
  return created.body as { id: string; awareAt: string };
}

const incidentOf = (id: string) => api('GET', `/api/incidents/${id}`, 'responder').then((response) => response.body);
const liveTrack = (id: string, kind: string) =>
  eventually(async () => (await incidentOf(id)).tracks.find((track: { kind: string; live: boolean }) => track.kind === kind && track.live), { what: `${kind} live` });

async function approvedDraft(incidentId: string, body: Record<string, unknown>) {
  const draft = await api('POST', `/api/incidents/${incidentId}/filings`, 'responder', body);
  expect(draft.status).toBe(201);
  expect((await api('POST', `/api/filings/${draft.body.id}/submit`, 'responder', {})).status).toBe(200);
  expect((await api('POST', `/api/filings/${draft.body.id}/approve`, 'approver', {})).status).toBe(200);
  return draft.body as { id: string; document: any };
}

describe('Lex Maria, NIS2 and the IMY notification on one incident', () => {
  let incidentId: string;
  let awareAt: number;

  beforeAll(async () => {
    const created = await careProviderIncident();
    incidentId = created.id;
    awareAt = Date.parse(created.awareAt);
    await liveTrack(incidentId, 'gdpr-art33');
  }, 60_000);

  it('suggests both screenings, owes neither until a person decides, and refuses a screening that does not fit the facts or the role', async () => {
    const incident = await incidentOf(incidentId);
    expect(incident.suggestedScreenings).toEqual(['lex-maria', 'nis2']);
    expect(incident.tracks.map((track: { kind: string }) => track.kind)).not.toContain('lex-maria');

    const lexMaria = { applies: true, reason: 'Fördröjd behandling på akuten kunde ha lett till allvarlig vårdskada.', answers: { track: 'lex-maria', seriousCareInjury: 'could-have-caused' } };
    const byResponder = await api('POST', `/api/incidents/${incidentId}/tracks/lex-maria/screening`, 'responder', lexMaria);
    expect(byResponder.status).toBe(403);
    const contradicting = await api('POST', `/api/incidents/${incidentId}/tracks/lex-maria/screening`, 'dpo', { ...lexMaria, answers: { track: 'lex-maria', seriousCareInjury: 'neither' } });
    expect(contradicting.status).toBe(422);
    expect(contradicting.body.message).toMatch(/do not meet the test/);
    const shortReason = await api('POST', `/api/incidents/${incidentId}/tracks/lex-maria/screening`, 'dpo', { ...lexMaria, reason: 'kort' });
    expect(shortReason.status).toBe(400);
    expect(JSON.stringify(shortReason.body)).toContain('reason');
    expect((await api('POST', `/api/incidents/${incidentId}/tracks/gdpr-art33/screening`, 'dpo', lexMaria)).status).toBe(404);
  });

  it('screens Lex Maria in: the track starts with its target clock, and the event analysis opens with its own target', async () => {
    const screened = await api('POST', `/api/incidents/${incidentId}/tracks/lex-maria/screening`, 'dpo', {
      applies: true,
      reason: 'Fördröjd behandling på akuten kunde ha lett till allvarlig vårdskada.',
      answers: { track: 'lex-maria', seriousCareInjury: 'could-have-caused' },
    });
    expect(screened.status).toBe(200);
    expect(screened.body.screenings['lex-maria']).toMatchObject({ applies: true });
    expect(screened.body.suggestedScreenings).toEqual(['nis2']);
    const track = await liveTrack(incidentId, 'lex-maria');
    // "Snarast" as the organisation's target: 14 days by default, a policy choice rather than law.
    expect(track.deadline).toBe(new Date(awareAt + 14 * 24 * HOUR).toISOString());

    const tasks = (await api('GET', `/api/incidents/${incidentId}/tasks`, 'viewer')).body.items;
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ kind: 'event-analysis', track: 'lex-maria', status: 'open' });
    expect(Date.parse(tasks[0].dueAt) - Date.now()).toBeGreaterThan(41 * 24 * HOUR);
  });

  it('records informing a patient group only when all six items, who and when, and the record note are there', async () => {
    const group = { group: 'Patienter med fördröjd behandling', items: {} };
    const created = await api('POST', `/api/incidents/${incidentId}/tasks`, 'responder', { kind: 'patient-information', data: group });
    expect(created.status).toBe(201);
    const early = await api('POST', `/api/incidents/${incidentId}/tasks/${created.body.id}/complete`, 'responder');
    expect(early.status).toBe(422);
    expect(early.body.errors).toEqual([expect.objectContaining({ field: 'data.told' })]);
    const badData = await api('PATCH', `/api/incidents/${incidentId}/tasks/${created.body.id}`, 'responder', { data: { ...group, told: 'neighbour' } });
    expect(badData.status).toBe(400);
    expect(JSON.stringify(badData.body)).toContain('data.told');
    const allSix = Object.fromEntries(['eventOccurred', 'preventionMeasures', 'complaintsHandling', 'patientBoard', 'ivoComplaint', 'compensation'].map((item) => [item, true]));
    const told = { ...group, told: 'patient', informedAt: new Date(Date.now() - HOUR).toISOString(), items: allSix };
    expect((await api('PATCH', `/api/incidents/${incidentId}/tasks/${created.body.id}`, 'responder', { data: told })).status).toBe(200);
    const noNote = await api('POST', `/api/incidents/${incidentId}/tasks/${created.body.id}/complete`, 'responder');
    expect(noNote.status).toBe(422);
    expect(noNote.body.errors).toEqual([expect.objectContaining({ field: 'data.recordNoteMade' })]);
    await api('PATCH', `/api/incidents/${incidentId}/tasks/${created.body.id}`, 'responder', { data: { ...told, recordNoteMade: true } });
    const done = await api('POST', `/api/incidents/${incidentId}/tasks/${created.body.id}/complete`, 'responder');
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'done' });
  });

  it('drafts the IVO report in Swedish only, approves it with four eyes, and lets only a designated reporter record it by e-service or post', async () => {
    expect((await api('POST', `/api/incidents/${incidentId}/filings`, 'responder', { track: 'lex-maria', language: 'en', kind: 'initial' })).status).toBe(422);
    const settings = await api('PATCH', '/api/organisation', 'admin', { lexMariaReporters: [org.users.responder.id] });
    expect(settings.status).toBe(200);
    expect((await api('PATCH', '/api/organisation', 'admin', { lexMariaReporters: ['00000000-0000-4000-8000-000000000000'] })).status).toBe(422);

    const draft = await approvedDraft(incidentId, { track: 'lex-maria', language: 'sv', kind: 'initial', supplementsToFollow: 'Händelseanalysen pågår.' });
    const items = Object.fromEntries(draft.document.sections.flatMap((section: any) => section.items).map((item: any) => [item.id, item]));
    expect(draft.document.title).toBe('Anmälan enligt lex Maria');
    expect(items['lexMaria.careUnit'].value).toBe('Akutmottagningen, Exempelsjukhuset');
    expect(items['lexMaria.seriousCareInjury'].value).toMatch(/hade kunnat medföra en allvarlig vårdskada/);
    expect(items['lexMaria.reporters'].value).toBeTruthy();
    expect(items['lexMaria.patientInformation'].value).toMatch(/alla sex punkter/);
    expect(items['lexMaria.investigation'].value).toMatch(/Utredningen pågår/);
    expect(items['lexMaria.otherReports'].value).toBeTruthy();

    const byEmail = await api('POST', `/api/filings/${draft.id}/record`, 'responder', { filedAt: new Date().toISOString(), channel: 'e-mail' });
    expect(byEmail.status).toBe(422);
    expect(byEmail.body.message).toMatch(/never by e-mail/);
    const notDesignated = await api('POST', `/api/filings/${draft.id}/record`, 'approver', { filedAt: new Date().toISOString(), channel: 'ivo-e-service' });
    expect(notDesignated.status).toBe(403);
    const recorded = await api('POST', `/api/filings/${draft.id}/record`, 'responder', { filedAt: new Date().toISOString(), channel: 'ivo-e-service', reference: 'IVO 3.5.1-12345/2026' });
    expect(recorded.status).toBe(200);
    expect(recorded.body).toMatchObject({ status: 'filed', channel: 'ivo-e-service' });
  });

  it('screens NIS2 in and counts its stages: 24 h and 72 h from awareness, then the final report a calendar month after the notification', async () => {
    const screened = await api('POST', `/api/incidents/${incidentId}/tracks/nis2/screening`, 'approver', {
      applies: true,
      reason: 'Akutvården fick arbeta med reservrutiner i tio timmar: allvarlig driftstörning.',
      answers: { track: 'nis2', severeDisruptionOrFinancialLoss: true, considerableDamageToOthers: false },
    });
    expect(screened.status).toBe(200);
    const track = await liveTrack(incidentId, 'nis2');
    expect(track.deadline).toBe(new Date(awareAt + 24 * HOUR).toISOString());
    const due = Object.fromEntries(track.pendingDeadlines.map((pending: { stage: string; deadline: string }) => [pending.stage, pending.deadline]));
    expect(due).toEqual({ 'early-warning': new Date(awareAt + 24 * HOUR).toISOString(), notification: new Date(awareAt + 72 * HOUR).toISOString() });

    const earlyWarning = await approvedDraft(incidentId, { track: 'nis2', language: 'en', kind: 'early-warning' });
    expect(earlyWarning.document.title).toBe('Early warning of a significant incident');
    expect((await api('POST', `/api/filings/${earlyWarning.id}/record`, 'responder', { filedAt: new Date().toISOString(), channel: 'mcf-e-service' })).status).toBe(200);
    const notification = await approvedDraft(incidentId, { track: 'nis2', language: 'sv', kind: 'notification' });
    const notifiedAt = new Date().toISOString();
    expect((await api('POST', `/api/filings/${notification.id}/record`, 'responder', { filedAt: notifiedAt, channel: 'mcf-e-service' })).status).toBe(200);

    const after = await eventually(async () => {
      const current = (await incidentOf(incidentId)).tracks.find((candidate: { kind: string }) => candidate.kind === 'nis2');
      return current.pendingDeadlines.some((pending: { stage: string }) => pending.stage === 'final') ? current : undefined;
    });
    expect(after.pendingDeadlines).toEqual([
      { stage: 'final', clock: 'final', anchorAt: new Date(notifiedAt).toISOString(), deadline: addCalendarMonths(new Date(notifiedAt), 1, 'Europe/Stockholm').toISOString() },
    ]);
    // The daily digest lists each stage still owed, and no stage already filed.
    const open = await eventually(async () => {
      const clocks = (await system.app.get(CaseFile).read.clocks.openClocks(org.organisationId, FILING_TRACKS)).filter((clock) => clock.incidentId === incidentId).map((clock) => clock.kind);
      return clocks.includes('nis2:final') ? clocks : undefined;
    });
    expect(open.sort()).toEqual(['gdpr-art33', 'nis2:final']);
  });

  it('lists every track’s clocks, filings and decisions on one timeline, in time order, with who did what', async () => {
    const timeline = await eventually(async () => {
      const response = await api('GET', `/api/incidents/${incidentId}/timeline`, 'viewer');
      const clocks = response.body.items.filter((entry: { action: string }) => entry.action === 'deadline').map((entry: { clock: string }) => entry.clock);
      return clocks.includes('nis2:final') ? response.body.items : undefined;
    });
    const instants = timeline.map((entry: { at: string }) => Date.parse(entry.at));
    expect(instants).toEqual([...instants].sort((a, b) => a - b));
    const tracks = new Set(timeline.map((entry: { track: string | null }) => entry.track));
    for (const kind of ['gdpr-art33', 'lex-maria', 'nis2']) expect(tracks).toContain(kind);
    const screenedIn = timeline.find((entry: { action: string; track: string }) => entry.action === 'track.screened-in' && entry.track === 'lex-maria');
    expect(screenedIn.who.id).toBe(org.users.dpo.id);
    expect(screenedIn.summary.sv).toMatch(/ska rapporteras/);
    const filed = timeline.filter((entry: { action: string }) => entry.action === 'filing.filed').map((entry: { track: string }) => entry.track);
    expect(filed).toEqual(['lex-maria', 'nis2', 'nis2']);
    expect(timeline.some((entry: { action: string; track: string }) => entry.action === 'filing.approved' && entry.track === 'lex-maria')).toBe(true);
    expect(timeline.some((entry: { action: string }) => entry.action === 'task-due')).toBe(true);
    // The timeline names people and tracks, never the facts.
    expect(JSON.stringify(timeline)).not.toContain('Läkemedelslistor');
  });

  it('lists each track’s outcome in the register export', async () => {
    const register = await api('GET', '/api/register?format=json&language=sv', 'viewer');
    expect(register.status).toBe(200);
    const entry = register.body.find((candidate: { incidentId: string }) => candidate.incidentId === incidentId);
    expect(entry.tracks).toEqual([
      { track: 'gdpr-art33', outcome: 'open' },
      // A possible serious care injury makes the breach high-risk: the people are owed a notice too.
      { track: 'gdpr-art34', outcome: 'open' },
      { track: 'lex-maria', outcome: 'filed' },
      { track: 'nis2', outcome: 'filed' },
    ]);
    expect(entry.screenings.map((screening: { track: string; applies: boolean }) => [screening.track, screening.applies])).toEqual([
      ['lex-maria', true],
      ['nis2', true],
    ]);
    expect(entry.missing).toContain('track:gdpr-art33');
  });
});
