import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Role } from '../../../domain/src/roles.js';

/** One line of an organisation's single sign-on mapping: members of the provider's group get the role. */
@Entity({ name: 'sso_group_roles' })
export class SsoGroupRoleRow {
  @PrimaryColumn('uuid', { name: 'organisation_id' }) organisationId!: string;
  @PrimaryColumn('text', { name: 'group_name' }) group!: string;
  @Column('text') role!: Role;
}
