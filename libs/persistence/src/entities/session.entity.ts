import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Role } from '../../../domain/src/roles.js';

/** How a session is carried: a browser's httpOnly cookie, or an API client's bearer and refresh tokens. */
export type SessionKind = 'browser' | 'bearer';

/** One sign-in, until it expires, idles out or is revoked; the role it was granted must still be the user's. */
@Entity({ name: 'sessions' })
export class Session {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'user_id' }) userId!: string;
  @Column('uuid', { name: 'organisation_id' }) organisationId!: string;
  @Column('text') role!: Role;
  @Column('text') kind!: SessionKind;
  /** SHA-256 of the browser cookie's secret; null for bearer sessions (their refresh tokens are in refresh_tokens). */
  @Column('text', { name: 'secret_hash', nullable: true }) secretHash!: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'last_used_at' }) lastUsedAt!: Date;
  @Column('timestamptz', { name: 'expires_at' }) expiresAt!: Date;
  @Column('timestamptz', { name: 'revoked_at', nullable: true }) revokedAt!: Date | null;
  @Column('text', { name: 'revoked_reason', nullable: true }) revokedReason!: string | null;
}
