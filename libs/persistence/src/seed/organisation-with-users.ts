import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { ROLES, type Role } from '../../../domain/src/roles.js';
import { hashPassword } from '../../../platform/src/password-hasher.js';
import { appendAudit } from '../audit/audit-log.js';
import type { AuditSeal } from '../audit/audit-seal.js';
import { Organisation } from '../entities/organisation.entity.js';
import { User } from '../entities/user.entity.js';

export interface SeededOrganisation {
  organisationId: string;
  users: Record<Role, { id: string; email: string }>;
}

/** An organisation with one user per role, `<role>@<emailDomain>`, all with the same password. */
export async function createOrganisationWithUsers(
  dataSource: DataSource,
  options: { name: string; emailDomain: string; password: string; auditSeal: AuditSeal },
): Promise<SeededOrganisation> {
  const passwordHash = await hashPassword(options.password);
  const organisationId = randomUUID();
  const users = {} as SeededOrganisation['users'];
  await dataSource.transaction(async (manager) => {
    await manager.insert(Organisation, { id: organisationId, name: options.name, timeZone: 'Europe/Stockholm' });
    for (const role of ROLES) {
      const user = { id: randomUUID(), email: `${role}@${options.emailDomain}` };
      await manager.insert(User, { ...user, organisationId, displayName: `${options.name} ${role}`, role, passwordHash });
      users[role] = user;
    }
    await appendAudit(manager, options.auditSeal, { organisationId, actor: 'system', action: 'organisation.created', detail: { roles: [...ROLES] } });
  });
  return { organisationId, users };
}
