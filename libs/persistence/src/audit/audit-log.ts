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
  const [event] = await appendAuditEntries(manager, seal, [entry]);
  return event!;
}

/**
 * Appends events in order, each linked to the one before, under one take of the chain's lock (held
 * until the transaction commits: call it last in a transaction, and the lock is held only for the
 * appends and the commit).
 */
export async function appendAuditEntries(manager: EntityManager, seal: AuditSeal, entries: readonly AuditEntry[]): Promise<AuditEvent[]> {
  if (entries.length === 0) return [];
  if (!manager.queryRunner?.isTransactionActive) {
    return manager.transaction((inner) => appendAuditEntries(inner, seal, entries));
  }
  await manager.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK]);
  const [last] = await manager.query('SELECT seq, hash, mac FROM audit_events ORDER BY seq DESC LIMIT 1');
  let seq = last ? BigInt(last.seq) : 0n;
  let prevHash: string = last ? last.hash : GENESIS_HASH;
  // The first sealed event links to the last one written before the seal existed through its hash.
  let prevSeal: string = last ? (last.mac ?? last.hash) : GENESIS_HASH;
  // Millisecond precision: what PostgreSQL stores must hash the same when read back.
  const occurredAt = new Date(Math.floor(Date.now()));
  const events = entries.map((entry): AuditEvent => {
    seq += 1n;
    const record = {
      seq: String(seq),
      organisationId: entry.organisationId,
      incidentId: entry.incidentId ?? null,
      actor: entry.actor,
      action: entry.action,
      detail: entry.detail ?? {},
      occurredAt,
    };
    const event: AuditEvent = { ...record, prevHash, hash: auditHash(prevHash, record), mac: seal.seal(prevSeal, record) };
    prevHash = event.hash;
    prevSeal = event.mac!;
    return event;
  });
  // jsonb detail is opaque to TypeORM's deep-partial typing; the rows are complete.
  await manager.insert(AuditEvent, events as unknown as Parameters<EntityManager['insert']>[1]);
  return events;
}
