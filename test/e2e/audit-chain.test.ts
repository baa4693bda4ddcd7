/**
 * The audit trail holds against whoever owns the database. The apps connect as a runtime role
 * that may only append to it; the owner can switch the append-only triggers off and recompute
 * every hash, but cannot seal what they wrote (the HMAC key never enters the database), so
 * `audit:verify` names the first event they edited, inserted or deleted — the last one too —
 * and the daily verification tells the DPO, once.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { ScheduledAuditVerification } from '../../libs/application/src/audit/scheduled-audit-verification.js';
import { auditHash, GENESIS_HASH } from '../../libs/persistence/src/audit/audit-hash.js';
import { appendAudit } from '../../libs/persistence/src/audit/audit-log.js';
import { AuditSeal } from '../../libs/persistence/src/audit/audit-seal.js';
import { createDataSource } from '../../libs/persistence/src/data-source.js';
import { AuditEvent } from '../../libs/persistence/src/entities/audit-event.entity.js';
import { Notification } from '../../libs/persistence/src/entities/notification.entity.js';
import { CaseFile } from '../../libs/persistence/src/case-file.js';
import { eventually } from '../support/eventually.js';
import { newIncidentBody } from '../support/incident-bodies.js';
import { services } from '../support/services.js';
import { SystemUnderTest } from '../support/system-under-test.js';

/** What an event may hold that must never be printed or mailed. */
const PERSONAL = 'Anna Andersson 19121212-1212';
const verifyScript = fileURLToPath(new URL('../../dist/scripts/verify-audit.js', import.meta.url));

let system: SystemUnderTest;
/** The database's owner: the attacker. */
let owner: DataSource;

beforeAll(async () => {
  system = await SystemUnderTest.start();
  owner = await createDataSource(services().ownerDatabaseUrl, { poolSize: 2 }).initialize();
}, 60_000);

