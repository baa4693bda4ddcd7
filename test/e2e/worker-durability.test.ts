/**
 * The incident workflow survives its worker: kill the worker process (SIGKILL) while the
 * workflow waits on its Art. 33 clock, start a new one, and the next reminder fires once.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { AuditEvent } from '../../libs/persistence/src/entities/audit-event.entity.js';
import { Reminder } from '../../libs/persistence/src/entities/reminder.entity.js';
import { newIncidentBody } from '../support/incident-bodies.js';
import { riskFacts } from '../support/risk-facts-examples.js';
import { Filing } from '../../libs/persistence/src/entities/filing.entity.js';
import { SystemUnderTest } from '../support/system-under-test.js';
import { configEnv } from '../support/test-config.js';
import { eventually } from '../support/eventually.js';

const workerMain = fileURLToPath(new URL('../../dist/apps/worker/src/main.js', import.meta.url));
let system: SystemUnderTest;
const workers: ChildProcess[] = [];

function startWorkerProcess(): ChildProcess {
  const child = spawn(process.execPath, [workerMain], { env: { ...process.env, ...configEnv(system.config), LOG_LEVEL: 'warn' }, stdio: 'inherit' });
  workers.push(child);
  return child;
}


beforeAll(async () => {
  system = await SystemUnderTest.start({ worker: false });
}, 60_000);

afterAll(async () => {
  for (const worker of workers) if (worker.exitCode === null && worker.signalCode === null) worker.kill('SIGKILL');
  await system?.stop();
});

describe('a worker killed while the clock waits', () => {
  it('is replaced by a new worker and the next reminder fires exactly once', async () => {
    const token = await system.login(await system.organisation(), 'responder');
    const hour = 3_600_000;
    // Aware 36 hours ago less 15 seconds: the 50 % reminder is due 15 seconds from now. The risk
    // is not assessed yet (no risk facts), so the incident's own Art. 33 clock is the one running.
    const awareAt = new Date(Date.now() - 36 * hour + 15_000);
    const { breach: _b, data: _d, subjects: _s, controller: _c, ...unassessed } = newIncidentBody();
    const body = {
      ...unassessed,
      occurredAt: new Date(awareAt.getTime() - 48 * hour).toISOString(),
      discoveredAt: new Date(awareAt.getTime() - hour).toISOString(),
      awareAt: awareAt.toISOString(),
    };

    const first = startWorkerProcess();
    const created = await system.request('POST', '/api/incidents', { token, body });
    expect(created.status).toBe(201);
    const id: string = created.body.id;
    const dueAt = new Date(awareAt.getTime() + 36 * hour);
    await eventually(
      async () => ((await system.request('GET', `/api/incidents/${id}`, { token })).body.clocksSource === 'workflow' ? true : undefined),
      { timeoutMs: 30_000, what: 'the first worker to run the workflow' },
    );
    expect(await system.dataSource.getRepository(Reminder).countBy({ incidentId: id })).toBe(0);

    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));
    expect(Date.now()).toBeLessThan(dueAt.getTime());

    startWorkerProcess();
    const fired = await eventually(
      async () => (await system.dataSource.getRepository(Reminder).findOneBy({ incidentId: id, reminderKey: 'p50' })) ?? undefined,
      { timeoutMs: 60_000, what: 'the 50 % reminder' },
    );
    expect(fired.dueAt.toISOString()).toBe(dueAt.toISOString());
    expect(fired.firedAt.getTime()).toBeGreaterThanOrEqual(dueAt.getTime());

    // Give a duplicate every chance to appear, then count.
    await new Promise((r) => setTimeout(r, 3_000));
    expect(await system.dataSource.getRepository(Reminder).countBy({ incidentId: id })).toBe(1);
    const reminderEvents = await system.dataSource.getRepository(AuditEvent).findBy({ incidentId: id, action: 'clock.reminder-fired' });
    expect(reminderEvents).toHaveLength(1);
    const state = await system.request('GET', `/api/incidents/${id}`, { token });
    expect(state.body.clocks[0].reminders[0]).toMatchObject({ key: 'p50', firedAt: fired.firedAt.toISOString() });
    expect(state.body.clocks[0].nextReminder.key).toBe('p75');
  }, 120_000);
});

describe('a worker killed between approval and filing', () => {
  it('loses nothing: the approved report is recorded after restart, and no reminder is sent twice', async () => {
    const org = await system.organisation();
    const responder = await system.login(org, 'responder');
    const approver = await system.login(org, 'approver');
    const hour = 3_600_000;
    // The 50 % reminder of the Art. 33 track falls due while the worker is down.
    const awareAt = new Date(Date.now() - 36 * hour + 12_000);
    const { breach: _b, data: _d, subjects: _s, controller: _c, ...narrative } = newIncidentBody();
    const first = startWorkerProcess();
    const created = await system.request('POST', '/api/incidents', {
      token: responder,
      body: {
        ...narrative,
        ...riskFacts,
        occurredAt: new Date(awareAt.getTime() - 48 * hour).toISOString(),
        discoveredAt: new Date(awareAt.getTime() - hour).toISOString(),
        awareAt: awareAt.toISOString(),
      },
    });
    const id: string = created.body.id;
    await eventually(
      async () => ((await system.request('GET', `/api/incidents/${id}`, { token: responder })).body.tracks?.some((t: { kind: string; live: boolean }) => t.kind === 'gdpr-art33' && t.live) ? true : undefined),
      { timeoutMs: 30_000, what: 'the Art. 33 track to start' },
    );
    const draft = await system.request('POST', `/api/incidents/${id}/filings`, { token: responder, body: { track: 'gdpr-art33', language: 'sv', kind: 'initial' } });
    await system.request('POST', `/api/filings/${draft.body.id}/submit`, { token: responder, body: {} });
    expect((await system.request('POST', `/api/filings/${draft.body.id}/approve`, { token: approver, body: {} })).body.status).toBe('approved');

    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));
    await new Promise((r) => setTimeout(r, 12_000)); // the reminder falls due with no worker running
    startWorkerProcess();

    const filed = await eventually(
      async () => {
        const result = await system.request('POST', `/api/filings/${draft.body.id}/record`, {
          token: responder,
          body: { filedAt: new Date().toISOString(), channel: 'imy-e-service' },
        });
        return result.status === 200 ? result : undefined;
      },
      { timeoutMs: 60_000, what: 'the new worker to take the filing' },
    );
    expect(filed.body).toMatchObject({ status: 'filed', approvedBy: org.users.approver.id });
    expect(await system.dataSource.getRepository(Filing).countBy({ incidentId: id })).toBe(1);

    const reminderTo = (email: string) => system.mail.messages.filter((m) => m.envelopeTo.includes(email) && m.subject.includes(created.body.reference));
    await eventually(async () => (reminderTo(org.users.responder.email).length > 0 ? true : undefined), { timeoutMs: 30_000, what: 'the 50 % reminder e-mail' });
    await new Promise((r) => setTimeout(r, 3_000));
    expect(reminderTo(org.users.responder.email)).toHaveLength(1);
    const keys: Array<{ n: string }> = await system.dataSource.query(
      `SELECT count(*) AS n FROM sent_emails WHERE incident_id = $1 GROUP BY recipient_user_id, template HAVING count(*) > 1`,
      [id],
    );
    expect(keys).toEqual([]);
  }, 150_000);
});
