/**
 * The migration runner of a deployment (`node dist/scripts/migrate.js`, the `migrate` service
 * of docker-compose.yml, `npm run migration:run`): applies the pending migrations as the
 * database's owner, MIGRATION_DATABASE_URL (DATABASE_URL when absent: development), prints their
 * names and exits. It needs nothing but that URL, so it can run before the secrets of the API and
 * the worker are in place.
 *
 * Exit codes: 0 applied (or nothing to apply), 78 (EX_CONFIG) the URL missing or
 * malformed, 1 the migrations failed (each runs in its own transaction: a failed one leaves
 * the schema at the last migration that succeeded).
 */
import 'reflect-metadata';
import { runMigrations } from '../libs/persistence/src/data-source.js';

const EX_CONFIG = 78;
const say = (message: string) => console.error(`[breachflow-migrate] ${message}`);

/** The same rule as `loadConfig` applies to DATABASE_URL; the message never repeats the URL (it holds a password). */
function databaseUrlProblem(value: string | undefined): string | undefined {
  if (value === undefined || value.trim() === '') return 'is required';
  if (!/^postgres(ql)?:\/\//.test(value)) return 'must be a postgres:// URL, e.g. postgres://user:password@host:5432/breachflow';
  try {
    const parsed = new URL(value);
    decodeURIComponent(parsed.username);
    decodeURIComponent(parsed.password);
  } catch {
    return 'is not a valid URL: percent-encode special characters (such as / # % @) in the user name and password';
  }
  return undefined;
}

async function main(): Promise<number> {
  const name = process.env.MIGRATION_DATABASE_URL !== undefined ? 'MIGRATION_DATABASE_URL' : 'DATABASE_URL';
  const url = process.env[name];
  const problem = databaseUrlProblem(url);
  if (problem !== undefined) {
    say(`Invalid configuration:\n  ${name}: ${problem}`);
    return EX_CONFIG;
  }
  try {
    const applied = await runMigrations(url!);
    if (applied.length === 0) {
      console.log('database schema is up to date: no migration to apply');
    } else {
      console.log(`applied ${applied.length} migration${applied.length === 1 ? '' : 's'}:`);
      for (const name of applied) console.log(`  ${name}`);
    }
    return 0;
  } catch (error) {
    say(`migrations failed: ${(error as Error).message}`);
    return 1;
  }
}

process.exitCode = await main();