afterAll(async () => {
  await owner?.destroy();
  await system?.stop();
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `npm run --silent audit:verify` as an operator runs it: the runtime role and the key. */
function auditVerify(...args: string[]): Promise<Run> {
  const env = { PATH: process.env.PATH, NODE_ENV: 'test', DATABASE_URL: services().databaseUrl, AUDIT_HMAC_KEY: services().auditHmacKey };
  return new Promise((resolve) => {
    execFile(process.execPath, [verifyScript, ...args], { env }, (error, stdout, stderr) => resolve({ code: error ? (error.code as number) : 0, stdout, stderr }));
  });
}

const append = (action: string, detail: Record<string, unknown> = {}) =>
  appendAudit(system.dataSource.manager, system.app.get(AuditSeal), { organisationId: null, actor: 'test', action, detail });

/** The owner at work: holding the appenders' lock, the append-only triggers off. */
async function asOwner(work: (manager: EntityManager) => Promise<void>): Promise<void> {
  await owner.transaction(async (manager) => {
    await manager.query('SELECT pg_advisory_xact_lock(7302011)');
    await manager.query('ALTER TABLE audit_events DISABLE TRIGGER USER');
    await manager.query('ALTER TABLE audit_checkpoints DISABLE TRIGGER USER');
    await work(manager);
    await manager.query('ALTER TABLE audit_events ENABLE TRIGGER USER');
    await manager.query('ALTER TABLE audit_checkpoints ENABLE TRIGGER USER');
  });
}

/** All an owner without the key can do to hide a change: recompute every hash from `seq` on. */
async function rehashFrom(manager: EntityManager, seq: string): Promise<void> {
  const rows = await manager.getRepository(AuditEvent).createQueryBuilder('e').where('e.seq >= :from', { from: String(BigInt(seq) - 1n) }).orderBy('e.seq', 'ASC').getMany();
  let prevHash = rows[0]!.seq === seq ? GENESIS_HASH : rows.shift()!.hash;
  for (const row of rows) {
    const hash = auditHash(prevHash, row);
    await manager.query('UPDATE audit_events SET prev_hash = $1, hash = $2 WHERE seq = $3', [prevHash, hash, row.seq]);
    prevHash = hash;
  }
}

/** Moves every event from `seq` on by `by` (renumbering, as an attacker hiding an insertion or a deletion must). */
async function renumberFrom(manager: EntityManager, seq: string, by: number): Promise<void> {
  await manager.query('UPDATE audit_events SET seq = -(seq + $2) WHERE seq >= $1', [seq, by]);
  await manager.query('UPDATE audit_events SET seq = -seq WHERE seq < 0');
}

/** The trail from `seq` on, to put back after an attack so the next test starts intact. */
const eventsFrom = (seq: string) => owner.getRepository(AuditEvent).createQueryBuilder('e').where('e.seq >= :seq', { seq }).orderBy('e.seq', 'ASC').getMany();

async function restoreFrom(seq: string, events: AuditEvent[]): Promise<void> {
  await asOwner(async (manager) => {
    await manager.query('DELETE FROM audit_events WHERE seq >= $1', [seq]);
    await manager.getRepository(AuditEvent).insert(events as never);
  });
  expect((await auditVerify()).code).toBe(0);
}

describe('the audit trail', () => {
  it('records creation and facts changes, seals them, and verifies intact', async () => {
    const org = await system.organisation();
    const token = await system.login(org, 'responder');
    const created = await system.request('POST', '/api/incidents', { token, body: newIncidentBody() });
    await system.request('PATCH', `/api/incidents/${created.body.id}/facts`, { token, body: { changes: { title: 'Renamed' } } });
    // The workflow's own event too, so nothing is appended behind the attacks below.
    const events = await eventually(async () => {
      const found = await system.dataSource.getRepository(AuditEvent).find({ where: { incidentId: created.body.id }, order: { seq: 'ASC' } });
      return found.some((event) => event.action === 'clock.started') && found;
    }, { what: 'clock.started' });
    expect(events.map((event) => event.action)).toEqual(expect.arrayContaining(['incident.created', 'incident.facts-recorded', 'clock.started']));
    expect(events.every((event) => /^[0-9a-f]{64}$/.test(event.mac ?? ''))).toBe(true);
    const run = await auditVerify();
    expect(run).toMatchObject({ code: 0, stdout: expect.stringMatching(/^audit trail intact: \d+ events, every event sealed; checkpoint at event \d+\n$/) });
  }, 30_000);

  it('appends a transaction\'s events, in order and chained, only as it commits: the chain\'s lock is not held while the work runs', async () => {
    const caseFile = system.app.get(CaseFile);
    let workDone!: () => void;
    const working = new Promise<void>((resolve) => (workDone = resolve));
    let appended!: () => void;
    const appendedInTheMeantime = new Promise<void>((resolve) => (appended = resolve));
    const slow = caseFile.transaction(async (repositories) => {
      await repositories.audit.append({ organisationId: null, actor: 'test', action: 'test.slow-first' });
      await repositories.audit.append({ organisationId: null, actor: 'test', action: 'test.slow-second' });
      // Another writer appends and commits while this transaction is still at work.
      await appendedInTheMeantime;
      workDone();
    });
    await append('test.meanwhile');
    appended();
    await working;
    await slow;
    const events = await system.dataSource.getRepository(AuditEvent).find({ where: { action: In(['test.meanwhile', 'test.slow-first', 'test.slow-second']) }, order: { seq: 'ASC' } });
    expect(events.map((event) => event.action)).toEqual(['test.meanwhile', 'test.slow-first', 'test.slow-second']);
    const [, first, second] = events;
    expect(BigInt(second!.seq)).toBe(BigInt(first!.seq) + 1n);
    expect(second!.prevHash).toBe(first!.hash);
    expect((await auditVerify()).code).toBe(0);
  }, 30_000);

  it('an event about an incident is not held up by a change to that incident in flight (the row lock leaves foreign keys alone)', async () => {
    const org = await system.organisation();
    const token = await system.login(org, 'responder');
    const created = await system.request('POST', '/api/incidents', { token, body: newIncidentBody() });
    const caseFile = system.app.get(CaseFile);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const change = caseFile.transaction(async (repositories) => {
      await repositories.incidents.findOwned(org.organisationId, created.body.id, { lock: true });
      locked();
      await held;
    });
    await isLocked;
    // Under FOR UPDATE this waited for the change to commit; a change that then waited for the
    // chain's lock held by this append was a deadlock.
    const started = Date.now();
    await caseFile.transaction((repositories) => repositories.audit.append({ organisationId: org.organisationId, incidentId: created.body.id, actor: 'test', action: 'test.during-change' }));
    expect(Date.now() - started).toBeLessThan(1_000);
    release();
    await change;
  }, 30_000);

  it('the runtime role cannot UPDATE, DELETE or TRUNCATE the trail or its checkpoints, even with the triggers dropped', async () => {
    await owner.query('DROP TRIGGER audit_events_append_only ON audit_events; DROP TRIGGER audit_events_no_truncate ON audit_events');
    await owner.query('DROP TRIGGER audit_checkpoints_append_only ON audit_checkpoints; DROP TRIGGER audit_checkpoints_no_truncate ON audit_checkpoints');
    try {
      const runtime = system.dataSource;
      for (const table of ['audit_events', 'audit_checkpoints']) {
        await expect(runtime.query(`UPDATE ${table} SET mac = 'x' WHERE seq = 1`)).rejects.toThrow(/permission denied/);
        await expect(runtime.query(`DELETE FROM ${table} WHERE seq = 1`)).rejects.toThrow(/permission denied/);
        await expect(runtime.query(`TRUNCATE ${table}`)).rejects.toThrow(/permission denied/);
        await expect(runtime.query(`ALTER TABLE ${table} DISABLE TRIGGER USER`)).rejects.toThrow(/must be owner/);
      }
    } finally {
      await owner.query(`
        CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events FOR EACH ROW EXECUTE FUNCTION refuse_change();
        CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
        CREATE TRIGGER audit_checkpoints_append_only BEFORE UPDATE OR DELETE ON audit_checkpoints FOR EACH ROW EXECUTE FUNCTION refuse_change();
        CREATE TRIGGER audit_checkpoints_no_truncate BEFORE TRUNCATE ON audit_checkpoints FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
      `);
    }
    // The owner, with the triggers back, is refused as before.
    await expect(owner.query("UPDATE audit_events SET action = 'x' WHERE seq = 1")).rejects.toThrow(/immutable/);
  }, 30_000);

  it('names an event the owner edited, even with every hash after it recomputed, and prints nothing of it', async () => {
    const victim = await append('test.original', { about: PERSONAL });
    await append('test.after');
    const saved = await eventsFrom(victim.seq);
    await asOwner(async (manager) => {
      await manager.query('UPDATE audit_events SET detail = $1 WHERE seq = $2', [JSON.stringify({ about: 'nobody' }), victim.seq]);
      await rehashFrom(manager, victim.seq);
    });
    const run = await auditVerify();
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`audit trail broken at event ${victim.seq} (edited)`);
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/Anna|19121212|nobody|test\.original/);
    await restoreFrom(victim.seq, saved);
  }, 30_000);

  it('names an event the owner inserted, the later ones renumbered and rehashed', async () => {
    const before = await append('test.before');
    await append('test.moved');
    await append('test.moved-too');
    const forgedSeq = String(BigInt(before.seq) + 1n);
    const saved = await eventsFrom(forgedSeq);
    await asOwner(async (manager) => {
      await renumberFrom(manager, forgedSeq, 1);
      // The best forgery there is without the key: a seal made with another one.
      const forged = { ...before, seq: forgedSeq, action: 'test.forged', hash: 'f'.repeat(64), mac: AuditSeal.ofKey(Buffer.alloc(32, 7)).seal(before.mac!, { ...before, seq: forgedSeq, action: 'test.forged' }) };
      await manager.getRepository(AuditEvent).insert(forged as never);
      await rehashFrom(manager, forgedSeq);
    });
    const run = await auditVerify();
    expect(run).toMatchObject({ code: 1, stdout: expect.stringContaining(`audit trail broken at event ${forgedSeq} (inserted)`) });
    await restoreFrom(forgedSeq, saved);
  }, 30_000);

  it('names an event the owner deleted, with or without renumbering the rest', async () => {
    const victim = await append('test.doomed');
    await append('test.survivor');
    await append('test.survivor-too');
    const saved = await eventsFrom(victim.seq);
    await asOwner((manager) => manager.query('DELETE FROM audit_events WHERE seq = $1', [victim.seq]).then(() => undefined));
    expect((await auditVerify()).stdout).toContain(`audit trail broken at event ${victim.seq} (deleted)`);
    await asOwner(async (manager) => {
      await renumberFrom(manager, String(BigInt(victim.seq) + 1n), -1);
      await rehashFrom(manager, victim.seq);
    });
    const run = await auditVerify();
    expect(run).toMatchObject({ code: 1, stdout: expect.stringContaining(`audit trail broken at event ${victim.seq} (deleted)`) });
    await restoreFrom(victim.seq, saved);
  }, 30_000);

  it('names the last event when the owner deleted it, by the checkpoint; and by a witness file when the checkpoints went too', async () => {
    const witness = join(mkdtempSync(join(tmpdir(), 'breachflow-audit-')), 'witness.json');
    const last = await append('test.last');
    expect((await auditVerify('--witness', witness)).code).toBe(0);
    const saved = await eventsFrom(last.seq);
    await asOwner((manager) => manager.query('DELETE FROM audit_events WHERE seq = $1', [last.seq]).then(() => undefined));
    const run = await auditVerify();
    expect(run).toMatchObject({ code: 1, stdout: expect.stringContaining(`audit trail broken at event ${last.seq} (tail-truncated)`) });

    // A thorough owner deletes the checkpoints that remember it as well: the database alone cannot tell any more.
    const checkpoints = await owner.query('SELECT seq, mac, seal, recorded_at FROM audit_checkpoints WHERE seq >= $1', [last.seq]);
    await asOwner((manager) => manager.query('DELETE FROM audit_checkpoints WHERE seq >= $1', [last.seq]).then(() => undefined));
    const witnessed = await auditVerify('--witness', witness);
    expect(witnessed).toMatchObject({ code: 1, stdout: expect.stringContaining(`audit trail broken at event ${last.seq} (tail-truncated)`) });

    await asOwner(async (manager) => {
      for (const checkpoint of checkpoints) {
        await manager.query('INSERT INTO audit_checkpoints (seq, mac, seal, recorded_at) VALUES ($1, $2, $3, $4)', [checkpoint.seq, checkpoint.mac, checkpoint.seal, checkpoint.recorded_at]);
      }
    });
    await restoreFrom(last.seq, saved);
    expect((await auditVerify('--witness', witness)).code).toBe(0);
  }, 30_000);

  it('verifies events written before the seal by their hash chain, and the first sealed event links to them', async () => {
    // The trail as the migration left an older database: the first events hash-only, the later ones sealed from there on.
    const firstSealed = (await append('test.first-sealed')).seq;
    await append('test.sealed-after');
    const saved = await eventsFrom('1');
    const seal = system.app.get(AuditSeal);
    await asOwner(async (manager) => {
      await manager.query('UPDATE audit_events SET mac = NULL WHERE seq < $1', [firstSealed]);
      let previous = (await manager.query('SELECT hash FROM audit_events WHERE seq = $1', [String(BigInt(firstSealed) - 1n)]))[0].hash as string;
      for (const event of await eventsFrom(firstSealed)) {
        previous = seal.seal(previous, event);
        await manager.query('UPDATE audit_events SET mac = $1 WHERE seq = $2', [previous, event.seq]);
      }
    });
    // Done to a trail already verified, stripping the seals is itself caught by the last checkpoint.
    expect((await auditVerify()).stdout).toContain(`audit trail broken at event ${BigInt(firstSealed) - 1n} (edited)`);
    const checkpoints = await owner.query('SELECT seq, mac, seal, recorded_at FROM audit_checkpoints');
    await asOwner((manager) => manager.query('DELETE FROM audit_checkpoints').then(() => undefined));
    expect((await auditVerify()).stdout).toContain(`sealed from event ${firstSealed} on (before it: hash chain only)`);

    // A hash-only event edited and rehashed breaks the first seal, which covers the last hash before it.
    await asOwner(async (manager) => {
      await manager.query("UPDATE audit_events SET actor = 'someone-else' WHERE seq = 2");
      await rehashFrom(manager, '2');
    });
    expect((await auditVerify()).stdout).toContain(`audit trail broken at event ${firstSealed} (edited)`);
    // A sealed event stripped of its seal, to pass as one from before the seal, is named.
    await asOwner(async (manager) => {
      await manager.query('UPDATE audit_events SET actor = $1 WHERE seq = 2', [saved.find((event) => event.seq === '2')!.actor]);
      await rehashFrom(manager, '2');
      await manager.query('UPDATE audit_events SET mac = NULL WHERE seq = $1', [String(BigInt(firstSealed) + 1n)]);
    });
    const stripped = await auditVerify();
    expect(stripped).toMatchObject({ code: 1, stdout: expect.stringContaining(`audit trail broken at event ${BigInt(firstSealed) + 1n} (edited): event ${BigInt(firstSealed) + 1n} carries no seal`) });
    await asOwner(async (manager) => {
      await manager.query('DELETE FROM audit_checkpoints');
      for (const checkpoint of checkpoints) {
        await manager.query('INSERT INTO audit_checkpoints (seq, mac, seal, recorded_at) VALUES ($1, $2, $3, $4)', [checkpoint.seq, checkpoint.mac, checkpoint.seal, checkpoint.recorded_at]);
      }
    });
    await restoreFrom('1', saved);
  }, 30_000);

  it('ignores a checkpoint planted without the key', async () => {
    await system.dataSource.query("INSERT INTO audit_checkpoints (seq, mac, seal, recorded_at) VALUES (999999999, $1, $1, now())", ['0'.repeat(64)]);
    expect((await auditVerify()).code).toBe(0);
  }, 30_000);

  it('the daily verification tells each DPO once, in the app and by e-mail, naming the event and nothing of it', async () => {
    const org = await system.organisation('Region Audit');
    const verification = system.workerContext.get(ScheduledAuditVerification);
    expect(await verification.execute({ at: new Date().toISOString() })).toEqual({ intact: true, events: expect.any(Number) });

    const victim = await append('test.watched', { about: PERSONAL });
    await append('test.after-watched');
    const saved = await eventsFrom(victim.seq);
    await asOwner(async (manager) => {
      await manager.query('UPDATE audit_events SET actor = $1 WHERE seq = $2', ['someone-else', victim.seq]);
      await rehashFrom(manager, victim.seq);
    });
    const first = await verification.execute({ at: new Date().toISOString() });
    const second = await verification.execute({ at: new Date(Date.now() + 86_400_000).toISOString() });
    expect(first).toMatchObject({ intact: false, seq: victim.seq, problem: 'edited' });
    expect(second).toMatchObject({ intact: false, seq: victim.seq, problem: 'edited' });

    const dpo = org.users.dpo.email;
    const mail = await system.mail.waitFor((message) => message.envelopeTo.includes(dpo) && new RegExp(`(event|händelse) ${victim.seq}:`).test(message.subject));
    expect(mail.envelopeTo).toEqual([dpo]);
    expect(`${mail.subject}${mail.text}${mail.html}`).not.toMatch(/Anna|19121212|someone-else|test\.watched/);
    expect(system.mail.messages.filter((message) => message.envelopeTo.includes(dpo))).toHaveLength(1);
    expect(system.mail.messages.some((message) => message.envelopeTo.includes(org.users.responder.email))).toBe(false);
    const inApp = await system.dataSource.getRepository(Notification).findBy({ userId: org.users.dpo.id, kind: 'audit-trail-broken' });
    expect(inApp).toHaveLength(1);

    await restoreFrom(victim.seq, saved);
    expect(await verification.execute({ at: new Date().toISOString() })).toMatchObject({ intact: true });
  }, 30_000);
});
