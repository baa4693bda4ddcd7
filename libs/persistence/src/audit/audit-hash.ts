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

/** A row's hash covers its content and the previous row's hash: editing or removing any row breaks the chain. */
export function auditHash(prevHash: string, record: AuditRecord): string {
  const content = canonicalJson({
    seq: String(record.seq),
    organisationId: record.organisationId,
    incidentId: record.incidentId,
    actor: record.actor,
    action: record.action,
    detail: record.detail,
    occurredAt: record.occurredAt.toISOString(),
  });
  return createHash('sha256').update(prevHash).update('\n').update(content).digest('hex');
}
