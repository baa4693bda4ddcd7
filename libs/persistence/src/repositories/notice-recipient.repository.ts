import type { EntityManager } from 'typeorm';
import { NoticeRecipient } from '../entities/notice-recipient.entity.js';

export type NewRecipient = Omit<NoticeRecipient, 'purgedAt' | 'createdAt'>;

/** The people an incident's notices go to; contact details only ever sealed. */
export class NoticeRecipientRepository {
  constructor(private readonly manager: EntityManager) {}

  /** Inserts the rows not yet known for the incident; returns how many were new. */
  async insertNew(rows: readonly NewRecipient[]): Promise<number> {
    if (rows.length === 0) return 0;
    const column = <K extends keyof NewRecipient>(key: K) => rows.map((row) => row[key]);
    // One statement per batch, arrays unnested: thousands of rows per round trip.
    const [{ inserted }]: Array<{ inserted: number }> = await this.manager.query(
      `WITH new_rows AS (INSERT INTO notice_recipients (id, organisation_id, incident_id, identity_hash, key_id, sealed, masked, channels, language, segment, import_id)
       SELECT id, organisation_id, incident_id, identity_hash, key_id, sealed, masked, string_to_array(channels, ','), language, segment, import_id
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::bytea[], $7::jsonb[], $8::text[], $9::text[], $10::text[], $11::uuid[])
              AS t(id, organisation_id, incident_id, identity_hash, key_id, sealed, masked, channels, language, segment, import_id)
       ON CONFLICT (incident_id, identity_hash) DO NOTHING
       RETURNING 1)
       SELECT count(*)::int AS inserted FROM new_rows`,
      [
        column('id'),
        column('organisationId'),
        column('incidentId'),
        column('identityHash'),
        column('keyId'),
        column('sealed'),
        rows.map((row) => JSON.stringify(row.masked)),
        rows.map((row) => row.channels.join(',')),
        column('language'),
        column('segment'),
        column('importId'),
      ],
    );
    return inserted;
  }

  async page(incidentId: string, limit: number, offset: number): Promise<{ items: NoticeRecipient[]; total: number }> {
    const [items, total] = await this.manager.findAndCount(NoticeRecipient, { where: { incidentId }, order: { createdAt: 'ASC', id: 'ASC' }, take: limit, skip: offset });
    return { items, total };
  }

  byIds(ids: readonly string[]): Promise<NoticeRecipient[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.manager.getRepository(NoticeRecipient).createQueryBuilder('r').where('r.id = ANY(:ids)', { ids }).getMany();
  }

  /**
   * Drops the sealed contact details of every incident whose notices are done — the incident
   * closed, or every notice sent or cancelled — for longer than the retention; returns how many.
   */
  async purgeExpired(at: Date, retentionDays: number): Promise<number> {
    const [, purged]: [unknown, number] = await this.manager.query(
      `UPDATE notice_recipients r SET sealed = NULL, key_id = NULL, purged_at = $1
        WHERE r.purged_at IS NULL AND r.incident_id IN (
          SELECT i.id FROM incidents i
           WHERE (i.status = 'closed' AND i.closed_at < $1::timestamptz - make_interval(days => $2))
              OR (EXISTS (SELECT 1 FROM notices n WHERE n.incident_id = i.id)
                  AND NOT EXISTS (SELECT 1 FROM notices n WHERE n.incident_id = i.id AND n.status NOT IN ('sent', 'cancelled'))
                  AND (SELECT max(n.updated_at) FROM notices n WHERE n.incident_id = i.id) < $1::timestamptz - make_interval(days => $2)))`,
      [at, retentionDays],
    );
    return purged;
  }

  /** Rows sealed with another key than the current one, for re-sealing after a rotation. */
  sealedWithOtherKey(currentKeyId: string, limit: number): Promise<NoticeRecipient[]> {
    return this.manager.getRepository(NoticeRecipient).createQueryBuilder('r').where('r.key_id <> :currentKeyId', { currentKeyId }).orderBy('r.id').take(limit).getMany();
  }

  async reseal(id: string, keyId: string, sealed: Buffer): Promise<void> {
    await this.manager.update(NoticeRecipient, { id }, { keyId, sealed });
  }
}
