interface Seen {
  loggedAt: number;
  dropped: number;
}

/** Digits vary between otherwise identical warnings ("retried 7 times", a port, a count). */
export const repeatKey = (level: string, message: string) => `${level} ${message.replace(/\d+/g, '#')}`;

/**
 * While Temporal is down, the SDK warns for every retried poll, several times a second. The
 * first of a kind is logged; the same again within the window is dropped and counted, and the
 * next one logged after the window says how many were dropped. An outage is then a line a
 * minute, not thousands.
 */
export class RepeatedLogThrottle {
  private readonly seen = new Map<string, Seen>();

  constructor(
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Undefined: drop this one. Otherwise log it, with how many like it were dropped before. */
  admit(key: string): { dropped: number } | undefined {
    const now = this.now();
    const seen = this.seen.get(key);
    if (seen && now - seen.loggedAt < this.windowMs) {
      seen.dropped += 1;
      return undefined;
    }
    if (!seen && this.seen.size >= 1_000) this.forgetQuietKinds(now);
    this.seen.set(key, { loggedAt: now, dropped: 0 });
    return { dropped: seen?.dropped ?? 0 };
  }

  private forgetQuietKinds(now: number): void {
    for (const [key, seen] of this.seen) if (now - seen.loggedAt >= this.windowMs) this.seen.delete(key);
  }
}
