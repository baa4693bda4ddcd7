/**
 * `npm start`'s supervisor (dist/scripts/dev-stack.js) as a test runs it: on its own data
 * directory and free ports, its output kept for the assertions and for a failure's message.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { isProcessAlive, processArguments } from '../../libs/platform/src/dev/os-processes.js';

const devStackScript = fileURLToPath(new URL('../../dist/scripts/dev-stack.js', import.meta.url));

export interface DevStackPorts {
  api: number;
  postgres: number;
  /** The dev server's gRPC port; it also takes the two after it (HTTP API, metrics). */
  temporal: number;
  temporalUi: number;
}

const portIsFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const server = createServer()
      .once('error', () => resolve(false))
      .once('listening', () => server.close(() => resolve(true)))
      .listen(port, '127.0.0.1');
  });

/**
 * Six free ports in a row below the range the system hands out for outgoing connections: a
 * port from that range (what port 0 gives) can be taken by any client's connection between two
 * starts of the stack, and the next start would then find it "in use".
 */
export async function freeDevStackPorts(): Promise<DevStackPorts> {
  const [ephemeralFrom = 32_768] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
  const lowest = 20_000;
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const base = lowest + Math.floor(Math.random() * (ephemeralFrom - lowest - 6));
    const ports = [0, 1, 2, 3, 4, 5].map((offset) => base + offset);
    if ((await Promise.all(ports.map(portIsFree))).every(Boolean)) {
      return { temporal: base, api: base + 3, postgres: base + 4, temporalUi: base + 5 };
    }
  }
  throw new Error('no six free ports in a row below the ephemeral range');
}

/** Every live process below `pid` (children, their children…), read from /proc. */
export function descendantsOf(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // exited while we looked
    }
  }
  const found: number[] = [];
  const visit = (parent: number) => {
    for (const child of children.get(parent) ?? []) {
      found.push(child);
      visit(child);
    }
  };
  visit(pid);
  return found.filter(isProcessAlive);
}

export class DevStackRun {
  private output = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  private constructor(
    readonly child: ChildProcess,
    readonly apiUrl: string,
  ) {
    const keep = (chunk: Buffer) => {
      this.output += chunk.toString();
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  }

  static async start(dataDir: string, ports: DevStackPorts, timeoutMs = 90_000): Promise<DevStackRun> {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      BREACHFLOW_DATA_DIR: dataDir,
      PORT: String(ports.api),
      BREACHFLOW_PG_PORT: String(ports.postgres),
      BREACHFLOW_TEMPORAL_PORT: String(ports.temporal),
      BREACHFLOW_TEMPORAL_UI_PORT: String(ports.temporalUi),
    };
    // The embedded defaults are what is under test: nothing external may be configured.
    for (const name of ['DATABASE_URL', 'TEMPORAL_ADDRESS', 'SMTP_URL', 'SMS_PROVIDER_URL', 'SMS_SINK_DIR', 'PUBLIC_URL', 'JWT_SECRET', 'PAYLOAD_ENCRYPTION_KEY', 'TEMPORAL_UPDATE_SIGNING_KEY', 'TEMPORAL_UI_ORIGINS', 'DEMO_PASSWORD']) delete env[name];
    const child = spawn(process.execPath, [devStackScript], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const run = new DevStackRun(child, `http://127.0.0.1:${ports.api}`);
    const deadline = Date.now() + timeoutMs;
    while (!run.output.includes('breachflow is running')) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the dev stack exited while starting:\n${run.output}`);
      if (Date.now() > deadline) throw new Error(`the dev stack did not start within ${timeoutMs / 1000} s:\n${run.output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return run;
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** What the supervisor and the apps have printed so far. */
  get log(): string {
    return this.output;
  }

  /** The supervisor and every process below it. */
  processes(): number[] {
    return [this.pid, ...descendantsOf(this.pid)];
  }
}

/** Waits until none of the processes lives; returns how long that took, or throws after the timeout. */
export async function waitUntilAllExited(pids: number[], timeoutMs: number): Promise<number> {
  const started = Date.now();
  for (;;) {
    const alive = pids.filter(isProcessAlive);
    if (alive.length === 0) return Date.now() - started;
    if (Date.now() - started > timeoutMs) {
      const described = alive.map((pid) => `${pid} ${(processArguments(pid) ?? []).join(' ').slice(0, 120)}`);
      throw new Error(`still running after ${timeoutMs / 1000} s:\n${described.join('\n')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
