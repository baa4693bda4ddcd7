import type { EntityManager } from 'typeorm';
import type { IncidentStatus } from '../../../domain/src/incident/incident-status.js';
import { Incident } from '../entities/incident.entity.js';
import { IdempotencyKey } from '../entities/idempotency-key.entity.js';

export interface IncidentFilter {
  status?: IncidentStatus;
  /** Text in the title or reference. */
  q?: string;
  awareFrom?: string;
  awareTo?: string;
  limit: number;
  offset: number;
}

/** Incidents, always read within their organisation: another organisation's incident is simply not there. */
export class IncidentRepository {
  constructor(private readonly manager: EntityManager) {}

  /** The organisation's incident, or undefined; `lock` holds it until the transaction ends (for writers). */
  findOwned(organisationId: string, id: string, options: { lock?: boolean } = {}): Promise<Incident | null> {
    return this.manager.getRepository(Incident).findOne({
      where: { id, organisationId },
      lock: options.lock ? { mode: 'for_no_key_update' } : undefined,
    });
  }

  /** For the workflow's own activities, which act on an incident they were started for. */
  get(id: string, options: { lock?: boolean } = {}): Promise<Incident> {
    return this.manager.getRepository(Incident).findOneOrFail({ where: { id }, lock: options.lock ? { mode: 'for_no_key_update' } : undefined });
  }

  async insert(incident: Omit<Incident, 'createdAt' | 'updatedAt' | 'closedAt' | 'closedBy'>): Promise<Incident> {
    await this.manager.insert(Incident, incident);
    return this.get(incident.id);
  }

  async recordFactsVersion(id: string, change: { currentFactsVersion: number; title: string; awareAt: Date }): Promise<Incident> {
    await this.manager.update(Incident, { id }, change);
    return this.get(id);
  }

  async close(id: string, closedBy: string, closedAt: Date): Promise<void> {
    await this.manager.update(Incident, { id }, { status: 'closed', closedAt, closedBy });
  }

  /** Open again; when and by whom it was closed, and why it was reopened, stay in the audit trail. */
  async reopen(id: string): Promise<void> {
    await this.manager.update(Incident, { id }, { status: 'open', closedAt: null, closedBy: null });
  }

  async list(organisationId: string, filter: IncidentFilter): Promise<{ items: Incident[]; total: number }> {
    const builder = this.manager.getRepository(Incident).createQueryBuilder('i').where('i.organisation_id = :org', { org: organisationId });
    if (filter.status) builder.andWhere('i.status = :status', { status: filter.status });
    if (filter.q) {
      builder.andWhere("(i.title ILIKE :q ESCAPE '\\' OR i.reference ILIKE :q ESCAPE '\\')", { q: `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
    }
    if (filter.awareFrom) builder.andWhere('i.aware_at >= :from', { from: new Date(filter.awareFrom) });
    if (filter.awareTo) builder.andWhere('i.aware_at < :to', { to: new Date(filter.awareTo) });
    const [items, total] = await builder.orderBy('i.aware_at', 'DESC').addOrderBy('i.id', 'ASC').take(filter.limit).skip(filter.offset).getManyAndCount();
    return { items, total };
  }

  allOf(organisationId: string): Promise<Incident[]> {
    return this.manager.getRepository(Incident).find({ where: { organisationId }, order: { awareAt: 'ASC' } });
  }

  /** BF-<year>-<n>, numbered per organisation and year of awareness; serialised per organisation until commit. */
  async nextReference(organisationId: string, awareAt: Date): Promise<string> {
    await this.manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`incident-reference:${organisationId}`]);
    const prefix = `BF-${awareAt.getUTCFullYear()}-`;
    const [row] = await this.manager.query(
      `SELECT coalesce(max(substring(reference from length($2) + 1)::int), 0) AS last
         FROM incidents WHERE organisation_id = $1 AND reference LIKE $2 || '%'`,
      [organisationId, prefix],
    );
    return `${prefix}${String(Number(row.last) + 1).padStart(4, '0')}`;
  }

  idempotencyKey(organisationId: string, key: string): Promise<IdempotencyKey | null> {
    return this.manager.getRepository(IdempotencyKey).findOneBy({ organisationId, key });
  }

  async rememberIdempotencyKey(record: Omit<IdempotencyKey, 'createdAt'>): Promise<void> {
    await this.manager.insert(IdempotencyKey, record);
  }
}
