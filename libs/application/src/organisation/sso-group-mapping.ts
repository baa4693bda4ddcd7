import { Inject, Injectable } from '@nestjs/common';
import { InvalidInputError } from '../../../domain/src/failures.js';
import type { Role } from '../../../domain/src/roles.js';
import { CaseFile } from '../../../persistence/src/case-file.js';
import type { Caller } from '../caller.js';

/** One line of the mapping as the API shows and takes it. */
export interface SsoGroupLine {
  group: string;
  role: Role;
}

/**
 * The organisation's mapping from its identity provider's groups to roles, which single sign-on
 * applies at every sign-in (libs/domain/src/users/sso-group-roles.ts). Its admins replace it as a
 * whole; each change is audited with the lines before and after (group names and roles, no people).
 */
@Injectable()
export class SsoGroupMapping {
  constructor(@Inject(CaseFile) private readonly caseFile: CaseFile) {}

  async get(caller: Caller): Promise<{ groups: SsoGroupLine[] }> {
    const lines = await this.caseFile.read.ssoGroupRoles.ofOrganisation(caller.organisationId);
    return { groups: lines.map(({ group, role }) => ({ group, role })) };
  }

  async replace(caller: Caller, groups: readonly SsoGroupLine[]): Promise<{ groups: SsoGroupLine[] }> {
    const seen = new Set<string>();
    const duplicates = groups.flatMap((line, index) => (seen.has(line.group) ? [{ field: `groups[${index}].group`, message: `names the group ${JSON.stringify(line.group)} a second time: one role per group` }] : (seen.add(line.group), [])));
    if (duplicates.length > 0) throw new InvalidInputError(duplicates);
    await this.caseFile.transaction(async (repositories) => {
      const before = await repositories.ssoGroupRoles.ofOrganisation(caller.organisationId);
      await repositories.ssoGroupRoles.replace(caller.organisationId, groups);
      await repositories.audit.append({
        organisationId: caller.organisationId,
        actor: caller.id,
        action: 'organisation.sso-groups-changed',
        detail: { before: before.map(({ group, role }) => ({ group, role })), after: groups.map(({ group, role }) => ({ group, role })) },
      });
    });
    return this.get(caller);
  }
}
