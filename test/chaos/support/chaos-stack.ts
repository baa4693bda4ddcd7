import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DataSource } from 'typeorm';
import { startEmbeddedDatabase } from '../../../libs/platform/src/dev/embedded-database.js';
import { freePort, waitForPort } from '../../../libs/platform/src/dev/ports.js';
import { startTemporalDevServer } from '../../../libs/platform/src/dev/temporal-dev-server.js';
import { createDataSource, runMigrations } from '../../../libs/persistence/src/data-source.js';
import { SmtpCapture } from '../../support/smtp-capture.js';

/** The parts of a deployment the chaos suite kills, one at a time. */
export const COMPONENTS = ['worker', 'api', 'temporal', 'postgres'] as const;
export type Component = (typeof COMPONENTS)[number];

const dist = (path: string) => fileURLToPath(new URL(`../../../dist/${path}`, import.meta.url));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** A wait that does not keep the test process alive once everything else has stopped. */
const grace = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref());

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function untilDead(pids: number[], what: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (pids.some(alive)) {
    if (Date.now() > deadline) throw new Error(`${what} did not die`);
    await sleep(50);
  }
}

/** The processes a PostgreSQL server runs as: the postmaster (from its pid file) and its children. */
function postgresProcesses(dataDir: string): number[] {
  const postmaster = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const children = readFileSync('/proc/' + postmaster + '/task/' + postmaster + '/children', 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  return [postmaster, ...children];
}

/**
 * A whole deployment on this machine, each part a process of its own that can be SIGKILLed and
 * started again on the same ports and data: PostgreSQL (embedded, fsync on, synchronous commits,
 * as in production), a Temporal dev server (SQLite file), the API and the worker. E-mail goes to a
 * real SMTP server in the test process, which counts what arrives. Like a process manager, the
 * stack starts a crashed API or worker again; a part killed on purpose stays down until `restart`.
 */
export class ChaosStack {
  readonly env: NodeJS.ProcessEnv;
  readonly baseUrl: string;
  private readonly apps = new Map<'api' | 'worker', ChildProcess>();
  private readonly down = new Set<Component>();
  private temporal: ChildProcess | undefined;
  private stopping = false;
  /** Unplanned exits of the API or worker (each restarted), by component. */
  readonly crashes: Record<'api' | 'worker', number> = { api: 0, worker: 0 };

  private constructor(
    private readonly directory: string,
    private readonly ports: { postgres: number; temporal: number; api: number },
    readonly databaseUrl: string,
    readonly mail: SmtpCapture,
    readonly dataSource: DataSource,
  ) {
    this.baseUrl = `http://127.0.0.1:${ports.api}`;
    this.env = {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'error',
      PORT: String(ports.api),
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: `127.0.0.1:${ports.temporal}`,
      TEMPORAL_TASK_QUEUE: 'chaos',
      JWT_SECRET: randomBytes(32).toString('hex'),
      PAYLOAD_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      TEMPORAL_UPDATE_SIGNING_KEY: randomBytes(32).toString('base64'),
      SMTP_URL: mail.url,
      NOTICE_BATCH_SIZE: '25',
    };
  }

  static async start(): Promise<ChaosStack> {
    const directory = mkdtempSync(join(tmpdir(), 'breachflow-chaos-'));
    // PostgreSQL runs as the postgres user when we are root: it must reach its data directory.
    chmodSync(directory, 0o777);
    const ports = { postgres: await freePort(), temporal: await freePort(), api: await freePort() };
    const database = await startEmbeddedDatabase({ dataDir: join(directory, 'postgres'), port: ports.postgres, database: 'breachflow' });
    await runMigrations(database.url);
    const mail = await SmtpCapture.start();
    const dataSource = await createDataSource(database.url, { poolSize: 4, applicationName: 'chaos-test' }).initialize();
    const stack = new ChaosStack(directory, ports, database.url, mail, dataSource);
    await stack.startTemporal();
    await stack.startApp('api');
    await stack.startApp('worker');
    return stack;
  }

  /** SIGKILL, as the kernel's OOM killer or a lost machine would: no shutdown hook runs. */
  async kill(component: Component): Promise<void> {
    this.down.add(component);
    switch (component) {
      case 'api':
      case 'worker': {
        const child = this.apps.get(component)!;
        child.kill('SIGKILL');
        await exited(child);
        return;
      }
      case 'temporal':
        process.kill(-this.temporal!.pid!, 'SIGKILL');
        await exited(this.temporal!);
        return;
      case 'postgres': {
        const pids = postgresProcesses(this.postgresDir);
        for (const pid of pids) process.kill(pid, 'SIGKILL');
        await untilDead(pids, 'PostgreSQL');
        return;
      }
    }
  }

  async restart(component: Component): Promise<void> {
    this.down.delete(component);
    switch (component) {
      case 'api':
      case 'worker':
        return this.startApp(component);
      case 'temporal':
        return this.startTemporal();
      case 'postgres':
        // Crash recovery replays the WAL: what was committed is there again.
        await startEmbeddedDatabase({ dataDir: this.postgresDir, port: this.ports.postgres, database: 'breachflow' });
        return;
    }
  }

  async stop(): Promise<void> {
    this.stopping = true;
    for (const [, child] of this.apps) {
      child.kill('SIGTERM');
      await Promise.race([exited(child), grace(10_000)]);
      child.kill('SIGKILL');
    }
    if (this.temporal?.pid) process.kill(-this.temporal.pid, 'SIGKILL');
    await this.dataSource.destroy().catch(() => undefined);
    await this.mail.stop();
    try {
      const pids = postgresProcesses(this.postgresDir);
      for (const pid of pids) process.kill(pid, 'SIGKILL');
      await untilDead(pids, 'PostgreSQL');
    } catch {
      // already gone
    }
    rmSync(this.directory, { recursive: true, force: true });
  }

  private get postgresDir(): string {
    return join(this.directory, 'postgres');
  }

  private async startTemporal(): Promise<void> {
    const cliPath = process.env.TEMPORAL_CLI_PATH;
    if (!cliPath) throw new Error('TEMPORAL_CLI_PATH is not set: run the chaos suite with `npm run test:chaos`');
    const server = await startTemporalDevServer({ cliPath, port: this.ports.temporal, dbFilename: join(this.directory, 'temporal.db'), headless: true });
    this.temporal = server.process;
  }

  private async startApp(component: 'api' | 'worker'): Promise<void> {
    const main = dist(component === 'api' ? 'apps/api/src/main.js' : 'apps/worker/src/main.js');
    const child = spawn(process.execPath, [main], { env: this.env, stdio: ['ignore', 'ignore', 'inherit'] });
    this.apps.set(component, child);
    child.once('exit', () => {
      if (this.stopping || this.down.has(component) || this.apps.get(component) !== child) return;
      // A crash of its own (say, PostgreSQL vanished while it started): a process manager starts it again.
      this.crashes[component] += 1;
      setTimeout(() => void this.startApp(component), 1_000);
    });
    if (component === 'api') await waitForPort(this.ports.api, 60_000, 'the API');
  }
}
