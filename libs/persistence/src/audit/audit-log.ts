import type { EntityManager } from 'typeorm';
import { AuditEvent } from '../entities/audit-event.entity.js';
import { auditHash, GENESIS_HASH } from './audit-hash.js';
import type { AuditSeal } from './audit-seal.js';

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
 * Appends one event to the audit log inside the caller's transaction, so the event exists exactly
 * when the change it records does: hash-chained, and sealed with the HMAC key from outside the
 * database.
 */
export async function appendAudit(manager: EntityManager, seal: AuditSeal, entry: AuditEntry): Promise<AuditEvent> {
  if (!manager.queryRunner?.isTransactionActive) {
    return manager.transaction((inner) => appendAudit(inner, seal, entry));
  }
  await manager.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK]);
  const [last] = await manager.query('SELECT seq, hash, mac FROM audit_events ORDER BY seq DESC LIMIT 1');
  const seq = last ? String(BigInt(last.seq) + 1n) : '1';
  const prevHash: string = last ? last.hash : GENESIS_HASH;
  // The first sealed event links to the last one written before the seal existed through its hash.
  const prevSeal: string = last ? (last.mac ?? last.hash) : GENESIS_HASH;
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
  const event: AuditEvent = { ...record, prevHash, hash: auditHash(prevHash, record), mac: seal.seal(prevSeal, record) };
  // jsonb detail is opaque to TypeORM's deep-partial typing; the row is complete.
  await manager.insert(AuditEvent, event as unknown as Parameters<EntityManager['insert']>[1]);
  return event;
}
