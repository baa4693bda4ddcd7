import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { APP_CONFIG, type AppConfig } from '../../../platform/src/config.js';

/** Sign-in is refused for a while: too many wrong passwords for the account, or from the client's address. */
export class SignInThrottledError extends Error {
  constructor(
    readonly scope: 'account' | 'address',
    readonly retryAfterSeconds: number,
    /** This refusal is the one that closed the throttle (audited once per block, not per refused request). */
    readonly closedNow: boolean,
  ) {
    super(
      scope === 'account'
        ? `too many failed sign-ins for this account: try again in ${retryAfterSeconds} s`
        : `too many failed sign-ins from your address: try again in ${retryAfterSeconds} s`,
    );
    this.name = 'SignInThrottledError';
  }
}

/** What an attempt holds until it is settled: the account's key and the client's address. */
export interface SignInAttempt {
  accountKey: string;
  address: string;
}

/**
 * Counts sign-in attempts per account and per client address, and refuses them past the limits.
 * An attempt takes one point of each before its password is hashed (so a burst of parallel guesses
 * is counted as it arrives); a successful one gives its points back and clears the account's count,
 * so only failures add up and people who sign in correctly are never throttled. Past a limit, sign-in
 * is refused for the window (SIGN_IN_THROTTLE_WINDOW_SECONDS), right password or not, without hashing.
 *
 * rate-limiter-flexible rather than @nestjs/throttler: the latter counts every request before the
 * handler runs, and cannot count failures only nor give a point back after a successful sign-in.
 * The counters live in this process (one API instance; see docs/security.md).
 */
@Injectable()
export class SignInThrottle {
  private readonly perAccount: RateLimiterMemory;
  private readonly perAddress: RateLimiterMemory;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const window = config.SIGN_IN_THROTTLE_WINDOW_SECONDS;
    this.perAccount = new RateLimiterMemory({ keyPrefix: 'sign-in-account', points: config.SIGN_IN_FAILURES_PER_ACCOUNT, duration: window, blockDuration: window });
    this.perAddress = new RateLimiterMemory({ keyPrefix: 'sign-in-address', points: config.SIGN_IN_FAILURES_PER_ADDRESS, duration: window, blockDuration: window });
  }

  /** The key an account is counted under: a hash of the normalised e-mail, so the address itself is not kept. */
  static accountKey(email: string): string {
    return createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
  }

  /** Takes the attempt's points, or throws SignInThrottledError with the seconds to wait. */
  async begin(email: string, address: string): Promise<SignInAttempt> {
    const accountKey = SignInThrottle.accountKey(email);
    try {
      await this.perAddress.consume(address);
    } catch (refusal) {
      throw this.throttled('address', refusal, this.perAddress);
    }
    try {
      await this.perAccount.consume(accountKey);
    } catch (refusal) {
      await this.perAddress.reward(address);
      throw this.throttled('account', refusal, this.perAccount);
    }
    return { accountKey, address };
  }

  /** The attempt signed in: its points are given back and the account's failures forgotten. */
  async succeeded(attempt: SignInAttempt): Promise<void> {
    await this.perAddress.reward(attempt.address);
    await this.perAccount.delete(attempt.accountKey);
  }

  /** The attempt never reached a verdict (the hashing line was full, the database did not answer): nothing counts. */
  async abandoned(attempt: SignInAttempt): Promise<void> {
    await this.perAddress.reward(attempt.address);
    await this.perAccount.reward(attempt.accountKey);
  }

  private throttled(scope: 'account' | 'address', refusal: unknown, limiter: RateLimiterMemory): Error {
    if (!(refusal instanceof RateLimiterRes)) return refusal instanceof Error ? refusal : new Error(String(refusal));
    // The first refused attempt is the one that closed the throttle: each later one adds a point past it.
    return new SignInThrottledError(scope, Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)), refusal.consumedPoints === limiter.points + 1);
  }
}
