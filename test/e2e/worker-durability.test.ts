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
import { SystemUnderTest } from '../support/system-under-test.js';
import { configEnv } from '../support/test-config.js';

const workerMain = fileURLToPath(new URL('../../dist/apps/worker/src/main.js', import.meta.url));
let system: SystemUnderTest;
const workers: ChildProcess[] = [];

function startWorkerProcess(): ChildProcess {
  const child = spawn(process.execPath, [workerMain], { env: { ...process.env, ...configEnv(system.config), LOG_LEVEL: 'warn' }, stdio: 'inherit' });
  workers.push(child);
  return child;
}

async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
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
    // Aware 36 hours ago less 15 seconds: the 50 % reminder is due 15 seconds from now.
    const awareAt = new Date(Date.now() - 36 * hour + 15_000);
    const body = newIncidentBody({
      occurredAt: new Date(awareAt.getTime() - 48 * hour).toISOString(),
      discoveredAt: new Date(awareAt.getTime() - hour).toISOString(),
      awareAt: awareAt.toISOString(),
    });

    const first = startWorkerProcess();
    const created = await system.request('POST', '/api/incidents', { token, body });
    expect(created.status).toBe(201);
    const id: string = created.body.id;
    const dueAt = new Date(awareAt.getTime() + 36 * hour);
    await eventually(
      async () => ((await system.request('GET', `/api/incidents/${id}`, { token })).body.clocksSource === 'workflow' ? true : undefined),
      30_000,
      'the first worker to run the workflow',
    );
    expect(await system.dataSource.getRepository(Reminder).countBy({ incidentId: id })).toBe(0);

    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));
    expect(Date.now()).toBeLessThan(dueAt.getTime());

    startWorkerProcess();
    const fired = await eventually(
      async () => (await system.dataSource.getRepository(Reminder).findOneBy({ incidentId: id, reminderKey: 'p50' })) ?? undefined,
      60_000,
      'the 50 % reminder',
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
