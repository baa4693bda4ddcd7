import { In, type EntityManager } from 'typeorm';
import type { SsoGroupRole } from '../../../domain/src/users/sso-group-roles.js';
import { SsoGroupRoleRow } from '../entities/sso-group-role.entity.js';

/** Each organisation's mapping from its identity provider's groups to roles. */
export class SsoGroupRoleRepository {
  constructor(private readonly manager: EntityManager) {}

  async ofOrganisation(organisationId: string): Promise<SsoGroupRole[]> {
    const rows = await this.manager.find(SsoGroupRoleRow, { where: { organisationId }, order: { group: 'ASC' } });
    return rows.map(({ organisationId: id, group, role }) => ({ organisationId: id, group, role }));
  }

  /** Every organisation's lines that name one of these groups: what a sign-in with them can match. */
  async naming(groups: readonly string[]): Promise<SsoGroupRole[]> {
    if (groups.length === 0) return [];
    const rows = await this.manager.find(SsoGroupRoleRow, { where: { group: In([...new Set(groups)]) } });
    return rows.map(({ organisationId, group, role }) => ({ organisationId, group, role }));
  }

  /** The organisation's mapping becomes exactly these lines. */
  async replace(organisationId: string, lines: ReadonlyArray<Omit<SsoGroupRole, 'organisationId'>>): Promise<void> {
    await this.manager.delete(SsoGroupRoleRow, { organisationId });
    if (lines.length > 0) await this.manager.insert(SsoGroupRoleRow, lines.map((line) => ({ organisationId, ...line })));
  }
}
