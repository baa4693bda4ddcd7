import { IsNull, MoreThan, type EntityManager } from 'typeorm';
import type { Role } from '../../../domain/src/roles.js';
import { PasswordLink, type PasswordLinkPurpose } from '../entities/password-link.entity.js';
import { User } from '../entities/user.entity.js';

export interface NewUser {
  id: string;
  organisationId: string;
  email: string;
  displayName: string;
  role: Role;
  passwordHash: string | null;
  /** The single sign-on identity the account is bound to, when it was created by an SSO sign-in. */
  oidc?: { issuer: string; subject: string };
}

/** The people of an organisation as accounts: who they are, their role, whether they may sign in, their one-time links. */
export class UserRepository {
  constructor(private readonly manager: EntityManager) {}

  inOrganisation(organisationId: string): Promise<User[]> {
    return this.manager.find(User, { where: { organisationId }, order: { createdAt: 'ASC', email: 'ASC' } });
  }

  /** A user of this organisation, locked for the change when asked; null for anyone else's. */
  findOwned(organisationId: string, id: string, options: { lock?: boolean } = {}): Promise<User | null> {
    return this.manager.findOne(User, { where: { organisationId, id }, ...(options.lock && { lock: { mode: 'for_no_key_update' } }) });
  }

  get(id: string): Promise<User> {
    return this.manager.findOneByOrFail(User, { id });
  }

  async emailTaken(email: string): Promise<boolean> {
    return (await this.manager.getRepository(User).createQueryBuilder('u').where('lower(u.email) = lower(:email)', { email }).getCount()) > 0;
  }

  async insert({ oidc, ...user }: NewUser): Promise<void> {
    await this.manager.insert(User, { ...user, active: true, oidcIssuer: oidc?.issuer ?? null, oidcSubject: oidc?.subject ?? null });
  }

  /** The account bound to this identity at the single sign-on provider, locked for the sign-in's changes. */
  byOidcIdentity(issuer: string, subject: string): Promise<User | null> {
    return this.manager.findOne(User, { where: { oidcIssuer: issuer, oidcSubject: subject }, lock: { mode: 'for_no_key_update' } });
  }

  /** The account with this e-mail address (any case), locked for the sign-in's changes. */
  byEmailForUpdate(email: string): Promise<User | null> {
    return this.manager.getRepository(User).createQueryBuilder('u').where('lower(u.email) = lower(:email)', { email }).setLock('for_no_key_update').getOne();
  }

  /**
   * The organisation's active admins, each row locked: two admins demoting each other at the same
   * moment are judged one after the other, so the last admin is never removed.
   */
  lockActiveAdmins(organisationId: string): Promise<User[]> {
    return this.manager.find(User, { where: { organisationId, role: 'admin', active: true }, lock: { mode: 'for_no_key_update' }, order: { id: 'ASC' } });
  }

  async update(id: string, change: Partial<Pick<User, 'role' | 'active' | 'passwordHash' | 'oidcIssuer' | 'oidcSubject'>>): Promise<void> {
    await this.manager.update(User, { id }, change);
  }

  async insertPasswordLink(link: { id: string; userId: string; tokenHash: string; purpose: PasswordLinkPurpose; createdBy: string; expiresAt: Date }): Promise<void> {
    await this.manager.insert(PasswordLink, { ...link, usedAt: null });
  }

  /** The unused, unexpired link with this token hash, locked so that it is consumed once. */
  usablePasswordLink(tokenHash: string, now: Date): Promise<PasswordLink | null> {
    return this.manager.findOne(PasswordLink, { where: { tokenHash, usedAt: IsNull(), expiresAt: MoreThan(now) }, lock: { mode: 'for_no_key_update' } });
  }

  /** Marks the link used, and every other open link of the same person: only the newest may have been meant. */
  async consumePasswordLinks(userId: string, at: Date): Promise<void> {
    await this.manager.update(PasswordLink, { userId, usedAt: IsNull() }, { usedAt: at });
  }

  /**
   * Seconds until another link of these purposes may be sent to the person: 0 when none was sent in
   * the last `intervalSeconds`. Measured by the database's clock, the one that stamped `created_at`.
   */
  async secondsUntilNextPasswordLink(userId: string, purposes: readonly PasswordLinkPurpose[], intervalSeconds: number): Promise<number> {
    const [row] = (await this.manager.query(
      `SELECT ceil(extract(epoch FROM max(created_at) + make_interval(secs => $3) - now()))::int AS wait
         FROM password_links WHERE user_id = $1 AND purpose = ANY($2)`,
      [userId, purposes, intervalSeconds],
    )) as Array<{ wait: number | null }>;
    return Math.max(0, row?.wait ?? 0);
  }

  /** Whether the person has a link that can still be used (an invitation not yet accepted). */
  async hasOpenPasswordLink(userId: string, now: Date): Promise<boolean> {
    return this.manager.existsBy(PasswordLink, { userId, usedAt: IsNull(), expiresAt: MoreThan(now) });
  }
}
