import { RestartBackoff } from './restart-backoff.js';

/** One run of a supervised process, as its starter hands it over once the process is ready. */
export interface ProcessRun {
  pid: number;
  /** Resolves when the process has exited, with how (`code 1`, `signal SIGKILL`). */
  exited: Promise<string>;
  /** Stops it, escalating to SIGKILL; resolves once it is gone. */
  stop(): Promise<void>;
}

export interface SupervisedProcessOptions {
  /** As the log calls it: "the Temporal dev server". */
  name: string;
  start(): Promise<ProcessRun>;
  log(message: string): void;
  backoff?: RestartBackoff;
  /**
   * Asked when the process exits on its own. False hands the exit to `onGiveUp` instead (a
   * process that dies before the stack ever ran is a configuration error, not bad luck).
   */
  mayRestart?(): boolean;
  onGiveUp?(how: string): void;
  /** Called when a restart has succeeded. */
  onBack?(): void;
}

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

/**
 * Keeps a process running: when it exits, it is started again after a bounded backoff. Each
 * event (the exit, a failed restart, the return) is logged once, never while waiting.
 */
export class SupervisedProcess {
  private run: ProcessRun | undefined;
  private starting: Promise<ProcessRun> | undefined;
  private stopping = false;
  private endWait: ((restart: boolean) => void) | undefined;
  private readonly backoff: RestartBackoff;

  constructor(private readonly options: SupervisedProcessOptions) {
    this.backoff = options.backoff ?? new RestartBackoff();
  }

  get name(): string {
    return this.options.name;
  }

  /** The pid of the current run, undefined while it is down. */
  get pid(): number | undefined {
    return this.run?.pid;
  }

  /** The first start: its failure is the caller's (nothing is retried before the stack ran). */
  async start(): Promise<void> {
    const run = await this.startOnce();
    if (this.stopping) throw new Error(`${this.name} was stopped while starting`);
    this.watch(run);
  }

  /** Cuts a restart's backoff short, e.g. when what it needed has come back. */
  wakeUp(): void {
    this.endWait?.(true);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.endWait?.(false);
    // A start in flight would otherwise leave its process behind.
    const starting = await this.starting?.catch(() => undefined);
    await Promise.all([starting?.stop(), this.run?.stop()]);
  }

  private async startOnce(): Promise<ProcessRun> {
    this.starting = this.options.start();
    try {
      return await this.starting;
    } finally {
      this.starting = undefined;
    }
  }

  private watch(run: ProcessRun): void {
    this.run = run;
    const startedAt = Date.now();
    void run.exited.then((how) => {
      if (this.run === run) this.run = undefined;
      if (this.stopping) return;
      if (this.options.mayRestart && !this.options.mayRestart()) {
        this.options.log(`${this.name} exited (${how})`);
        this.options.onGiveUp?.(how);
        return;
      }
      const exitedAt = Date.now();
      const delay = this.backoff.delayAfter(exitedAt - startedAt);
      this.options.log(`${this.name} exited (${how}); restarting in ${seconds(delay)}`);
      void this.restart(delay, exitedAt);
    });
  }

  private async restart(delay: number, downSince: number): Promise<void> {
    for (;;) {
      if (!(await this.wait(delay))) return;
      try {
        const run = await this.startOnce();
        // stop() has stopped it already.
        if (this.stopping) return;
        this.options.log(`${this.name} is back after ${seconds(Date.now() - downSince)}`);
        this.watch(run);
        this.options.onBack?.();
        return;
      } catch (error) {
        if (this.stopping) return;
        delay = this.backoff.delayAfter(0);
        this.options.log(`${this.name} did not start again (${(error as Error).message.split('\n')[0]}); retrying in ${seconds(delay)}`);
      }
    }
  }

  /** Resolves true when it is time to start again, false when the supervisor stopped meanwhile. */
  private wait(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const end = (restart: boolean) => {
        clearTimeout(timer);
        this.endWait = undefined;
        resolve(restart && !this.stopping);
      };
      const timer = setTimeout(() => end(true), ms);
      this.endWait = end;
    });
  }
}
