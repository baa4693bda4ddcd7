import type { ChildProcess } from 'node:child_process';
import { stopProcess, type StopStep } from './os-processes.js';
import type { ProcessRun } from './supervised-process.js';

/** How a child ended, as the supervisor logs it. */
export function exitDescription(code: number | null, signal: NodeJS.Signals | null): string {
  return signal ? `signal ${signal}` : `code ${code}`;
}

/** A spawned child as a supervised run: its exit event, and a stop that escalates by steps. */
export function childProcessRun(child: ChildProcess, stopSteps: StopStep[]): ProcessRun {
  const exited = new Promise<string>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(exitDescription(child.exitCode, child.signalCode));
    else child.once('exit', (code, signal) => resolve(exitDescription(code, signal)));
  });
  return {
    pid: child.pid!,
    exited,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      // Unkillable (not ours to signal): do not wait for an exit event that will not come.
      if (await stopProcess(child.pid!, stopSteps)) await exited;
    },
  };
}
