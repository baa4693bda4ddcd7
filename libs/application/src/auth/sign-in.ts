import { Inject, Injectable } from '@nestjs/common';
import { createHmac } from 'node:crypto';
import { CaseFile } from '../../../persistence/src/case-file.js';
import type { User } from '../../../persistence/src/entities/user.entity.js';
import { APP_CONFIG, type AppConfig } from '../../../platform/src/config.js';
import { verifyPassword } from '../../../platform/src/password-hasher.js';
import { PasswordHashingGate } from '../../../platform/src/password-hashing-gate.js';
import type { Caller } from '../caller.js';
import { SignInThrottle, SignInThrottledError, type SignInAttempt } from './sign-in-throttle.js';
import { Sessions, type BearerTokens, type BrowserSessionStart } from './sessions.js';

// Verifying against a real hash for unknown e-mails keeps the response time from revealing who has an account.
const DUMMY_HASH = 'scrypt$131072$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

/** Thrown for a wrong e-mail or password (or a deactivated account), alike, so the answer reveals nothing about who has an account. */
export class WrongCredentialsError extends Error {
  constructor() {
    super('e-mail or password is wrong');
    this.name = 'WrongCredentialsError';
  }
}

/** Why a sign-in failed, as the audit trail records it (the answer to the client never says). */
type FailureReason = 'wrong-password' | 'unknown-account' | 'deactivated-account';

/**
 * Exchanges e-mail and password for a session: throttled per account and per client address,
 * hashed through the bounded PasswordHashingGate, and every failure audited (by user id, or by a
 * keyed fingerprint of the e-mail for an unknown account; never the password nor the e-mail).
 */
@Injectable()
export class SignIn {
  constructor(
    @Inject(CaseFile) private readonly caseFile: CaseFile,
    @Inject(SignInThrottle) private readonly throttle: SignInThrottle,
    @Inject(PasswordHashingGate) private readonly hashing: PasswordHashingGate,
    @Inject(Sessions) private readonly sessions: Sessions,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** An API client's sign-in: a 15-minute access token and a refresh token. */
  async execute(email: string, password: string, clientAddress: string): Promise<BearerTokens> {
    const user = await this.authenticate(email, password, clientAddress);
    return this.caseFile.transaction((repositories) => this.sessions.startBearer(repositories, user, clientAddress));
  }

  /** A browser's sign-in: a server session the cookie names. */
  async session(email: string, password: string, clientAddress: string): Promise<BrowserSessionStart & { user: Caller }> {
    const user = await this.authenticate(email, password, clientAddress);
    const started = await this.caseFile.transaction((repositories) => this.sessions.startBrowser(repositories, user, clientAddress));
    return { ...started, user };
  }

  private async authenticate(email: string, password: string, clientAddress: string): Promise<Caller> {
    let attempt: SignInAttempt;
    try {
      attempt = await this.throttle.begin(email, clientAddress);
    } catch (error) {
      if (error instanceof SignInThrottledError && error.closedNow) await this.auditThrottled(error, email, clientAddress);
      throw error;
    }
    let user: User | null;
    let valid: boolean;
    try {
      user = await this.caseFile.read.organisations.userByEmail(email);
      valid = await this.hashing.run(() => verifyPassword(password, user?.passwordHash ?? DUMMY_HASH));
    } catch (error) {
      await this.throttle.abandoned(attempt);
      throw error;
    }
    if (user && valid && user.active) {
      await this.throttle.succeeded(attempt);
      return { id: user.id, organisationId: user.organisationId, role: user.role };
    }
    const reason: FailureReason = !user ? 'unknown-account' : !valid ? 'wrong-password' : 'deactivated-account';
    await this.caseFile.read.audit.append({
      organisationId: user?.organisationId ?? null,
      actor: 'anonymous',
      action: 'auth.sign-in-failed',
      detail: { reason, ...(user && { userId: user.id }), accountFingerprint: this.fingerprint(email), clientAddress },
    });
    throw new WrongCredentialsError();
  }

  private async auditThrottled(error: SignInThrottledError, email: string, clientAddress: string): Promise<void> {
    const user = error.scope === 'account' ? await this.caseFile.read.organisations.userByEmail(email) : null;
    await this.caseFile.read.audit.append({
      organisationId: user?.organisationId ?? null,
      actor: 'anonymous',
      action: 'auth.sign-in-throttled',
      detail: {
        scope: error.scope,
        ...(error.scope === 'account' && { accountFingerprint: this.fingerprint(email), ...(user && { userId: user.id }) }),
        clientAddress,
        retryAfterSeconds: error.retryAfterSeconds,
      },
    });
  }

  /** The same e-mail gives the same fingerprint, so attempts on one unknown account can be told apart from a spray, without storing the address. */
  private fingerprint(email: string): string {
    return createHmac('sha256', this.config.JWT_SECRET).update(`sign-in-account:${email.trim().toLowerCase()}`).digest('hex').slice(0, 32);
  }
}
