/**
 * `npm start` run for real (dist/scripts/dev-stack.js with its embedded PostgreSQL and Temporal
 * dev server) on a temporary data directory and free ports, never a developer's `.data/`:
 * a Temporal dev server killed with SIGKILL is back and serving, SIGINT stops every process in
 * time, and neither a stack killed outright nor servers orphaned by a killed supervisor keep the
 * next start from serving on the same data directory.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isProcessAlive, processArguments } from '../../libs/platform/src/dev/os-processes.js';
import { DevStackRun, freeDevStackPorts, waitUntilAllExited, type DevStackPorts } from '../support/dev-stack-run.js';
import { eventually } from '../support/eventually.js';
import { newIncidentBody } from '../support/incident-bodies.js';

let parentDir: string;
let dataDir: string;
let ports: DevStackPorts;
const runs: DevStackRun[] = [];
const seen = new Set<number>();
const measured: Record<string, string> = {};

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function start(): Promise<DevStackRun> {
  const startedAt = Date.now();
  const run = await DevStackRun.start(dataDir, ports);
  runs.push(run);
  run.processes().forEach((pid) => seen.add(pid));
  measured[`start ${runs.length}`] = seconds(Date.now() - startedAt);
  return run;
}

async function health(run: DevStackRun): Promise<{ status: string; temporal: { ok: boolean } } | undefined> {
  try {
    return (await fetch(`${run.apiUrl}/health`, { signal: AbortSignal.timeout(5_000) })).json() as Promise<{ status: string; temporal: { ok: boolean } }>;
  } catch {
    return undefined;
  }
}

async function login(run: DevStackRun): Promise<string> {
  const response = await fetch(`${run.apiUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'responder@demo.local', password: 'breachflow-demo' }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

async function incident(run: DevStackRun, token: string, id: string): Promise<{ httpStatus: number; clocksSource?: string }> {
  const response = await fetch(`${run.apiUrl}/api/incidents/${id}`, { headers: { authorization: `Bearer ${token}` } });
  return { httpStatus: response.status, ...(response.ok ? ((await response.json()) as { clocksSource: string }) : {}) };
}

/** Creates an incident and waits until its workflow answers (the worker has run it). */
async function incidentWithWorkflow(run: DevStackRun, timeoutMs: number): Promise<string> {
  const token = await login(run);
  const created = await fetch(`${run.apiUrl}/api/incidents`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': randomUUID() },
    body: JSON.stringify(newIncidentBody()),
  });
  expect(created.status).toBe(201);
  const { id } = (await created.json()) as { id: string };
  await eventually(async () => (await incident(run, token, id)).clocksSource === 'workflow', { timeoutMs, what: `incident ${id}'s workflow` });
  return id;
}

function temporalPid(): number {
  return Number.parseInt(readFileSync(join(dataDir, 'temporal.pid'), 'utf8'), 10);
}

