import type { DataSource } from 'typeorm';
import { ROLES, type Role } from '../../../domain/src/roles.js';
import type { AuditSeal } from '../audit/audit-seal.js';
import { User } from '../entities/user.entity.js';
import { createOrganisationWithUsers } from './organisation-with-users.js';

export const DEMO_EMAIL_DOMAIN = 'demo.local';
export const demoEmail = (role: Role) => `${role}@${DEMO_EMAIL_DOMAIN}`;

/** The demo organisation with one user per role, created once; never in production. */
export async function seedDemoOrganisation(dataSource: DataSource, password: string, auditSeal: AuditSeal): Promise<{ created: boolean; emails: string[] }> {
  if (process.env.NODE_ENV === 'production') throw new Error('the demo organisation is never seeded in production');
  const emails = ROLES.map(demoEmail);
  if (await dataSource.getRepository(User).existsBy({ email: demoEmail('responder') })) return { created: false, emails };
  await createOrganisationWithUsers(dataSource, { name: 'Demo Care Region', emailDomain: DEMO_EMAIL_DOMAIN, password, auditSeal });
  return { created: true, emails };
}
