/**
 * GDPR Art. 32-34 in the case file: every facts version is assessed and stored with its model
 * version and input hash; a manager may override the outcome with a justification; the
 * incident workflow learns the outcome and keeps the tracks it makes owed.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { assessRisk } from '../../libs/domain/src/risk/assess-risk.js';
import { RISK_MODEL_VERSION } from '../../libs/domain/src/risk/model-version.js';
import { AuditEvent } from '../../libs/persistence/src/entities/audit-event.entity.js';
import type { SeededOrganisation } from '../../libs/persistence/src/seed/organisation-with-users.js';
import { newIncidentBody } from '../support/incident-bodies.js';
import { highRiskFacts, noRiskFacts, riskFacts } from '../support/risk-facts-examples.js';
import { SystemUnderTest } from '../support/system-under-test.js';

let system: SystemUnderTest;
let org: SeededOrganisation;
let responder: string;
let approver: string;
let dpo: string;

beforeAll(async () => {
  system = await SystemUnderTest.start();
  org = await system.organisation();
  responder = await system.login(org, 'responder');
  approver = await system.login(org, 'approver');
  dpo = await system.login(org, 'dpo');
}, 60_000);

afterAll(async () => {
  await system?.stop();
});

const createWith = async (facts: object) => {
  const { breach: _b, data: _d, subjects: _s, controller: _c, ...narrative } = newIncidentBody();
  const created = await system.request('POST', '/api/incidents', { token: responder, body: { ...narrative, ...facts } });
  expect(created.status).toBe(201);
  return created.body;
};
const trackKinds = (incident: { tracks: Array<{ kind: string }> }) => incident.tracks.map((t) => t.kind).sort();

describe('assessing each facts version', () => {
  it('stores and shows the assessment of the first version, with severity, factors, rationale, model version and input hash', async () => {
    const incident = await createWith(highRiskFacts);
    const expected = assessRisk(highRiskFacts as never);
    expect(incident.risk).toMatchObject({ factsVersion: 1, outcome: 'high-risk', outcomeSource: 'model', override: null });
    expect(incident.risk.computed).toEqual(expected);
    expect(incident.risk.computed.modelVersion).toBe(RISK_MODEL_VERSION);
    expect(incident.risk.computed.rationale.sv.length).toBeGreaterThan(20);
    expect(incident.risk.computed.factors.every((f: { source: string }) => f.source.length > 0)).toBe(true);
    expect(trackKinds(incident)).toEqual(['gdpr-art33', 'gdpr-art33-register', 'gdpr-art34']);
  });

  it('waits for the facts it needs, naming what is missing, while the Art. 33 clock runs', async () => {
    const incident = await createWith({});
    expect(incident.risk).toBeNull();
    expect(incident.missingRiskFacts).toEqual(['breach', 'data', 'subjects', 'controller']);
    // Only the register is owed before an assessment (Art. 33(5) documents every breach).
    expect(incident.tracks.map((track: { kind: string }) => track.kind)).toEqual(['gdpr-art33-register']);
    expect(incident.clocks[0].kind).toBe('gdpr-art33');
  });

  it('re-assesses corrected facts; a rising outcome makes a new track owed', async () => {
    const incident = await createWith(riskFacts);
    expect(incident.risk.outcome).toBe('risk');
    expect(trackKinds(incident)).toEqual(['gdpr-art33', 'gdpr-art33-register']);

    const raised = await system.request('PATCH', `/api/incidents/${incident.id}/facts`, { token: responder, body: { changes: highRiskFacts } });
    expect(raised.status).toBe(200);
    expect(raised.body.risk).toMatchObject({ factsVersion: 2, outcome: 'high-risk' });
    expect(trackKinds(raised.body)).toEqual(['gdpr-art33', 'gdpr-art33-register', 'gdpr-art34']);

    const history = await system.request('GET', `/api/incidents/${incident.id}/assessments`, { token: responder });
    expect(history.body.items.map((a: { factsVersion: number; computed: { outcome: string } }) => [a.factsVersion, a.computed.outcome])).toEqual([
      [2, 'high-risk'],
      [1, 'risk'],
    ]);
  });

  it('never silently drops an owed track when the outcome falls', async () => {
    const incident = await createWith(highRiskFacts);
    const lowered = await system.request('PATCH', `/api/incidents/${incident.id}/facts`, { token: responder, body: { changes: noRiskFacts } });
    expect(lowered.body.risk.outcome).toBe('no-risk');
    const byKind = Object.fromEntries(lowered.body.tracks.map((t: { kind: string; impliedByCurrentOutcome: boolean }) => [t.kind, t.impliedByCurrentOutcome]));
    expect(byKind).toEqual({ 'gdpr-art33-register': true, 'gdpr-art33': false, 'gdpr-art34': false });
  });

  it('keeps a stored assessment unchanged: the database refuses to rewrite it', async () => {
    const incident = await createWith(riskFacts);
    await expect(
      system.dataSource.query(`UPDATE risk_assessments SET outcome = 'no-risk' WHERE incident_id = $1`, [incident.id]),
    ).rejects.toThrow(/immutable/);
  });
});

describe('overriding the outcome', () => {
  it('is refused to a responder', async () => {
    const incident = await createWith(riskFacts);
    const refused = await system.request('POST', `/api/incidents/${incident.id}/assessment/override`, {
      token: responder,
      body: { outcome: 'no-risk', justification: 'The recipients were our own staff under secrecy.' },
    });
    expect(refused.status).toBe(403);
  });

  it('needs a written justification of at least 20 characters', async () => {
    const incident = await createWith(riskFacts);
    const refused = await system.request('POST', `/api/incidents/${incident.id}/assessment/override`, {
      token: approver,
      body: { outcome: 'no-risk', justification: 'trust me' },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].field).toBe('justification');
  });

  it('records an approver’s override beside the computed outcome, audits it, and tells the workflow', async () => {
    const incident = await createWith(riskFacts);
    const justification = 'Backups existed offline; the supplier confirmed full restoration without loss.';
    const overridden = await system.request('POST', `/api/incidents/${incident.id}/assessment/override`, {
      token: approver,
      body: { outcome: 'high-risk', justification, factsVersion: 1 },
    });
    expect(overridden.status).toBe(200);
    expect(overridden.body.risk).toMatchObject({
      outcome: 'high-risk',
      outcomeSource: 'override',
      override: { outcome: 'high-risk', justification, decidedBy: org.users.approver.id },
      computed: { outcome: 'risk' },
    });
    expect(trackKinds(overridden.body)).toEqual(['gdpr-art33', 'gdpr-art33-register', 'gdpr-art34']);
    const audit = await system.dataSource.getRepository(AuditEvent).findBy({ incidentId: incident.id, action: 'risk.overridden' });
    expect(audit).toHaveLength(1);
    expect(audit[0].actor).toBe(org.users.approver.id);
    expect(JSON.stringify(audit[0].detail)).not.toContain(justification);

    const history = await system.request('GET', `/api/incidents/${incident.id}/assessments`, { token: responder });
    expect(history.body.items[0].overrides).toHaveLength(1);
  });

  it('keeps a lowering pending, the outcome and the workflow unchanged, until another approver or the DPO approves it', async () => {
    const incident = await createWith(highRiskFacts);
    const justification = 'The recipients were our own staff under secrecy.';
    const proposed = await system.request('POST', `/api/incidents/${incident.id}/assessment/override`, { token: approver, body: { outcome: 'risk', justification, factsVersion: 1 } });
    expect(proposed.status).toBe(200);
    expect(proposed.body.risk).toMatchObject({ outcome: 'high-risk', outcomeSource: 'model', override: null });
    expect(proposed.body.pendingDecisions).toEqual([expect.objectContaining({ subject: 'risk-lowered', outcome: 'risk', factsVersion: 1, proposedBy: org.users.approver.id, decision: null })]);
    const decisionId = proposed.body.pendingDecisions[0].id;
    // Nothing is waiting in the outbox for the workflow: it acts on high risk until the approval.
    const [{ count }] = await system.dataSource.query(`SELECT count(*)::int AS count FROM workflow_outbox WHERE incident_id = $1 AND kind = 'risk-outcome'`, [incident.id]);
    expect(count).toBe(0);

    const ownApproval = await system.request('POST', `/api/incidents/${incident.id}/decisions/${decisionId}/approve`, { token: approver, body: {} });
    expect(ownApproval).toMatchObject({ status: 409, body: { kind: 'conflict', message: expect.stringMatching(/four-eyes/) } });
    expect((await system.request('POST', `/api/incidents/${incident.id}/decisions/${decisionId}/approve`, { token: responder, body: {} })).status).toBe(403);
    expect((await system.request('GET', `/api/incidents/${incident.id}`, { token: responder })).body.risk.outcome).toBe('high-risk');

    const approved = await system.request('POST', `/api/incidents/${incident.id}/decisions/${decisionId}/approve`, { token: dpo, body: {} });
    expect(approved.body).toMatchObject({ decision: 'approved', decidedBy: org.users.dpo.id });
    const lowered = (await system.request('GET', `/api/incidents/${incident.id}`, { token: responder })).body;
    expect(lowered.risk).toMatchObject({ outcome: 'risk', outcomeSource: 'override', override: { outcome: 'risk', justification } });
    expect(lowered.tracks.find((t: { kind: string }) => t.kind === 'gdpr-art34')).toMatchObject({ impliedByCurrentOutcome: false });
    expect(lowered.pendingDecisions).toEqual([]);
  });

  it('takes effect at once when it raises the outcome', async () => {
    const incident = await createWith(riskFacts);
    const raised = await system.request('POST', `/api/incidents/${incident.id}/assessment/override`, {
      token: approver,
      body: { outcome: 'high-risk', justification: 'Health data of children was among the records after all.' },
    });
    expect(raised.body.risk).toMatchObject({ outcome: 'high-risk', outcomeSource: 'override' });
    expect(raised.body.pendingDecisions).toEqual([]);
  });

  it('carries over to corrected facts with the same computed outcome, and lapses when the model changes its mind', async () => {
    const incident = await createWith(riskFacts);
    const proposed = await system.request('POST', `/api/incidents/${incident.id}/assessment/override`, {
      token: approver,
      body: { outcome: 'no-risk', justification: 'Data was rebuilt from the paper originals within the day.' },
    });
    await system.request('POST', `/api/incidents/${incident.id}/decisions/${proposed.body.pendingDecisions[0].id}/approve`, { token: dpo, body: {} });
    const retitled = await system.request('PATCH', `/api/incidents/${incident.id}/facts`, { token: responder, body: { changes: { title: 'Ransomware at the depot' } } });
    expect(retitled.body.risk).toMatchObject({ factsVersion: 2, outcome: 'no-risk', outcomeSource: 'override' });

    const worse = await system.request('PATCH', `/api/incidents/${incident.id}/facts`, { token: responder, body: { changes: highRiskFacts } });
    expect(worse.body.risk).toMatchObject({ factsVersion: 3, outcome: 'high-risk', outcomeSource: 'model', overrideLapsed: true, override: null });
  });

  it('is refused when the reviewed facts version is stale (409) or nothing is assessed yet (409)', async () => {
    const incident = await createWith(riskFacts);
    await system.request('PATCH', `/api/incidents/${incident.id}/facts`, { token: responder, body: { changes: { title: 'Retitled' } } });
    const stale = await system.request('POST', `/api/incidents/${incident.id}/assessment/override`, {
      token: approver,
      body: { outcome: 'no-risk', justification: 'Reviewed the first report carefully.', factsVersion: 1 },
    });
    expect(stale.status).toBe(409);
    const bare = await createWith({});
    const nothing = await system.request('POST', `/api/incidents/${bare.id}/assessment/override`, {
      token: approver,
      body: { outcome: 'no-risk', justification: 'Reviewed the first report carefully.' },
    });
    expect(nothing.status).toBe(409);
  });
});

describe('the what-if endpoint', () => {
  it('assesses RiskFacts without storing anything', async () => {
    const result = await system.request('POST', '/api/risk/assess', { token: responder, body: riskFacts });
    expect(result.status).toBe(200);
    expect(result.body).toEqual(assessRisk(riskFacts as never));
  });

  it('names each bad field with a 400', async () => {
    const result = await system.request('POST', '/api/risk/assess', {
      token: responder,
      body: { ...riskFacts, controller: {}, data: { ...riskFacts.data, categories: ['horoscope'] }, extra: true },
    });
    expect(result.status).toBe(400);
    expect(result.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['controller.sector', 'data.categories[0]', 'extra']);
  });

  it('needs a token', async () => {
    expect((await system.request('POST', '/api/risk/assess', { body: riskFacts })).status).toBe(401);
  });
});
