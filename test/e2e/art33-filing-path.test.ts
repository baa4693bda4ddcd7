/**
 * The core promise, end to end through the API against real PostgreSQL, a real Temporal
 * server and a real SMTP server: create → assess → draft → submit → approve → file →
 * supplement → final → register export → close; reminders reach each person in a message of
 * their own; every refusal a person can meet comes with its status and message.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Organisation } from '../../libs/persistence/src/entities/organisation.entity.js';
import type { SeededOrganisation } from '../../libs/persistence/src/seed/organisation-with-users.js';
import { newIncidentBody } from '../support/incident-bodies.js';
import { riskFacts } from '../support/risk-facts-examples.js';
import { eventually } from '../support/eventually.js';
import { SystemUnderTest } from '../support/system-under-test.js';

const HOUR = 3_600_000;
let system: SystemUnderTest;
let org: SeededOrganisation;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  system = await SystemUnderTest.start();
  org = await system.organisation('Region Exempel');
  await system.dataSource.getRepository(Organisation).update(
    { id: org.organisationId },
    { legalName: 'Region Exempel', orgNumber: '232100-0000', postalAddress: 'Box 1, 111 11 Exempelstad', contactName: 'Dataskyddsombudet', contactEmail: 'dso@region.example', contactPhone: '010-000 00 00', contactRole: 'DPO' },
  );
  for (const role of ['responder', 'approver', 'dpo', 'viewer'] as const) tokens[role] = await system.login(org, role);
}, 60_000);

afterAll(async () => {
  await system?.stop();
});

const api = <T = any>(method: string, path: string, role: string, body?: unknown) => system.request<T>(method, path, { token: tokens[role], body });


async function incidentWithArt33Track(overrides: Record<string, unknown> = {}) {
  const { breach: _b, data: _d, subjects: _s, controller: _c, ...narrative } = newIncidentBody();
  const created = await api('POST', '/api/incidents', 'responder', { ...narrative, ...riskFacts, ...overrides });
  expect(created.status).toBe(201);
  const id: string = created.body.id;
  return eventually(async () => {
    const incident = (await api('GET', `/api/incidents/${id}`, 'responder')).body;
    return incident.tracks.find((t: { kind: string; live: boolean }) => t.kind === 'gdpr-art33' && t.live) ? incident : undefined;
  });
}

describe('an Art. 33 report from draft to closure', () => {
  it('walks the whole path', async () => {
    const incident = await incidentWithArt33Track();
    const track = incident.tracks.find((t: { kind: string }) => t.kind === 'gdpr-art33');
    expect(track).toMatchObject({ status: 'open', deadline: new Date(new Date(incident.awareAt).getTime() + 72 * HOUR).toISOString() });
    expect(track.nextReminder).toMatchObject({ key: 'p50' });

    const draft = await api('POST', `/api/incidents/${incident.id}/filings`, 'responder', { track: 'gdpr-art33', language: 'sv', kind: 'initial', supplementsToFollow: 'Antalet berörda bekräftas av leverantören.' });
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ status: 'draft', revision: 1, kind: 'initial', track: 'gdpr-art33' });
    expect(draft.body.document.sections.length).toBeGreaterThan(3);
    const art33Items = new Set(draft.body.document.sections.flatMap((s: { items: Array<{ art33Item?: string }> }) => s.items.map((i) => i.art33Item).filter(Boolean)));
    expect([...art33Items].sort()).toEqual(['a', 'b', 'c', 'd']);
    const filingId: string = draft.body.id;

    const html = await system.request('GET', `/api/filings/${filingId}/document?format=html`, { token: tokens.responder });
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toMatch(/text\/html/);
    expect(html.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect(html.body).toContain(incident.reference);
    const pdf = await fetch(`${system.baseUrl}/api/filings/${filingId}/document?format=pdf`, { headers: { authorization: `Bearer ${tokens.responder}` } });
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    const json = await system.request('GET', `/api/filings/${filingId}/document?format=json`, { token: tokens.responder });
    expect(json.body.schema).toBe('breachflow.filing/1');
    expect((await system.request('GET', `/api/filings/${filingId}/document?format=docx`, { token: tokens.responder })).status).toBe(400);

    expect((await api('POST', `/api/filings/${filingId}/submit`, 'responder', {})).body.status).toBe('awaiting-approval');
    const byResponder = await api('POST', `/api/filings/${filingId}/approve`, 'responder', {});
    expect(byResponder.status).toBe(403);
    const stale = await api('POST', `/api/filings/${filingId}/approve`, 'approver', { revision: 7 });
    expect(stale.status).toBe(409);
    expect(stale.body.message).toMatch(/revision 7/);
    const approved = await api('POST', `/api/filings/${filingId}/approve`, 'approver', { comment: 'Bra.', revision: 1 });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', approvedBy: org.users.approver.id });

    const filed = await api('POST', `/api/filings/${filingId}/record`, 'responder', { filedAt: new Date().toISOString(), channel: 'imy-e-service' });
    expect(filed.status).toBe(200);
    expect(filed.body).toMatchObject({ status: 'filed', late: false, filedBy: org.users.responder.id, reference: null });
    expect((await api('POST', `/api/filings/${filingId}/record`, 'responder', { filedAt: new Date().toISOString(), channel: 'imy-e-service' })).status).toBe(409);
    const referenced = await api('POST', `/api/filings/${filingId}/reference`, 'responder', { reference: 'IMY-2026-1234' });
    expect(referenced.body.reference).toBe('IMY-2026-1234');
    const again = await api('POST', `/api/filings/${filingId}/reference`, 'responder', { reference: 'IMY-2026-9999' });
    expect(again.status).toBe(409);
    await expect(system.dataSource.query(`UPDATE filings SET channel = 'letter' WHERE id = $1`, [filingId])).rejects.toThrow(/immutable/);

    const afterFiling = (await api('GET', `/api/incidents/${incident.id}`, 'responder')).body.tracks.find((t: { kind: string }) => t.kind === 'gdpr-art33');
    expect(afterFiling).toMatchObject({ status: 'filed', late: false });
    expect(afterFiling.supplementDeadline).toBeTruthy();

    await api('PATCH', `/api/incidents/${incident.id}/facts`, 'responder', {
      changes: { likelyConsequences: 'Risk för oönskad kontakt.', measures: 'Servern stängdes; leverantören raderade kopian.', approxRecords: 2400 },
    });
    for (const completesReport of [false, true]) {
      const next = await api('POST', `/api/incidents/${incident.id}/filings`, 'responder', { track: 'gdpr-art33', language: 'en', kind: 'supplement', completesReport });
      expect(next.status).toBe(201);
      expect(next.body.supersedesId).toBeTruthy();
      await api('POST', `/api/filings/${next.body.id}/submit`, 'responder', {});
      expect((await api('POST', `/api/filings/${next.body.id}/approve`, 'dpo', {})).status).toBe(200);
      expect((await api('POST', `/api/filings/${next.body.id}/record`, 'responder', { filedAt: new Date().toISOString(), channel: 'imy-e-service' })).status).toBe(200);
    }
    const completed = await eventually(async () => {
      const current = (await api('GET', `/api/incidents/${incident.id}`, 'responder')).body;
      return current.tracks.find((t: { kind: string; status: string }) => t.kind === 'gdpr-art33' && t.status === 'complete') ? current : undefined;
    });
    expect(completed.status).toBe('open');

    const register = await api('GET', '/api/register?format=json', 'dpo');
    const entry = register.body.find((e: { incidentId: string }) => e.incidentId === incident.id);
    expect(entry).toMatchObject({ complete: true, missing: [] });
    expect(entry.filings.map((f: { kind: string }) => f.kind)).toEqual(['initial', 'supplement', 'supplement']);
    expect(entry.decisions.map((d: { what: string }) => d.what)).toEqual(expect.arrayContaining(['report approved', 'report filed']));
    const csv = await system.request('GET', '/api/register?format=csv&language=en', { token: tokens.dpo });
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(csv.body).toContain(incident.reference);

    expect((await api('POST', `/api/incidents/${incident.id}/close`, 'responder')).status).toBe(403);
    const closed = await api('POST', `/api/incidents/${incident.id}/close`, 'dpo');
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('closed');
  }, 120_000);
});

describe('refusals a person can meet', () => {
  it('refuses self-approval with a message naming the four-eyes rule', async () => {
    const incident = await incidentWithArt33Track();
    const draft = await api('POST', `/api/incidents/${incident.id}/filings`, 'approver', { track: 'gdpr-art33', language: 'en', kind: 'initial' });
    await api('POST', `/api/filings/${draft.body.id}/submit`, 'approver', {});
    const self = await api('POST', `/api/filings/${draft.body.id}/approve`, 'approver', {});
    expect(self.status).toBe(409);
    expect(self.body.message).toMatch(/four-eyes/);
    const rejected = await api('POST', `/api/filings/${draft.body.id}/reject`, 'dpo', { comment: 'Describe the measures taken.' });
    expect(rejected.body.status).toBe('draft');
  }, 60_000);

  it('re-renders a rejected draft over HTTP: a new revision by its renderer, whom the four-eyes rule then judges', async () => {
    const incident = await incidentWithArt33Track();
    const draft = await api('POST', `/api/incidents/${incident.id}/filings`, 'responder', { track: 'gdpr-art33', language: 'sv', kind: 'initial' });
    const id: string = draft.body.id;
    await api('POST', `/api/filings/${id}/submit`, 'responder', {});
    await api('POST', `/api/filings/${id}/reject`, 'approver', { comment: 'Beskriv åtgärderna.' });
    const rendered = await api('POST', `/api/filings/${id}/render`, 'approver', { supplementsToFollow: 'Åtgärderna beskrivs i en komplettering.' });
    expect(rendered.status).toBe(200);
    expect(rendered.body).toMatchObject({ status: 'draft', revision: 2, supplementsToFollow: 'Åtgärderna beskrivs i en komplettering.' });
    await api('POST', `/api/filings/${id}/submit`, 'approver', { revision: 2 });
    const byRenderer = await api('POST', `/api/filings/${id}/approve`, 'approver', { revision: 2 });
    expect(byRenderer).toMatchObject({ status: 409, body: { kind: 'conflict', message: expect.stringMatching(/four-eyes/) } });
    const stale = await api('POST', `/api/filings/${id}/approve`, 'dpo', { revision: 1 });
    expect(stale).toMatchObject({ status: 409, body: { kind: 'stale', errors: [{ field: 'revision' }] } });
    expect((await api('POST', `/api/filings/${id}/approve`, 'dpo', { revision: 2 })).body.status).toBe('approved');

    const reRendered = await api('POST', `/api/filings/${id}/render`, 'responder', {});
    expect(reRendered.body).toMatchObject({ status: 'draft', revision: 3, approvedBy: null });
    const notApproved = await api('POST', `/api/filings/${id}/record`, 'responder', { filedAt: new Date().toISOString(), channel: 'imy-e-service' });
    expect(notApproved).toMatchObject({ status: 409, body: { message: expect.stringMatching(/must be approved/) } });
  }, 60_000);

  it('refuses a channel the track does not send on (422, naming the field)', async () => {
    const incident = await incidentWithArt33Track();
    const draft = await api('POST', `/api/incidents/${incident.id}/filings`, 'responder', { track: 'gdpr-art33', language: 'en', kind: 'initial' });
    await api('POST', `/api/filings/${draft.body.id}/submit`, 'responder', {});
    await api('POST', `/api/filings/${draft.body.id}/approve`, 'approver', {});
    const byLetter = await api('POST', `/api/filings/${draft.body.id}/record`, 'responder', { filedAt: new Date().toISOString(), channel: 'letter' });
    expect(byLetter).toMatchObject({ status: 422, body: { kind: 'unprocessable', errors: [{ field: 'channel' }] } });
  }, 60_000);

  it('refuses a late filing without reasons for the delay (422); the reasons are the approved draft\'s and recording cannot change them', async () => {
    const old = (h: number) => new Date(Date.now() - h * HOUR).toISOString();
    const incident = await incidentWithArt33Track({ occurredAt: old(200), discoveredAt: old(100), awareAt: old(80) });
    expect(incident.tracks.find((t: { kind: string }) => t.kind === 'gdpr-art33').status).toBe('overdue');
    const draft = await api('POST', `/api/incidents/${incident.id}/filings`, 'responder', { track: 'gdpr-art33', language: 'sv', kind: 'initial' });
    await api('POST', `/api/filings/${draft.body.id}/submit`, 'responder', {});
    await api('POST', `/api/filings/${draft.body.id}/approve`, 'approver', {});
    const noReason = await api('POST', `/api/filings/${draft.body.id}/record`, 'responder', { filedAt: new Date().toISOString(), channel: 'imy-e-service' });
    expect(noReason.status).toBe(422);
    expect(noReason.body.message).toMatch(/reasons for the delay/);
    const addedAtRecording = await api('POST', `/api/filings/${draft.body.id}/record`, 'responder', {
      filedAt: new Date().toISOString(),
      channel: 'imy-e-service',
      delayReason: 'Reasons nobody approved, added while recording.',
    });
    expect(addedAtRecording).toMatchObject({ status: 422, body: { kind: 'unprocessable', errors: [{ field: 'delayReason' }] } });

    const reasons = 'Awareness was established only when the supplier confirmed the exposure.';
    const revised = await api('POST', `/api/filings/${draft.body.id}/render`, 'responder', { delayReason: reasons });
    expect(revised.body).toMatchObject({ status: 'draft', revision: 2, delayReason: reasons });
    await api('POST', `/api/filings/${draft.body.id}/submit`, 'responder', { revision: 2 });
    expect((await api('POST', `/api/filings/${draft.body.id}/approve`, 'approver', { revision: 2 })).body.status).toBe('approved');
    const swapped = await api('POST', `/api/filings/${draft.body.id}/record`, 'responder', { filedAt: new Date().toISOString(), channel: 'imy-e-service', delayReason: 'A softer account, written later.' });
    expect(swapped).toMatchObject({ status: 422, body: { errors: [{ field: 'delayReason' }] } });
    const recorded = await api('POST', `/api/filings/${draft.body.id}/record`, 'responder', { filedAt: new Date().toISOString(), channel: 'imy-e-service' });
    expect(recorded.body).toMatchObject({ status: 'filed', late: true, delayReason: reasons });
  }, 60_000);

  it("keeps a 'not required' decision by one person pending, the track owed, until another approver or the DPO approves it", async () => {
    const incident = await incidentWithArt33Track();
    const viewerProposes = await api('POST', `/api/incidents/${incident.id}/tracks/gdpr-art33/not-required`, 'viewer', { reason: 'Only synthetic test data was involved after all.' });
    expect(viewerProposes.status).toBe(403);
    const proposed = await api('POST', `/api/incidents/${incident.id}/tracks/gdpr-art33/not-required`, 'approver', { reason: 'Only synthetic test data was involved after all.' });
    expect(proposed.status).toBe(200);
    const art33 = (view: { tracks: Array<{ kind: string; status: string }> }) => view.tracks.find((t) => t.kind === 'gdpr-art33')!;
    expect(art33(proposed.body).status).toBe('open');
    expect(proposed.body.pendingDecisions).toEqual([
      expect.objectContaining({ subject: 'track-not-required', track: 'gdpr-art33', proposedBy: org.users.approver.id, decision: null, reason: 'Only synthetic test data was involved after all.' }),
    ]);
    const decisionId = proposed.body.pendingDecisions[0].id;
    const again = await api('POST', `/api/incidents/${incident.id}/tracks/gdpr-art33/not-required`, 'responder', { reason: 'Proposed a second time by someone else.' });
    expect(again).toMatchObject({ status: 409, body: { kind: 'conflict' } });

    const ownApproval = await api('POST', `/api/incidents/${incident.id}/decisions/${decisionId}/approve`, 'approver', {});
    expect(ownApproval).toMatchObject({ status: 409, body: { kind: 'conflict', message: expect.stringMatching(/four-eyes/) } });
    expect((await api('POST', `/api/incidents/${incident.id}/decisions/${decisionId}/approve`, 'responder', {})).status).toBe(403);
    const stillOwed = (await api('GET', `/api/incidents/${incident.id}`, 'viewer')).body;
    expect(art33(stillOwed).status).toBe('open');
    expect(stillOwed.pendingDecisions).toHaveLength(1);

    const noComment = await api('POST', `/api/incidents/${incident.id}/decisions/${decisionId}/reject`, 'dpo', {});
    expect(noComment).toMatchObject({ status: 400, body: { errors: [{ field: 'comment' }] } });
    const rejected = await api('POST', `/api/incidents/${incident.id}/decisions/${decisionId}/reject`, 'dpo', { comment: 'The export held real patients.' });
    expect(rejected.body).toMatchObject({ decision: 'rejected', decidedBy: org.users.dpo.id });
    const afterRejection = (await api('GET', `/api/incidents/${incident.id}`, 'viewer')).body;
    expect(art33(afterRejection).status).toBe('open');
    expect(afterRejection.pendingDecisions).toEqual([]);

    const proposedByResponder = await api('POST', `/api/incidents/${incident.id}/tracks/gdpr-art33/not-required`, 'responder', { reason: 'Only synthetic test data was involved after all.' });
    const approved = await api('POST', `/api/incidents/${incident.id}/decisions/${proposedByResponder.body.pendingDecisions[0].id}/approve`, 'dpo', {});
    expect(approved.body).toMatchObject({ decision: 'approved', proposedBy: org.users.responder.id, decidedBy: org.users.dpo.id });
    const settled = await eventually(async () => {
      const view = (await api('GET', `/api/incidents/${incident.id}`, 'viewer')).body;
      return art33(view).status === 'not-required' ? view : undefined;
    });
    expect(settled.pendingDecisions).toEqual([]);
    const listed = (await api('GET', `/api/incidents/${incident.id}/decisions`, 'viewer')).body.items;
    expect(listed.map((item: { decision: string }) => item.decision)).toEqual(['rejected', 'approved']);
  }, 60_000);

  it('refuses to close an incident with an incomplete register entry or an unsettled track, naming what is missing', async () => {
    const incident = await incidentWithArt33Track();
    const refused = await api('POST', `/api/incidents/${incident.id}/close`, 'dpo');
    expect(refused.status).toBe(409);
    expect(refused.body.missing).toEqual(expect.arrayContaining(['effects', 'remedial-action', 'track:gdpr-art33']));
    const proposed = await api('POST', `/api/incidents/${incident.id}/tracks/gdpr-art33/not-required`, 'responder', { reason: 'Only synthetic test data was involved after all.' });
    expect(proposed.status).toBe(200);
    expect((await api('POST', `/api/incidents/${incident.id}/close`, 'dpo')).body.missing).toContain('track:gdpr-art33');
    const decided = await api('POST', `/api/incidents/${incident.id}/decisions/${proposed.body.pendingDecisions[0].id}/approve`, 'dpo', {});
    expect(decided.status).toBe(200);
    await api('PATCH', `/api/incidents/${incident.id}/facts`, 'responder', { changes: { likelyConsequences: 'None: synthetic data.', measures: 'Configuration corrected.' } });
    const closed = await eventually(async () => {
      const result = await api('POST', `/api/incidents/${incident.id}/close`, 'dpo');
      return result.status === 200 ? result : undefined;
    });
    expect(closed.body.status).toBe('closed');
  }, 60_000);
});

describe('supplements only when announced (IMY: four weeks after a notification that said more will follow)', () => {
  async function filedInitial(incident: { id: string }, draftBody: Record<string, unknown>, filedAt: string) {
    const draft = await api('POST', `/api/incidents/${incident.id}/filings`, 'responder', { track: 'gdpr-art33', language: 'sv', kind: 'initial', ...draftBody });
    expect(draft.status).toBe(201);
    await api('POST', `/api/filings/${draft.body.id}/submit`, 'responder', {});
    await api('POST', `/api/filings/${draft.body.id}/approve`, 'approver', {});
    const recorded = await api('POST', `/api/filings/${draft.body.id}/record`, 'responder', { filedAt, channel: 'imy-e-service' });
    expect(recorded.status).toBe(200);
    return eventually(async () => {
      const track = (await api('GET', `/api/incidents/${incident.id}`, 'responder')).body.tracks.find((t: { kind: string }) => t.kind === 'gdpr-art33');
      return track.status === 'filed' ? track : undefined;
    });
  }

  it('leaves the track filed, with no supplement deadline and nothing further to fire, when none were announced', async () => {
    const incident = await incidentWithArt33Track();
    const track = await filedInitial(incident, {}, new Date().toISOString());
    expect(track).toMatchObject({ status: 'filed', supplementDeadline: null, nextReminder: null });
  }, 60_000);

  it('counts four calendar weeks in Stockholm when supplements were announced: across the start of summer time, the same wall-clock time', async () => {
    const incident = await incidentWithArt33Track({ occurredAt: '2026-03-18T20:00:00+01:00', discoveredAt: '2026-03-19T08:00:00+01:00', awareAt: '2026-03-19T09:00:00+01:00' });
    const track = await filedInitial(incident, { supplementsToFollow: 'Antalet poster följer när loggarna är analyserade.' }, '2026-03-20T10:00:00+01:00');
    // 20 March 10:00 CET + 4 weeks = 17 April 10:00 CEST: 28 × 24 h − 1 h.
    expect(track).toMatchObject({ status: 'filed', late: false, supplementDeadline: '2026-04-17T08:00:00.000Z' });
  }, 60_000);
});

describe('reminders by e-mail and in the app', () => {
  it('sends the 50 % reminder to each responder in a message of their own, once', async () => {
    const aware = new Date(Date.now() - 36 * HOUR + 6_000);
    const incident = await incidentWithArt33Track({
      occurredAt: new Date(aware.getTime() - 10 * HOUR).toISOString(),
      discoveredAt: new Date(aware.getTime() - HOUR).toISOString(),
      awareAt: aware.toISOString(),
    });
    const responderEmail = org.users.responder.email;
    const message = await system.mail.waitFor((m) => m.subject.includes(incident.reference) && m.envelopeTo.includes(responderEmail), 30_000);
    expect(message.envelopeTo).toEqual([responderEmail]);
    // The link opens the incident's page in the web app, not its JSON.
    expect(message.text).toContain(`${system.config.PUBLIC_URL}/incidents/${incident.id}`);
    expect(message.text).not.toContain('/api/incidents/');
    for (const received of system.mail.messages) expect(received.envelopeTo).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 2_000));
    expect(system.mail.messages.filter((m) => m.subject.includes(incident.reference) && m.envelopeTo.includes(responderEmail))).toHaveLength(1);
    const notifications = await api('GET', '/api/notifications', 'responder');
    expect(notifications.body.items.some((n: { incidentId: string; kind: string }) => n.incidentId === incident.id && n.kind === 'reminder')).toBe(true);
  }, 60_000);

  it('sends each responder exactly one reminder for an incident registered 70 hours after awareness, not one per missed threshold', async () => {
    const aware = new Date(Date.now() - 70 * HOUR);
    const incident = await incidentWithArt33Track({
      occurredAt: new Date(aware.getTime() - 10 * HOUR).toISOString(),
      discoveredAt: new Date(aware.getTime() - HOUR).toISOString(),
      awareAt: aware.toISOString(),
    });
    const responderEmail = org.users.responder.email;
    const toResponder = () => system.mail.messages.filter((m) => m.subject.includes(incident.reference) && m.envelopeTo.includes(responderEmail));
    await system.mail.waitFor((m) => m.subject.includes(incident.reference) && m.envelopeTo.includes(responderEmail), 30_000);
    await new Promise((r) => setTimeout(r, 3_000));
    expect(toResponder()).toHaveLength(1);
  }, 60_000);
});
