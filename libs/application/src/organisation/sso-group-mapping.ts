import { Inject, Injectable } from '@nestjs/common';
import { InvalidInputError } from '../../../domain/src/failures.js';
import type { Role } from '../../../domain/src/roles.js';
import { CaseFile } from '../../../persistence/src/case-file.js';
import { COMMAND_LINE_ACTOR, organisationFor } from '../users/create-admin.js';
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

/**
 * One group's role set from the command line (`npm run admin -- map-sso-group`), for a deployment
 * with passwords off, where nobody could sign in to map the first admins' group: the other lines
 * stay, this group's role is set or replaced. Audited as the API's change is, by `command-line`.
 */
export async function mapSsoGroupFromCommandLine(caseFile: CaseFile, line: SsoGroupLine & { organisationName?: string }): Promise<{ organisationName: string; organisationCreated: boolean; groups: SsoGroupLine[] }> {
  return caseFile.transaction(async (repositories) => {
    const { organisation, created } = await organisationFor(repositories, line.organisationName);
    const before = (await repositories.ssoGroupRoles.ofOrganisation(organisation.id)).map(({ group, role }) => ({ group, role }));
    const after = [...before.filter((existing) => existing.group !== line.group), { group: line.group, role: line.role }];
    await repositories.ssoGroupRoles.replace(organisation.id, after);
    await repositories.audit.append({ organisationId: organisation.id, actor: COMMAND_LINE_ACTOR, action: 'organisation.sso-groups-changed', detail: { before, after } });
    return { organisationName: organisation.name, organisationCreated: created, groups: after };
  });
}
