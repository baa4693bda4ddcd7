import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { Role } from '../../../domain/src/roles.js';

@Entity({ name: 'users' })
export class User {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'organisation_id' }) organisationId!: string;
  @Column('text') email!: string;
  @Column('text', { name: 'display_name' }) displayName!: string;
  @Column('text') role!: Role;
  @Column('text', { name: 'password_hash' }) passwordHash!: string;
  /** A deactivated user cannot sign in, and every request on a session they hold is refused. */
  @Column('boolean', { default: true }) active!: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
