import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** `renewed-invitation` and `password-reset` are links an admin sent again (`POST /api/users/:id/invitation`). */
export type PasswordLinkPurpose = 'invitation' | 'first-admin' | 'renewed-invitation' | 'password-reset';

/** A one-time link to set a password; only its token's SHA-256 is kept. */
@Entity({ name: 'password_links' })
export class PasswordLink {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'user_id' }) userId!: string;
  @Column('text', { name: 'token_hash' }) tokenHash!: string;
  @Column('text') purpose!: PasswordLinkPurpose;
  /** The admin's user id, or `command-line` for the first admin. */
  @Column('text', { name: 'created_by' }) createdBy!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column('timestamptz', { name: 'expires_at' }) expiresAt!: Date;
  @Column('timestamptz', { name: 'used_at', nullable: true }) usedAt!: Date | null;
}