function postgresPid(): number {
  return Number.parseInt(readFileSync(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8'), 10);
}

beforeAll(async () => {
  parentDir = mkdtempSync(join(tmpdir(), 'breachflow-dev-stack-'));
  chmodSync(parentDir, 0o755); // PostgreSQL runs as its own user and must reach its data directory
  dataDir = join(parentDir, 'data');
  ports = await freeDevStackPorts();
});

afterAll(() => {
  for (const pid of [...runs.flatMap((run) => run.processes()), ...seen]) {
    if (isProcessAlive(pid)) process.kill(pid, 'SIGKILL');
  }
  rmSync(parentDir, { recursive: true, force: true });
  console.log(`dev stack supervision, measured: ${JSON.stringify(measured, null, 2)}`);
});

describe('npm start supervises what it started', () => {
  let firstIncident: string;

  it('restarts a Temporal dev server killed with SIGKILL, and the API and worker carry on with it', async () => {
    const run = await start();
    firstIncident = await incidentWithWorkflow(run, 60_000);

    const killedAt = Date.now();
    process.kill(temporalPid(), 'SIGKILL');
    await eventually(async () => (await health(run))?.temporal.ok === false || run.log.includes('Temporal dev server exited'), {
      timeoutMs: 10_000,
      what: 'the supervisor or the API to notice',
    });
    await eventually(async () => (await health(run))?.status === 'ok', { timeoutMs: 30_000, what: '/health to report Temporal up again' });
    measured['Temporal killed → /health ok'] = seconds(Date.now() - killedAt);
    await incidentWithWorkflow(run, Math.max(1_000, killedAt + 30_000 - Date.now()));
    measured['Temporal killed → a new incident has its workflow'] = seconds(Date.now() - killedAt);
    expect(Date.now() - killedAt).toBeLessThan(30_000);

    // Logged once for the event, not once per retry.
    expect(run.log.match(/the Temporal dev server exited \(signal SIGKILL\); restarting in 1 s/g)).toHaveLength(1);
    expect(run.log.match(/the Temporal dev server is back after/g)).toHaveLength(1);
    expect(run.log).not.toMatch(/the (worker|API) exited/);
  }, 120_000);

  it('stops every process of the stack within 15 s of SIGINT', async () => {
    const run = runs.at(-1)!;
    const processes = run.processes();
    expect(processes.length).toBeGreaterThanOrEqual(5); // supervisor, worker, API, Temporal, postgres (and its helpers)
    process.kill(run.pid, 'SIGINT');
    const took = await waitUntilAllExited(processes, 15_000);
    measured['SIGINT → every process exited'] = seconds(took);
    expect(await run.exited).toEqual({ code: 0, signal: null });
  }, 30_000);

  it('starts and serves on the same data directory after every process of the stack was killed with SIGKILL', async () => {
    const killed = await start();
    const processes = killed.processes();
    for (const pid of processes) process.kill(pid, 'SIGKILL');
    await waitUntilAllExited(processes, 5_000);

    const run = await start();
    expect((await health(run))?.status).toBe('ok');
    const token = await login(run);
    // Served at once (from the case file while the worker is still bundling its workflows), then
    // by the incident's workflow once the restarted worker has picked it up.
    expect(await incident(run, token, firstIncident)).toMatchObject({ httpStatus: 200 });
    await eventually(async () => (await incident(run, token, firstIncident)).clocksSource === 'workflow', { timeoutMs: 30_000, what: 'the incident answered by its workflow again' });
  }, 120_000);

  it('stops the PostgreSQL and Temporal dev server a supervisor killed alone left behind, then starts and serves', async () => {
    const orphaning = runs.at(-1)!;
    const [postgres, temporal] = [postgresPid(), temporalPid()];
    const apps = orphaning.processes().filter((pid) => (processArguments(pid) ?? []).some((arg) => arg.includes('/dist/apps/')));
    expect(apps).toHaveLength(2);
    process.kill(orphaning.pid, 'SIGKILL');
    await orphaning.exited;
    // The apps notice their supervisor is gone; the servers are left running, as after a crash.
    await waitUntilAllExited(apps, 10_000);
    expect([isProcessAlive(postgres), isProcessAlive(temporal)]).toEqual([true, true]);

    const startedAt = Date.now();
    const run = await start();
    measured['start over orphaned servers'] = seconds(Date.now() - startedAt);
    expect(run.log).toContain(`stopped the embedded PostgreSQL an earlier run left running (pid ${postgres})`);
    expect(run.log).toContain(`stopped the Temporal dev server an earlier run left running (pid ${temporal})`);
    expect(isProcessAlive(postgres) || isProcessAlive(temporal)).toBe(false);
    await incidentWithWorkflow(run, 60_000);

    const processes = run.processes();
    process.kill(run.pid, 'SIGINT');
    measured['SIGINT → every process exited (second time)'] = seconds(await waitUntilAllExited(processes, 15_000));
  }, 150_000);
});
