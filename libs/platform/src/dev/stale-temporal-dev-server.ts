import { readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { isProcessAlive, processArguments, stopProcess } from './os-processes.js';

/**
 * A Temporal dev server that an earlier `npm start` left running (it was killed with SIGKILL,
 * so it could not stop its servers). Ours when the pid file it wrote names a process that is a
 * `temporal server start-dev` on the same history file; then it is stopped and the pid returned.
 * Anything else is left alone: a port it holds then fails the start with the usual message.
 */
export async function stopStaleTemporalDevServer(pidFile: string, dbFilename: string): Promise<number | undefined> {
  let pid: number;
  try {
    pid = Number.parseInt(readFileSync(pidFile, 'utf8'), 10);
  } catch {
    return undefined;
  }
  if (!Number.isInteger(pid) || pid <= 0 || !isProcessAlive(pid) || !isOurDevServer(processArguments(pid) ?? [], dbFilename)) {
    rmSync(pidFile, { force: true });
    return undefined;
  }
  const stopped = await stopProcess(pid, [
    { signal: 'SIGTERM', waitMs: 5_000 },
    { signal: 'SIGKILL', waitMs: 2_000 },
  ]);
  if (!stopped) throw new Error(`the Temporal dev server left running by an earlier run (pid ${pid}) does not stop`);
  rmSync(pidFile, { force: true });
  return pid;
}

function isOurDevServer(args: string[], dbFilename: string): boolean {
  const db = args.indexOf('--db-filename');
  return args.includes('server') && args.includes('start-dev') && db >= 0 && resolve(args[db + 1] ?? '') === resolve(dbFilename);
}
