import { In, type EntityManager } from 'typeorm';
import type { Role } from '../../../domain/src/roles.js';
import { Organisation } from '../entities/organisation.entity.js';
import { User } from '../entities/user.entity.js';

/** Organisations (tenants) with their settings, and their people. */
export class OrganisationRepository {
  constructor(private readonly manager: EntityManager) {}

  get(id: string): Promise<Organisation> {
    return this.manager.findOneByOrFail(Organisation, { id });
  }

  all(): Promise<Organisation[]> {
    return this.manager.find(Organisation, { order: { createdAt: 'ASC' } });
  }

  /** A new organisation with the default settings (time zone Europe/Stockholm). */
  async insert(organisation: { id: string; name: string }): Promise<Organisation> {
    await this.manager.insert(Organisation, { ...organisation, timeZone: 'Europe/Stockholm' });
    return this.get(organisation.id);
  }

  async update(id: string, change: Partial<Omit<Organisation, 'id' | 'createdAt'>>): Promise<void> {
    await this.manager.update(Organisation, { id }, change);
  }

  userByEmail(email: string): Promise<User | null> {
    return this.manager.getRepository(User).createQueryBuilder('u').where('lower(u.email) = lower(:email)', { email }).getOne();
  }

  /** Active users only: a deactivated person is told nothing more. */
  usersWithRoles(organisationId: string, roles: readonly Role[]): Promise<User[]> {
    return this.manager.findBy(User, { organisationId, role: In([...roles]), active: true });
  }

  /** Which of these user ids are the organisation's users. */
  async memberIds(organisationId: string, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const users = await this.manager.find(User, { where: { organisationId, id: In([...ids]) }, select: { id: true } });
    return new Set(users.map((user) => user.id));
  }

  /** Display names by user id; ids that are not users (system actors) are left out. */
  async displayNames(ids: readonly string[]): Promise<Map<string, string>> {
    const uuids = [...new Set(ids.filter((id) => /^[0-9a-f-]{36}$/.test(id)))];
    if (uuids.length === 0) return new Map();
    const users = await this.manager.find(User, { where: { id: In(uuids) } });
    return new Map(users.map((user) => [user.id, user.displayName]));
  }
}
