import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { randomBytes, randomUUID } from 'node:crypto';
import { CaseFile, type Repositories } from '../../../persistence/src/case-file.js';
import type { SessionKind } from '../../../persistence/src/entities/session.entity.js';
import { APP_CONFIG, type AppConfig } from '../../../platform/src/config.js';
import type { Caller } from '../caller.js';
import { SessionCheck, sha256 } from './session-check.js';
import { SessionEndedError } from './session-ended-error.js';
import { sessionProblem } from './session-verdict.js';

/** What an API client gets at sign-in and at each refresh. */
export interface BearerTokens {
  accessToken: string;
  tokenType: 'Bearer';
  /** Seconds the access token is good for (at most 900). */
  expiresIn: number;
  /** Exchange it once at POST /api/auth/refresh for new tokens; a second use ends the session. */
  refreshToken: string;
  /** When the session ends however often it is refreshed. */
  sessionExpiresAt: string;
  role: Caller['role'];
}

/** What the browser gets at sign-in: the cookie's value and when the session ends at the latest. */
export interface BrowserSessionStart {
  cookieValue: string;
  sessionId: string;
  expiresAt: Date;
}

const newSecret = (): string => randomBytes(32).toString('base64url');

/**
 * Sessions the server can end. An API client's session is a refresh token family: each refresh token
 * is exchanged once for a short-lived access token and the next refresh token; one exchanged twice
 * means it was copied, and the whole family is revoked. A browser's session is a random secret in its
 * cookie, checked on every request. Both end on sign-out, on "sign out everywhere", at
 * SESSION_TTL_SECONDS, after SESSION_IDLE_SECONDS unused, and when the user is deactivated or their role changes.
 */
@Injectable()
export class Sessions {
  constructor(
    @Inject(CaseFile) private readonly caseFile: CaseFile,
    @Inject(JwtService) private readonly jwt: JwtService,
    @Inject(SessionCheck) private readonly check: SessionCheck,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Opens a bearer session for a user who just proved their password (inside the sign-in's transaction). */
  async startBearer(repositories: Repositories, user: Caller, clientAddress: string): Promise<BearerTokens> {
    const sessionId = await this.open(repositories, user, 'bearer', null, clientAddress);
    const refreshToken = newSecret();
    await repositories.sessions.issueRefreshToken(sessionId, sha256(refreshToken));
    return this.tokens(user, sessionId, refreshToken, this.sessionEnd());
  }

  /** Opens a browser session for a user who just proved who they are: by password, or at the single sign-on provider (inside the sign-in's transaction). */
  async startBrowser(repositories: Repositories, user: Caller, clientAddress: string, method: 'password' | 'sso' = 'password'): Promise<BrowserSessionStart> {
    const secret = newSecret();
    const sessionId = await this.open(repositories, user, 'browser', sha256(secret), clientAddress, method);
    return { cookieValue: `${sessionId}.${secret}`, sessionId, expiresAt: this.sessionEnd() };
  }

  /**
   * Exchanges a refresh token for new tokens. A token already exchanged revokes its session (its
   * family): either the client or a thief holds a copy, and the server cannot tell which.
   */
  async refresh(refreshToken: string, clientAddress: string): Promise<BearerTokens> {
    type Outcome = { refused: string; revoked?: string } | { user: Caller; sessionId: string; refreshToken: string; sessionExpiresAt: Date };
    const outcome = await this.caseFile.transaction(async (repositories): Promise<Outcome> => {
      const token = await repositories.sessions.refreshTokenForUpdate(sha256(refreshToken));
      if (!token) return { refused: 'the refresh token is not known' };
      const standing = await repositories.sessions.standing(token.sessionId);
      if (token.usedAt) {
        if (standing && !standing.revokedAt && (await repositories.sessions.revoke(token.sessionId, 'refresh-token-reused'))) {
          await repositories.audit.append({
            organisationId: standing.organisationId,
            actor: 'anonymous',
            action: 'auth.refresh-token-reused',
            detail: { userId: standing.userId, sessionId: token.sessionId, clientAddress },
          });
        }
        return { refused: 'the refresh token was already used, so every token of its session is revoked', revoked: token.sessionId };
      }
      const problem = sessionProblem(standing, new Date(), this.config.SESSION_IDLE_SECONDS);
      if (problem || !standing) return { refused: problem ?? 'the session does not exist' };
      const next = newSecret();
      await repositories.sessions.markRefreshTokenUsed(token.tokenHash);
      await repositories.sessions.issueRefreshToken(token.sessionId, sha256(next));
      await repositories.sessions.touch(token.sessionId);
      const user: Caller = { id: standing.userId, organisationId: standing.organisationId, role: standing.grantedRole };
      return { user, sessionId: token.sessionId, refreshToken: next, sessionExpiresAt: standing.expiresAt };
    });
    if ('refused' in outcome) {
      if (outcome.revoked) this.check.forget([outcome.revoked]);
      throw new SessionEndedError(outcome.refused);
    }
    return this.tokens(outcome.user, outcome.sessionId, outcome.refreshToken, outcome.sessionExpiresAt);
  }

  /** Ends the caller's session (this browser, or this API client's refresh token family). */
  async signOut(caller: Caller, sessionId: string): Promise<void> {
    await this.caseFile.transaction(async (repositories) => {
      if (await repositories.sessions.revoke(sessionId, 'signed-out')) {
        await repositories.audit.append({ organisationId: caller.organisationId, actor: caller.id, action: 'auth.signed-out', detail: { sessionId } });
      }
    });
    this.check.forget([sessionId]);
  }

  /** Ends every session the caller's user holds, on every device and API client; the number ended. */
  async signOutEverywhere(caller: Caller): Promise<number> {
    const ended = await this.caseFile.transaction(async (repositories) => {
      const sessionIds = await repositories.sessions.revokeAllOfUser(caller.id, 'signed-out-everywhere');
      await repositories.audit.append({ organisationId: caller.organisationId, actor: caller.id, action: 'auth.signed-out-everywhere', detail: { sessionIds } });
      return sessionIds;
    });
    this.check.forget(ended);
    return ended.length;
  }

  private async open(repositories: Repositories, user: Caller, kind: SessionKind, secretHash: string | null, clientAddress: string, method: 'password' | 'sso' = 'password'): Promise<string> {
    const sessionId = randomUUID();
    await repositories.sessions.open({ id: sessionId, userId: user.id, organisationId: user.organisationId, role: user.role, kind, secretHash, expiresAt: this.sessionEnd() });
    await repositories.audit.append({ organisationId: user.organisationId, actor: user.id, action: 'auth.signed-in', detail: { sessionId, kind, clientAddress, ...(method === 'sso' && { method }) } });
    return sessionId;
  }

  private sessionEnd(): Date {
    return new Date(Date.now() + this.config.SESSION_TTL_SECONDS * 1000);
  }

  private async tokens(user: Caller, sessionId: string, refreshToken: string, sessionExpiresAt: Date): Promise<BearerTokens> {
    // An access token never outlives its session.
    const expiresIn = Math.max(1, Math.min(this.config.JWT_TTL_SECONDS, Math.floor((sessionExpiresAt.getTime() - Date.now()) / 1000)));
    const accessToken = await this.jwt.signAsync({ sub: user.id, org: user.organisationId, role: user.role, sid: sessionId }, { expiresIn });
    return { accessToken, tokenType: 'Bearer', expiresIn, refreshToken, sessionExpiresAt: sessionExpiresAt.toISOString(), role: user.role };
  }
}
