import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { Role } from '../../../domain/src/roles.js';

@Entity({ name: 'users' })
export class User {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'organisation_id' }) organisationId!: string;
  @Column('text') email!: string;
  @Column('text', { name: 'display_name' }) displayName!: string;
  @Column('text') role!: Role;
  /** Null until the person sets a password through their one-time link. */
  @Column('text', { name: 'password_hash', nullable: true }) passwordHash!: string | null;
  /** A deactivated user cannot sign in, and every request on a session they hold is refused. */
  @Column('boolean', { default: true }) active!: boolean;
  /** The identity at the single sign-on provider this account is bound to (its issuer and `sub`), from the first SSO sign-in on. */
  @Column('text', { name: 'oidc_issuer', nullable: true }) oidcIssuer!: string | null;
  @Column('text', { name: 'oidc_subject', nullable: true }) oidcSubject!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
