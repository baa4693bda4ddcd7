import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A refresh token a bearer session was given, by its SHA-256; used once, then replaced. */
@Entity({ name: 'refresh_tokens' })
export class RefreshToken {
  @PrimaryColumn('text', { name: 'token_hash' }) tokenHash!: string;
  @Column('uuid', { name: 'session_id' }) sessionId!: string;
  @Column('timestamptz', { name: 'issued_at' }) issuedAt!: Date;
  @Column('timestamptz', { name: 'used_at', nullable: true }) usedAt!: Date | null;
}
