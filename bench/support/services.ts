// Starts what a benchmark talks to, on free ports, and stops it afterwards: a Temporal dev
// server (in memory), a fresh, migrated PostgreSQL database — on DATABASE_URL's server when
// set, else on an embedded PostgreSQL of our own — and a local SMTP sink for the worker. The same recipe as the end-to-end tests'
// global setup, from the libraries rather than from test/.
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runMigrations } from '../../libs/persistence/src/data-source.js';
import { dropDatabase, ensureDatabase, startEmbeddedDatabase } from '../../libs/platform/src/dev/embedded-database.js';
import { freePort } from '../../libs/platform/src/dev/ports.js';
import { startTemporalDevServer } from '../../libs/platform/src/dev/temporal-dev-server.js';
import { startSmtpSink } from '../../libs/platform/src/mail/smtp-sink.js';

/** Progress goes to stderr, so stdout carries only the results. */
export const progress = (message: string): void => {
  process.stderr.write(`[bench] ${message}\n`);
};

/**
 * The project root: the nearest directory above this module holding package.json and
 * scripts/ (this file runs as bench/support/*.ts under tsc and as dist/bench/support/*.js).
 */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'scripts', 'temporal-binaries.mjs'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no project root above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}

interface TemporalBinariesModule {
  resolveTemporalBinaries(options?: { log?: (message: string) => void }): { cli: string; testServer: string };
}

/** TEMPORAL_CLI_PATH, else what scripts/temporal-binaries.mjs finds (PATH, then .tools/). */
async function temporalCliPath(): Promise<string> {
  if (process.env.TEMPORAL_CLI_PATH) return process.env.TEMPORAL_CLI_PATH;
  const module = (await import(join(projectRoot(), 'scripts', 'temporal-binaries.mjs'))) as TemporalBinariesModule;
  return module.resolveTemporalBinaries({ log: progress }).cli;
}

export interface BenchServices {
  /** host:port of the Temporal dev server's frontend. */
  temporalAddress: string;
  /** A fresh database with the migrations applied. */
  databaseUrl: string;
  /** Where the database lives: "DATABASE_URL's server" or "embedded PostgreSQL". */
  databaseKind: string;
  /** A local SMTP sink (the worker requires SMTP_URL); never a real mail server, whatever the environment says. */
  smtpUrl: string;
  stop(): Promise<void>;
}

export async function startServices(): Promise<BenchServices> {
  const stops: Array<() => Promise<void>> = [];
  /** What must not outlive this process even when it ends abruptly (Nest aborts on a failed start, Ctrl-C). */
  const lastResort: Array<() => void> = [];
  const onExit = (): void => {
    for (const step of lastResort.splice(0)) {
      try {
        step();
      } catch {
        // best effort while exiting
      }
    }
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    progress(`${signal}: stopping the services`);
    void stop().finally(() => process.exit(130));
  };
  process.once('exit', onExit);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let stopping: Promise<void> | undefined;
  /** Idempotent: a signal and the benchmark's own `finally` may both ask; both wait for the one stop. */
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      for (const step of stops.splice(0).reverse()) {
        try {
          await step();
        } catch (error) {
          progress(`stopping: ${(error as Error).message}`);
        }
      }
      // Only now: should the process exit halfway through, the exit hook still has work to do.
      lastResort.length = 0;
      process.removeListener('exit', onExit);
      process.removeListener('SIGINT', onSignal);
      process.removeListener('SIGTERM', onSignal);
    })());
  try {
    progress('starting a Temporal dev server (in memory)');
    const temporal = await startTemporalDevServer({ cliPath: await temporalCliPath(), port: await freePort(), headless: true });
    stops.push(() => temporal.stop());
    lastResort.push(() => temporal.process.kill('SIGKILL'));

    const database = `breachflow_bench_${process.pid}`;
    let adminUrl: string;
    let databaseKind: string;
    if (process.env.DATABASE_URL) {
      adminUrl = process.env.DATABASE_URL;
      databaseKind = "DATABASE_URL's server";
      progress(`creating database ${database} on DATABASE_URL's server`);
      await dropDatabase(adminUrl, database); // a leftover of a killed run with the same pid
      await ensureDatabase(adminUrl, database);
      stops.push(() => dropDatabase(adminUrl, database));
    } else {
      databaseKind = 'embedded PostgreSQL (fsync off)';
      progress('starting an embedded PostgreSQL');
      const parent = mkdtempSync(join(tmpdir(), 'breachflow-bench-pg-'));
      stops.push(async () => rmSync(parent, { recursive: true, force: true }));
      lastResort.push(() => rmSync(parent, { recursive: true, force: true }));
      chmodSync(parent, 0o755); // PostgreSQL runs as its own user and must reach its data directory
      const embedded = await startEmbeddedDatabase({ dataDir: join(parent, 'data'), port: await freePort(), database, fast: true });
      stops.push(() => embedded.stop());
      adminUrl = embedded.url.replace(/\/[^/]+$/, '/postgres');
    }
    const databaseUrl = new URL(adminUrl);
    databaseUrl.pathname = `/${database}`;
    progress('running migrations');
    await runMigrations(databaseUrl.toString());

    const mailDir = mkdtempSync(join(tmpdir(), 'breachflow-bench-mail-'));
    stops.push(async () => rmSync(mailDir, { recursive: true, force: true }));
    lastResort.push(() => rmSync(mailDir, { recursive: true, force: true }));
    const sink = await startSmtpSink({ port: 0, host: '127.0.0.1', storeDir: join(mailDir, 'mail') });
    stops.push(() => sink.stop());
    return { temporalAddress: temporal.address, databaseUrl: databaseUrl.toString(), databaseKind, smtpUrl: sink.url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
