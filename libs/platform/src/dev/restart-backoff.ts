export interface RestartBackoffPolicy {
  firstDelayMs: number;
  maxDelayMs: number;
  /** A process that ran this long before it exited was healthy: its next restart is quick again. */
  healthyAfterMs: number;
}

export const DEFAULT_RESTART_BACKOFF: RestartBackoffPolicy = { firstDelayMs: 1_000, maxDelayMs: 30_000, healthyAfterMs: 60_000 };

/**
 * How long to wait before restarting a process that exited: doubling with every failure in a
 * row, so a server that cannot start does not spin the machine, bounded so it comes back soon
 * once the cause is gone.
 */
export class RestartBackoff {
  private nextDelayMs: number;

  constructor(private readonly policy: RestartBackoffPolicy = DEFAULT_RESTART_BACKOFF) {
    this.nextDelayMs = policy.firstDelayMs;
  }

  /** The wait before the next start of a process that ran for `uptimeMs` (0: it did not start). */
  delayAfter(uptimeMs: number): number {
    if (uptimeMs >= this.policy.healthyAfterMs) this.nextDelayMs = this.policy.firstDelayMs;
    const delay = this.nextDelayMs;
    this.nextDelayMs = Math.min(delay * 2, this.policy.maxDelayMs);
    return delay;
  }
}
