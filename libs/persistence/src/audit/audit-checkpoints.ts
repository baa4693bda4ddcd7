import type { EntityManager } from 'typeorm';
import type { AuditSeal, AuditWitness } from './audit-seal.js';

/**
 * Checkpoints: the last event each successful verification found, sealed. A later verification
 * must find that event with that seal, so a trail whose last events were deleted is caught even
 * though what is left is a perfect chain. The runtime role may only add and read them; one
 * planted without the key is ignored.
 */
export async function latestAuditCheckpoint(manager: EntityManager, seal: AuditSeal): Promise<AuditWitness | null> {
  const rows: { seq: string; mac: string; seal: string }[] = await manager.query('SELECT c.seq::text AS seq, c.mac, c.seal FROM audit_checkpoints c ORDER BY c.seq DESC LIMIT 100');
  // The newest genuine one: planted ones (no valid seal) are passed over.
  const genuine = rows.find((row) => seal.matches(seal.sealCheckpoint(row), row.seal));
  return genuine ? { seq: genuine.seq, mac: genuine.mac } : null;
}

export async function recordAuditCheckpoint(manager: EntityManager, seal: AuditSeal, witness: AuditWitness, at: Date): Promise<void> {
  await manager.query('INSERT INTO audit_checkpoints (seq, mac, seal, recorded_at) VALUES ($1, $2, $3, $4) ON CONFLICT (seq) DO NOTHING', [
    witness.seq,
    witness.mac,
    seal.sealCheckpoint(witness),
    at,
  ]);
}
