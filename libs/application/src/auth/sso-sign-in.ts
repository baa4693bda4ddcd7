import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { QueryFailedError } from 'typeorm';
import { roleFromGroups } from '../../../domain/src/users/sso-group-roles.js';
import { CaseFile, type Repositories } from '../../../persistence/src/case-file.js';
import type { User } from '../../../persistence/src/entities/user.entity.js';
import type { Caller } from '../caller.js';
import { SessionCheck } from './session-check.js';
import { Sessions, type BrowserSessionStart } from './sessions.js';

/** Who the identity provider says signed in, from an ID token whose signature, issuer, audience and nonce were checked. */
export interface VerifiedIdentity {
  issuer: string;
  subject: string;
  email: string | undefined;
  /** `email_verified` as the provider sent it; only `false` is refused (many providers do not send it for their own accounts). */
  emailVerified: boolean | undefined;
  name: string | undefined;
  groups: readonly string[];
}

/**
 * Why an SSO sign-in is refused, as a code the sign-in page words for a person (sv/en):
 * - `no-role`: none of the person's groups is mapped to a role in any organisation;
 * - `several-organisations`: their groups are mapped in more than one organisation;
 * - `deactivated`: their account was deactivated here, whatever the provider says;
 * - `account-conflict`: the e-mail address belongs to an account of another organisation, or to one bound to another provider identity;
 * - `email-missing`: the provider sent no e-mail address, or says it is not verified.
 */
export type SsoRefusalCode = 'no-role' | 'several-organisations' | 'deactivated' | 'account-conflict' | 'email-missing';

export class SsoSignInRefusedError extends Error {
  constructor(readonly code: SsoRefusalCode) {
    super(`single sign-on refused: ${code}`);
    this.name = 'SsoSignInRefusedError';
  }
}

/** The audit trail's actor for what the identity provider's word changed (an account created, a role followed). */
export const IDENTITY_PROVIDER_ACTOR = 'identity-provider';

const UNIQUE_VIOLATION = '23505';

type Outcome = { started: BrowserSessionStart; user: Caller; ended: string[] } | { refused: SsoRefusalCode };

/**
 * Signs in a person the identity provider vouched for, into the same browser session a password
 * opens. Their groups decide their organisation and role at every sign-in (just-in-time
 * provisioning): the account is created at the first, and its role follows the groups at each
 * later one. A deactivated account stays out. Everything is audited with ids and group names,
 * never the e-mail address.
 */
@Injectable()
export class SsoSignIn {
  constructor(
    @Inject(CaseFile) private readonly caseFile: CaseFile,
    @Inject(Sessions) private readonly sessions: Sessions,
    @Inject(SessionCheck) private readonly check: SessionCheck,
  ) {}

  async execute(identity: VerifiedIdentity, clientAddress: string): Promise<BrowserSessionStart & { user: Caller }> {
    let outcome: Outcome;
    try {
      outcome = await this.caseFile.transaction((repositories) => this.signIn(repositories, identity, clientAddress));
    } catch (error) {
      // Two first sign-ins of one person at once: the second meets the unique e-mail index, and finds the account when run again.
      if (!(error instanceof QueryFailedError && (error.driverError as { code?: string }).code === UNIQUE_VIOLATION)) throw error;
      outcome = await this.caseFile.transaction((repositories) => this.signIn(repositories, identity, clientAddress));
    }
    if ('refused' in outcome) throw new SsoSignInRefusedError(outcome.refused);
    this.check.forget(outcome.ended);
    return { ...outcome.started, user: outcome.user };
  }

  private async signIn(repositories: Repositories, identity: VerifiedIdentity, clientAddress: string): Promise<Outcome> {
    const refuse = async (refused: SsoRefusalCode, user: User | null): Promise<Outcome> => {
      await repositories.audit.append({
        organisationId: user?.organisationId ?? null,
        actor: 'anonymous',
        action: 'auth.sso-refused',
        detail: { reason: refused, ...(user && { userId: user.id }), groupCount: identity.groups.length, clientAddress },
      });
      return { refused };
    };
    const bound = await repositories.users.byOidcIdentity(identity.issuer, identity.subject);
    const email = identity.email?.trim();
    if (!bound && (!email || identity.emailVerified === false)) return refuse('email-missing', null);
    const user = bound ?? (await repositories.users.byEmailForUpdate(email!));
    // An account already bound to another identity at the provider is that person's, whoever now shows its e-mail address.
    if (user && user.oidcSubject !== null && (user.oidcSubject !== identity.subject || user.oidcIssuer !== identity.issuer)) return refuse('account-conflict', user);

    const verdict = roleFromGroups(identity.groups, await repositories.ssoGroupRoles.naming(identity.groups));
    if (verdict.kind !== 'role') return refuse(verdict.kind, user);
    if (user && user.organisationId !== verdict.organisationId) return refuse('account-conflict', user);
    if (user && !user.active) return refuse('deactivated', user);

    const audit = (action: string, userId: string, detail: Record<string, unknown>) =>
      repositories.audit.append({ organisationId: verdict.organisationId, actor: IDENTITY_PROVIDER_ACTOR, action, detail: { userId, ...detail, groups: verdict.matchedGroups } });
    let userId: string;
    let ended: string[] = [];
    if (!user) {
      userId = randomUUID();
      const displayName = identity.name?.trim() || email!.split('@')[0]!;
      await repositories.users.insert({ id: userId, organisationId: verdict.organisationId, email: email!, displayName, role: verdict.role, passwordHash: null, oidc: { issuer: identity.issuer, subject: identity.subject } });
      await audit('user.sso-provisioned', userId, { role: verdict.role });
    } else {
      userId = user.id;
      if (user.oidcSubject === null) {
        await repositories.users.update(userId, { oidcIssuer: identity.issuer, oidcSubject: identity.subject });
        await audit('user.sso-bound', userId, {});
      }
      // Every session the account holds with the old role ends now (the session check would refuse them within seconds anyway).
      if (user.role !== verdict.role) {
        await repositories.users.update(userId, { role: verdict.role });
        ended = await repositories.sessions.revokeAllOfUser(userId, 'role-changed');
        await audit('user.role-changed', userId, { from: user.role, to: verdict.role, sessionsEnded: ended });
      }
    }
    const caller: Caller = { id: userId, organisationId: verdict.organisationId, role: verdict.role };
    return { started: await this.sessions.startBrowser(repositories, caller, clientAddress, 'sso'), user: caller, ended };
  }
}
