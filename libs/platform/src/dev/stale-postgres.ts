import { readFileSync, rmSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { isProcessAlive, processArguments, stopProcess } from './os-processes.js';

/**
 * An embedded PostgreSQL that an earlier run left on `dataDir` (it was killed with SIGKILL and
 * could not stop it). PostgreSQL's own `postmaster.pid` names the process and its data directory:
 * when that process is alive, is a postgres, and serves this very directory, it is ours and is
 * stopped; its pid is returned. Anything else is left alone (a port held by another server still
 * fails the start with the usual message).
 */
export async function stopStalePostgres(dataDir: string): Promise<number | undefined> {
  const lockFile = join(dataDir, 'postmaster.pid');
  let lines: string[];
  try {
    lines = readFileSync(lockFile, 'utf8').split('\n');
  } catch {
    return undefined;
  }
  const pid = Number.parseInt(lines[0] ?? '', 10);
  const servedDir = lines[1] ?? '';
  if (!Number.isInteger(pid) || pid <= 0 || resolve(servedDir) !== resolve(dataDir)) return undefined;
  if (!isProcessAlive(pid)) {
    // PostgreSQL clears lock files whose process is gone, but a killed server that nobody reaped
    // (a container whose first process does not reap orphans) still answers signal 0, and it
    // would refuse to start "because another postmaster is running".
    rmSync(lockFile, { force: true });
    removeSocketLockOf(pid, lines[4], lines[3]);
    return undefined;
  }
  if (!isPostgres(pid)) return undefined;
  // SIGINT is PostgreSQL's fast shutdown: it does not wait for clients, which may be gone too.
  const stopped = await stopProcess(pid, [
    { signal: 'SIGINT', waitMs: 10_000 },
    { signal: 'SIGQUIT', waitMs: 3_000 },
    { signal: 'SIGKILL', waitMs: 2_000 },
  ]);
  if (!stopped) throw new Error(`the PostgreSQL left running on ${dataDir} by an earlier run (pid ${pid}) does not stop`);
  return pid;
}

/** The lock beside the Unix socket (`/tmp/.s.PGSQL.<port>.lock`), when that dead server wrote it. */
function removeSocketLockOf(pid: number, socketDir: string | undefined, port: string | undefined): void {
  if (!socketDir || !port) return;
  const socketLock = join(socketDir, `.s.PGSQL.${port.trim()}.lock`);
  try {
    if (Number.parseInt(readFileSync(socketLock, 'utf8'), 10) === pid) rmSync(socketLock, { force: true });
  } catch {
    // no such lock
  }
}

function isPostgres(pid: number): boolean {
  const [program] = processArguments(pid) ?? [];
  if (program && basename(program) === 'postgres') return true;
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres';
  } catch {
    return false;
  }
}
