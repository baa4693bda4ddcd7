import { createHash } from 'node:crypto';

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

/** JSON with object keys sorted at every level, so a row hashes the same after a jsonb round trip. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null'; // as JSON.stringify writes it inside arrays, and jsonb reads it back
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
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
