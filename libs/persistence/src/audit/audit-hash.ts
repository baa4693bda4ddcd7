import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../domain/src/canonical-json.js';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditRecord {
  seq: string;
  organisationId: string | null;
  incidentId: string | null;
  actor: string;
  action: string;
  detail: Record<string, unknown>;
  occurredAt: Date;
}

/** What a row's hash and seal cover: every column but the chain's own, the sequence number included. */
export function auditContent(record: AuditRecord): string {
  return canonicalJson({
    seq: String(record.seq),
    organisationId: record.organisationId,
    incidentId: record.incidentId,
    actor: record.actor,
    action: record.action,
    detail: record.detail,
    occurredAt: record.occurredAt.toISOString(),
  });
}

/**
 * A row's hash covers its content and the previous row's hash: editing or removing any row breaks
 * the chain, for anyone who cannot recompute it. Anyone can, so the seal (AuditSeal) is what holds
 * against the database's owner; the hash chain stays for the events written before the seal.
 */
export function auditHash(prevHash: string, record: AuditRecord): string {
  return createHash('sha256').update(prevHash).update('\n').update(auditContent(record)).digest('hex');
}
