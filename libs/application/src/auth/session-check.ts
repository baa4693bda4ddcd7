import { Inject, Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Role } from '../../../domain/src/roles.js';
import { CaseFile } from '../../../persistence/src/case-file.js';
import type { SessionStanding } from '../../../persistence/src/repositories/session.repository.js';
import { APP_CONFIG, type AppConfig } from '../../../platform/src/config.js';
import type { Caller } from '../caller.js';
import { SessionEndedError } from './session-ended-error.js';
import { sessionProblem } from './session-verdict.js';

/** What a verified access token claims (the signature, expiry, issuer and audience are checked before). */
export interface AccessTokenClaims {
  sub: string;
  org: string;
  role: Role;
  sid: string;
}

/** The caller a request acts for, and the session it rests on. */
export interface SessionCaller {
  caller: Caller;
  sessionId: string;
  /** When the session ends at the latest (SESSION_TTL_SECONDS after sign-in). */
  expiresAt: Date;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** A browser session is recorded as used at most this often, so idle sessions end without a write per request. */
const TOUCH_EVERY_MS = 60_000;

export const sha256 = (secret: string): string => createHash('sha256').update(secret).digest('hex');

/**
 * Judges every request's session against the database: revoked, expired or idle sessions, deactivated
 * users and changed roles are refused. What was read is trusted for SESSION_CHECK_CACHE_MS (≤ 5 s), so
 * a revocation on another API instance takes effect within that time; on this instance at once.
 */
@Injectable()
export class SessionCheck {
  private readonly cache: LRUCache<string, { standing: SessionStanding | null }> | undefined;

  constructor(
    @Inject(CaseFile) private readonly caseFile: CaseFile,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.cache =
      config.SESSION_CHECK_CACHE_MS > 0
        ? new LRUCache({
            max: 10_000,
            ttl: config.SESSION_CHECK_CACHE_MS,
            fetchMethod: async (sessionId) => ({ standing: await this.caseFile.read.sessions.standing(sessionId) }),
          })
        : undefined;
  }

  /** The caller of a bearer access token, if its session still stands. */
  async bearer(claims: AccessTokenClaims): Promise<SessionCaller> {
    if (typeof claims.sid !== 'string' || !UUID.test(claims.sid)) throw new SessionEndedError('the access token names no session');
    const standing = await this.standing(claims.sid);
    this.judge(standing, undefined);
    if (standing!.kind !== 'bearer' || standing!.userId !== claims.sub || standing!.grantedRole !== claims.role || standing!.organisationId !== claims.org) {
      throw new SessionEndedError('the access token does not match its session');
    }
    return this.callerOf(standing!);
  }

  /** The caller of a browser's session cookie (`<session id>.<secret>`), if the session still stands. */
  async browser(cookieValue: string): Promise<SessionCaller> {
    const [sessionId, secret, ...rest] = cookieValue.split('.');
    if (!sessionId || !secret || rest.length > 0 || !UUID.test(sessionId)) throw new SessionEndedError('the session cookie is malformed');
    const standing = await this.standing(sessionId);
    if (standing?.kind !== 'browser' || !standing.secretHash || !timingSafeEqual(Buffer.from(sha256(secret)), Buffer.from(standing.secretHash))) {
      throw new SessionEndedError('the session does not exist');
    }
    this.judge(standing, this.config.SESSION_IDLE_SECONDS);
    const now = Date.now();
    if (now - standing.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
      await this.caseFile.read.sessions.touch(sessionId);
      standing.lastUsedAt = new Date(now);
    }
    return this.callerOf(standing);
  }

  /** Drops what this instance knows of these sessions, so their revocation counts from the next request. */
  forget(sessionIds: readonly string[]): void {
    for (const id of sessionIds) this.cache?.delete(id);
  }

  /** Drops what this instance knows of every session of this user, so a deactivation or a role change counts from the next request. */
  forgetUser(userId: string): void {
    if (!this.cache) return;
    const sessionIds = [...this.cache.entries()].filter(([, entry]) => entry.standing?.userId === userId).map(([sessionId]) => sessionId);
    this.forget(sessionIds);
  }

  private async standing(sessionId: string): Promise<SessionStanding | null> {
    if (!this.cache) return this.caseFile.read.sessions.standing(sessionId);
    const entry = await this.cache.fetch(sessionId);
    return entry?.standing ?? null;
  }

  private judge(standing: SessionStanding | null, idleSeconds: number | undefined): asserts standing is SessionStanding {
    const problem = sessionProblem(standing, new Date(), idleSeconds);
    if (problem) throw new SessionEndedError(problem);
  }

  private callerOf(standing: SessionStanding): SessionCaller {
    return {
      caller: { id: standing.userId, organisationId: standing.organisationId, role: standing.grantedRole },
      sessionId: standing.sessionId,
      expiresAt: standing.expiresAt,
    };
  }
}
