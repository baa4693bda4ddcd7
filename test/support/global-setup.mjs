// Starts what the end-to-end tests talk to, once per run: a Temporal dev server (in memory,
// on a free port) and a fresh, migrated PostgreSQL database — on DATABASE_URL's server when
// set, else on an embedded PostgreSQL of our own. Migrations run as the server's superuser (the
// owner); the apps under test connect as the runtime role, as a deployment's do. Jest loads this file outside its ESM
// module system, so it builds dist/ first and uses the compiled modules.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveTemporalBinaries } from '../../scripts/temporal-binaries.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dist = (path) => import(join(root, 'dist', path));

export default async function globalSetup() {
  execFileSync(process.execPath, [join(root, 'scripts/bootstrap.mjs'), 'build'], { stdio: 'inherit' });
  const { runMigrations } = await dist('libs/persistence/src/data-source.js');
  const { enableRuntimeLogin } = await dist('libs/persistence/src/runtime-role.js');
  const { ensureDatabase, startEmbeddedDatabase } = await dist('libs/platform/src/dev/embedded-database.js');
  const { freePort } = await dist('libs/platform/src/dev/ports.js');
  const { startTemporalDevServer } = await dist('libs/platform/src/dev/temporal-dev-server.js');

  const binaries = resolveTemporalBinaries();
  process.env.TEMPORAL_TEST_SERVER_PATH ??= binaries.testServer;
  process.env.TEMPORAL_CLI_PATH ??= binaries.cli;

  const temporal = await startTemporalDevServer({ cliPath: binaries.cli, port: await freePort(), headless: true });
  const database = `breachflow_test_${process.pid}_${Date.now().toString(36)}`;
  let adminUrl;
  let stopDatabaseServer;
  if (process.env.DATABASE_URL) {
    adminUrl = process.env.DATABASE_URL;
    await ensureDatabase(adminUrl, database);
  } else {
    const parent = mkdtempSync(join(tmpdir(), 'breachflow-pg-'));
    chmodSync(parent, 0o755); // PostgreSQL runs as its own user and must reach its data directory
    const embedded = await startEmbeddedDatabase({
      dataDir: join(parent, 'data'),
      port: await freePort(),
      database,
      fast: true,
    });
    adminUrl = embedded.url.replace(/\/[^/]+$/, '/postgres');
    stopDatabaseServer = embedded.stop;
  }
  const databaseUrl = new URL(adminUrl);
  databaseUrl.pathname = `/${database}`;
  await runMigrations(databaseUrl.toString());
  // The role is the cluster's, shared by every test database on it: a fixed password, so runs side by side on one server agree.
  const runtimeDatabaseUrl = await enableRuntimeLogin(databaseUrl.toString(), 'breachflow-app-test');

  process.env.BREACHFLOW_TEST_SERVICES = JSON.stringify({
    temporalAddress: temporal.address,
    databaseUrl: runtimeDatabaseUrl,
    ownerDatabaseUrl: databaseUrl.toString(),
    adminDatabaseUrl: adminUrl,
    // One key for the whole run: every test file appends to the same audit trail.
    auditHmacKey: randomBytes(32).toString('base64'),
    database,
  });
  globalThis[Symbol.for('breachflow.test.stop')] = async () => {
    await temporal.stop();
    await stopDatabaseServer?.();
  };
}
