import { readdirSync, readFileSync } from 'node:fs';

/**
 * Whether the process still runs. A zombie counts as gone: it no longer holds ports or files,
 * and in a container whose first process does not reap orphans it would otherwise "live" forever.
 */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to someone we may not signal.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    // The state follows the command name, which is in parentheses and may itself contain spaces.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    if (stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z') return true;
    // A multi-threaded program's first thread turns zombie before the others have finished
    // exiting, and they still hold its sockets: gone only once it is the last one left.
    return readdirSync(`/proc/${pid}/task`).length > 1;
  } catch {
    // No /proc (macOS): signal 0 is all we can tell.
    return true;
  }
}

/** The process's arguments as it was started, or undefined when it is gone or unknowable. */
export function processArguments(pid: number): string[] | undefined {
  try {
    const raw = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return raw.length ? raw.replace(/\0$/, '').split('\0') : undefined;
  } catch {
    return undefined;
  }
}

export async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isProcessAlive(pid)) {
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}

export interface StopStep {
  signal: NodeJS.Signals;
  /** How long the process gets to exit after this signal before the next step. */
  waitMs: number;
}

/** A gentle signal first, harder ones when it does not exit in time; resolves true once it is gone. */
export async function stopProcess(pid: number, steps: StopStep[]): Promise<boolean> {
  for (const { signal, waitMs } of steps) {
    if (!isProcessAlive(pid)) return true;
    try {
      process.kill(pid, signal);
    } catch {
      return !isProcessAlive(pid);
    }
    if (await waitForExit(pid, waitMs)) return true;
  }
  return !isProcessAlive(pid);
}
