import type { EntityManager } from 'typeorm';
import { AuditEvent } from '../entities/audit-event.entity.js';
import { auditHash, GENESIS_HASH } from './audit-hash.js';

export interface AuditEntry {
  organisationId: string | null;
  incidentId?: string | null;
  actor: string;
  action: string;
  detail?: Record<string, unknown>;
}

/** Serialises appends so each row links to exactly one predecessor; released at commit. */
const AUDIT_CHAIN_LOCK = 7_302_011;

/**
 * Appends one event to the hash-chained audit log inside the caller's transaction, so the
 * event exists exactly when the change it records does.
 */
export async function appendAudit(manager: EntityManager, entry: AuditEntry): Promise<AuditEvent> {
  if (!manager.queryRunner?.isTransactionActive) {
    return manager.transaction((inner) => appendAudit(inner, entry));
  }
  await manager.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK]);
  const [last] = await manager.query('SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1');
  const seq = last ? String(BigInt(last.seq) + 1n) : '1';
  const prevHash: string = last ? last.hash : GENESIS_HASH;
  // Millisecond precision: what PostgreSQL stores must hash the same when read back.
  const occurredAt = new Date(Math.floor(Date.now()));
  const record = {
    seq,
    organisationId: entry.organisationId,
    incidentId: entry.incidentId ?? null,
    actor: entry.actor,
    action: entry.action,
    detail: entry.detail ?? {},
    occurredAt,
  };
  const event: AuditEvent = { ...record, prevHash, hash: auditHash(prevHash, record) };
  // jsonb detail is opaque to TypeORM's deep-partial typing; the row is complete.
  await manager.insert(AuditEvent, event as unknown as Parameters<EntityManager['insert']>[1]);
  return event;
}

export type AuditVerification = { ok: true; rows: number } | { ok: false; rows: number; seq: string; problem: string };

/**
 * Walks the whole chain in order. Any edited row fails its own hash; any deleted row leaves a
 * gap in the sequence or a broken link to its successor. Names the first bad row.
 */
export async function verifyAuditChain(manager: EntityManager, batchSize = 5_000): Promise<AuditVerification> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1n;
  let rows = 0;
  for (;;) {
    const batch: AuditEvent[] = await manager
      .getRepository(AuditEvent)
      .createQueryBuilder('e')
      .where('e.seq >= :from', { from: expectedSeq.toString() })
      .orderBy('e.seq', 'ASC')
      .limit(batchSize)
      .getMany();
    if (batch.length === 0) return { ok: true, rows };
    for (const row of batch) {
      const seq = BigInt(row.seq);
      if (seq !== expectedSeq) {
        return { ok: false, rows, seq: expectedSeq.toString(), problem: `row ${expectedSeq} is missing (next row is ${seq})` };
      }
      if (row.prevHash !== prevHash) {
        return { ok: false, rows, seq: row.seq, problem: `row ${row.seq} does not link to row ${seq - 1n}` };
      }
      if (auditHash(row.prevHash, row) !== row.hash) {
        return { ok: false, rows, seq: row.seq, problem: `row ${row.seq} was altered after it was written` };
      }
      prevHash = row.hash;
      expectedSeq = seq + 1n;
      rows += 1;
    }
  }
}
