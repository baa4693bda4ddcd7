import { randomUUID } from 'node:crypto';
import { raise } from '../../../domain/src/failures.js';
import { InvalidInputError } from '../../../domain/src/failures.js';
import { passwordProblem } from '../../../domain/src/users/password-policy.js';
import type { CaseFile, Repositories } from '../../../persistence/src/case-file.js';
import type { Organisation } from '../../../persistence/src/entities/organisation.entity.js';
import { hashPassword } from '../../../platform/src/password-hasher.js';
import { issuePasswordLink, passwordLinkUrl } from './password-links.js';

/** Who runs the command-line tool, as the audit trail names them. */
export const COMMAND_LINE_ACTOR = 'command-line';

export interface AdminToCreate {
  email: string;
  displayName: string;
  /** The organisation's name: found, or created when no organisation has it. */
  organisationName?: string;
  /** A password typed at the terminal, or a one-time link to choose one (`publicUrl` is its base). */
  credential: { password: string } | { oneTimeLink: { publicUrl: string } };
}

export interface CreatedAdmin {
  userId: string;
  organisationId: string;
  organisationName: string;
  organisationCreated: boolean;
  /** The one-time link, when one was asked for. */
  link?: { url: string; expiresAt: Date };
}

/**
 * The first admin of a production deployment (no demo users there): `npm run admin -- create-admin`.
 * Refuses a weak password and an e-mail address already in use; creates the organisation when
 * none is named and none exists, or when the named one does not.
 */
export async function createAdmin(caseFile: CaseFile, admin: AdminToCreate): Promise<CreatedAdmin> {
  let passwordHash: string | null = null;
  if ('password' in admin.credential) {
    const problem = passwordProblem(admin.credential.password);
    if (problem) throw new InvalidInputError([{ field: 'password', message: problem }]);
    passwordHash = await hashPassword(admin.credential.password);
  }
  return caseFile.transaction(async (repositories) => {
    if (await repositories.users.emailTaken(admin.email)) raise('conflict', `a user with the e-mail address ${admin.email} exists already`, 'email');
    const { organisation, created } = await organisationFor(repositories, admin.organisationName);
    const userId = randomUUID();
    await repositories.users.insert({ id: userId, organisationId: organisation.id, email: admin.email, displayName: admin.displayName, role: 'admin', passwordHash });
    await repositories.audit.append({ organisationId: organisation.id, actor: COMMAND_LINE_ACTOR, action: 'user.admin-created', detail: { userId, passwordSet: passwordHash !== null } });
    const result: CreatedAdmin = { userId, organisationId: organisation.id, organisationName: organisation.name, organisationCreated: created };
    if ('oneTimeLink' in admin.credential) {
      const link = await issuePasswordLink(repositories, { userId, purpose: 'first-admin', createdBy: COMMAND_LINE_ACTOR, now: new Date() });
      result.link = { url: passwordLinkUrl(admin.credential.oneTimeLink.publicUrl, link.token), expiresAt: link.expiresAt };
    }
    return result;
  });
}

/** The organisation a command names (created when it does not exist), or the only one when none is named. */
export async function organisationFor(repositories: Repositories, name: string | undefined): Promise<{ organisation: Organisation; created: boolean }> {
  const all = await repositories.organisations.all();
  if (name === undefined) {
    if (all.length === 1) return { organisation: all[0]!, created: false };
    if (all.length === 0) raise('unprocessable', 'there is no organisation yet: name it with --organisation', 'organisation');
    raise('unprocessable', `there are ${all.length} organisations: say which with --organisation (${all.map((organisation) => organisation.name).join(', ')})`, 'organisation');
  }
  const existing = all.find((organisation) => organisation.name === name);
  if (existing) return { organisation: existing, created: false };
  const organisation = await repositories.organisations.insert({ id: randomUUID(), name });
  await repositories.audit.append({ organisationId: organisation.id, actor: COMMAND_LINE_ACTOR, action: 'organisation.created', detail: {} });
  return { organisation, created: true };
}
