import { IsNull, type EntityManager } from 'typeorm';
import type { Role } from '../../../domain/src/roles.js';
import { RefreshToken } from '../entities/refresh-token.entity.js';
import { Session, type SessionKind } from '../entities/session.entity.js';

/** A session as every request judges it: the session row beside what its user is now. */
export interface SessionStanding {
  sessionId: string;
  userId: string;
  organisationId: string;
  kind: SessionKind;
  /** The role the session was granted at sign-in. */
  grantedRole: Role;
  secretHash: string | null;
  lastUsedAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  userActive: boolean;
  /** The user's role now. */
  userRole: Role;
  userOrganisationId: string;
}

interface StandingRow {
  id: string;
  user_id: string;
  organisation_id: string;
  kind: SessionKind;
  role: Role;
  secret_hash: string | null;
  last_used_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
  user_active: boolean;
  user_role: Role;
  user_organisation_id: string;
}

/** Sign-in sessions and the refresh tokens of bearer sessions (hashes only). */
export class SessionRepository {
  constructor(private readonly manager: EntityManager) {}

  async open(session: Pick<Session, 'id' | 'userId' | 'organisationId' | 'role' | 'kind' | 'secretHash' | 'expiresAt'>): Promise<void> {
    const now = new Date();
    await this.manager.insert(Session, { ...session, createdAt: now, lastUsedAt: now, revokedAt: null, revokedReason: null });
  }

  async standing(sessionId: string): Promise<SessionStanding | null> {
    const rows: StandingRow[] = await this.manager.query(
      `SELECT s.id, s.user_id, s.organisation_id, s.kind, s.role, s.secret_hash, s.last_used_at, s.expires_at, s.revoked_at,
              u.active AS user_active, u.role AS user_role, u.organisation_id AS user_organisation_id
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.id = $1`,
      [sessionId],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      sessionId: row.id,
      userId: row.user_id,
      organisationId: row.organisation_id,
      kind: row.kind,
      grantedRole: row.role,
      secretHash: row.secret_hash,
      lastUsedAt: new Date(row.last_used_at),
      expiresAt: new Date(row.expires_at),
      revokedAt: row.revoked_at ? new Date(row.revoked_at) : null,
      userActive: row.user_active,
      userRole: row.user_role,
      userOrganisationId: row.user_organisation_id,
    };
  }

  /** Records that the session was used now, so it does not idle out. */
  async touch(sessionId: string): Promise<void> {
    await this.manager.update(Session, { id: sessionId, revokedAt: IsNull() }, { lastUsedAt: new Date() });
  }

  /** Ends one session; false when it had already ended. */
  async revoke(sessionId: string, reason: string): Promise<boolean> {
    const result = await this.manager.update(Session, { id: sessionId, revokedAt: IsNull() }, { revokedAt: new Date(), revokedReason: reason });
    return (result.affected ?? 0) > 0;
  }

  /** Ends every open session of the user; the ids of those it ended. */
  async revokeAllOfUser(userId: string, reason: string): Promise<string[]> {
    const result = await this.manager
      .createQueryBuilder()
      .update(Session)
      .set({ revokedAt: new Date(), revokedReason: reason })
      .where('user_id = :userId AND revoked_at IS NULL', { userId })
      .returning('id')
      .execute();
    return (result.raw as Array<{ id: string }>).map((row) => row.id);
  }

  async issueRefreshToken(sessionId: string, tokenHash: string): Promise<void> {
    await this.manager.insert(RefreshToken, { tokenHash, sessionId, issuedAt: new Date(), usedAt: null });
  }

  /** The refresh token with this hash, locked until the transaction ends, so two exchanges of one token are told apart. */
  refreshTokenForUpdate(tokenHash: string): Promise<RefreshToken | null> {
    return this.manager.getRepository(RefreshToken).createQueryBuilder('t').setLock('pessimistic_write').where('t.token_hash = :tokenHash', { tokenHash }).getOne();
  }

  async markRefreshTokenUsed(tokenHash: string): Promise<void> {
    await this.manager.update(RefreshToken, { tokenHash }, { usedAt: new Date() });
  }
}
