import { Semaphore } from 'async-mutex';

/** Thrown when every hashing slot is busy and the waiting line is full: the caller answers 503 at once. */
export class HashingBusyError extends Error {
  constructor() {
    super('too many sign-ins at once: retry in a moment');
    this.name = 'HashingBusyError';
  }
}

/**
 * Bounds how many password hashes run at once. One scrypt at N=2^17, r=8 takes 128 MiB, so a flood
 * of sign-ins (right or wrong) would otherwise take memory and every libuv thread; here at most
 * `maxConcurrent` run and at most `maxWaiting` wait, and any more are refused without hashing.
 */
export class PasswordHashingGate {
  private readonly slots: Semaphore;
  private running = 0;
  private queued = 0;
  private highest = 0;

  constructor(
    readonly maxConcurrent: number,
    readonly maxWaiting: number,
  ) {
    this.slots = new Semaphore(maxConcurrent);
  }

  async run<T>(hash: () => Promise<T>): Promise<T> {
    if (this.running >= this.maxConcurrent && this.queued >= this.maxWaiting) throw new HashingBusyError();
    this.queued += 1;
    const [, release] = await this.slots.acquire().finally(() => {
      this.queued -= 1;
    });
    this.running += 1;
    this.highest = Math.max(this.highest, this.running);
    try {
      return await hash();
    } finally {
      this.running -= 1;
      release();
    }
  }

  /** Hashes running now, waiting now, and the most that ever ran at once (for tests and metrics). */
  get stats(): { running: number; waiting: number; peakRunning: number } {
    return { running: this.running, waiting: this.queued, peakRunning: this.highest };
  }
}
