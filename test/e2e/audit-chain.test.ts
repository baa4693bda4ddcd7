/**
 * Every action is written to an append-only, hash-chained audit log: the database refuses
 * edits, and an edit or deletion made around that refusal is detected and names the row.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { appendAudit, verifyAuditChain } from '../../libs/persistence/src/audit/audit-log.js';
import { AuditEvent } from '../../libs/persistence/src/entities/audit-event.entity.js';
import { newIncidentBody } from '../support/incident-bodies.js';
import { SystemUnderTest } from '../support/system-under-test.js';

let system: SystemUnderTest;

beforeAll(async () => {
  system = await SystemUnderTest.start();
}, 60_000);

afterAll(async () => {
  await system?.stop();
});

/** Tampering as a database superuser would: with the append-only triggers switched off. */
async function tamper(sql: string, params: unknown[]): Promise<void> {
  await system.dataSource.transaction(async (manager) => {
    await manager.query('ALTER TABLE audit_events DISABLE TRIGGER USER');
    await manager.query(sql, params);
    await manager.query('ALTER TABLE audit_events ENABLE TRIGGER USER');
  });
}

describe('the audit chain', () => {
  it('records creation and facts changes, and verifies intact', async () => {
    const org = await system.organisation();
    const token = await system.login(org, 'responder');
    const created = await system.request('POST', '/api/incidents', { token, body: newIncidentBody() });
    await system.request('PATCH', `/api/incidents/${created.body.id}/facts`, { token, body: { changes: { title: 'Renamed' } } });
    const actions = (await system.dataSource.getRepository(AuditEvent).find({ where: { incidentId: created.body.id }, order: { seq: 'ASC' } })).map(
      (e) => e.action,
    );
    expect(actions).toEqual(expect.arrayContaining(['incident.created', 'incident.facts-recorded', 'clock.started']));
    expect(await verifyAuditChain(system.dataSource.manager)).toEqual({ ok: true, rows: expect.any(Number) });
  });

  it('refuses UPDATE and DELETE at the database', async () => {
    await expect(system.dataSource.query("UPDATE audit_events SET action = 'x' WHERE seq = 1")).rejects.toThrow(/immutable/);
    await expect(system.dataSource.query('DELETE FROM audit_events WHERE seq = 1')).rejects.toThrow(/immutable/);
  });

  it('names the row whose content was edited', async () => {
    const victim = await appendAudit(system.dataSource.manager, { organisationId: null, actor: 'test', action: 'test.original', detail: { n: 1 } });
    await appendAudit(system.dataSource.manager, { organisationId: null, actor: 'test', action: 'test.after', detail: {} });
    await tamper('UPDATE audit_events SET detail = $1 WHERE seq = $2', [JSON.stringify({ n: 2 }), victim.seq]);
    const result = await verifyAuditChain(system.dataSource.manager);
    expect(result).toMatchObject({ ok: false, seq: victim.seq });
    if (!result.ok) expect(result.problem).toMatch(/altered/);
    await tamper('UPDATE audit_events SET detail = $1 WHERE seq = $2', [JSON.stringify({ n: 1 }), victim.seq]);
    expect((await verifyAuditChain(system.dataSource.manager)).ok).toBe(true);
  });

  it('names the row that was deleted', async () => {
    const victim = await appendAudit(system.dataSource.manager, { organisationId: null, actor: 'test', action: 'test.doomed', detail: {} });
    await appendAudit(system.dataSource.manager, { organisationId: null, actor: 'test', action: 'test.survivor', detail: {} });
    const row = await system.dataSource.getRepository(AuditEvent).findOneByOrFail({ seq: victim.seq });
    await tamper('DELETE FROM audit_events WHERE seq = $1', [victim.seq]);
    const result = await verifyAuditChain(system.dataSource.manager);
    expect(result).toMatchObject({ ok: false, seq: victim.seq });
    if (!result.ok) expect(result.problem).toMatch(/missing/);
    await tamper(
      'INSERT INTO audit_events (seq, organisation_id, incident_id, actor, action, detail, occurred_at, prev_hash, hash) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)',
      [row.seq, row.organisationId, row.incidentId, row.actor, row.action, JSON.stringify(row.detail), row.occurredAt, row.prevHash, row.hash],
    );
    expect((await verifyAuditChain(system.dataSource.manager)).ok).toBe(true);
  });
});
