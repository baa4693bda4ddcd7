import { describe, expect, it } from '@jest/globals';
import { RestartBackoff } from '../../../../libs/platform/src/dev/restart-backoff.js';
import { SupervisedProcess, type ProcessRun } from '../../../../libs/platform/src/dev/supervised-process.js';

/** A process stand-in the test ends at will. */
class FakeRun implements ProcessRun {
  private static nextPid = 1000;
  readonly pid = (FakeRun.nextPid += 1);
  stopped = false;
  private end!: (how: string) => void;
  readonly exited = new Promise<string>((resolve) => (this.end = resolve));

  die(how: string): void {
    this.end(how);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.end('code 0');
  }
}

const fastBackoff = () => new RestartBackoff({ firstDelayMs: 100, maxDelayMs: 400, healthyAfterMs: 60_000 });
const until = async (condition: () => boolean) => {
  for (let i = 0; i < 200 && !condition(); i += 1) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(condition()).toBe(true);
};

describe('SupervisedProcess', () => {
  it('restarts a process that died, logging the exit and the return once each', async () => {
    const runs: FakeRun[] = [];
    const log: string[] = [];
    const supervised = new SupervisedProcess({
      name: 'the server',
      start: async () => runs[runs.push(new FakeRun()) - 1]!,
      log: (message) => log.push(message),
      backoff: fastBackoff(),
    });
    await supervised.start();
    runs[0]!.die('signal SIGKILL');
    await until(() => runs.length === 2 && supervised.pid === runs[1]!.pid);
    expect(log).toEqual(['the server exited (signal SIGKILL); restarting in 0.1 s', expect.stringMatching(/^the server is back after \d+(\.\d)? s$/)]);
    await supervised.stop();
    expect(runs[1]!.stopped).toBe(true);
  });

  it('keeps trying a start that fails, with a growing wait, and stops trying when stopped', async () => {
    let attempts = 0;
    const log: string[] = [];
    const first = new FakeRun();
    const supervised = new SupervisedProcess({
      name: 'the server',
      start: async () => {
        attempts += 1;
        if (attempts === 1) return first;
        throw new Error('port in use');
      },
      log: (message) => log.push(message),
      backoff: new RestartBackoff({ firstDelayMs: 10, maxDelayMs: 40, healthyAfterMs: 60_000 }),
    });
    await supervised.start();
    first.die('code 1');
    await until(() => attempts >= 4);
    await supervised.stop();
    const stoppedAt = attempts;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(attempts).toBe(stoppedAt);
    expect(log.slice(0, 3)).toEqual([
      expect.stringMatching(/^the server exited \(code 1\); restarting in [\d.]+ s$/),
      expect.stringMatching(/^the server did not start again \(port in use\); retrying in [\d.]+ s$/),
      expect.stringMatching(/^the server did not start again \(port in use\); retrying in [\d.]+ s$/),
    ]);
  });

  it('hands an exit to onGiveUp when it may not restart, and starts nothing', async () => {
    const run = new FakeRun();
    let starts = 0;
    const gaveUp: string[] = [];
    const supervised = new SupervisedProcess({
      name: 'the worker',
      start: async () => {
        starts += 1;
        return run;
      },
      log: () => undefined,
      mayRestart: () => false,
      onGiveUp: (how) => gaveUp.push(how),
    });
    await supervised.start();
    run.die('code 1');
    await until(() => gaveUp.length === 1);
    expect(gaveUp).toEqual(['code 1']);
    expect(starts).toBe(1);
  });

  it('stops a process whose start was still in flight', async () => {
    const run = new FakeRun();
    let finishStart!: () => void;
    const supervised = new SupervisedProcess({
      name: 'the server',
      start: () => new Promise<ProcessRun>((resolve) => (finishStart = () => resolve(run))),
      log: () => undefined,
    });
    const starting = supervised.start();
    const stopping = supervised.stop();
    finishStart();
    await expect(starting).rejects.toThrow('the server was stopped while starting');
    await stopping;
    expect(run.stopped).toBe(true);
  });
});
