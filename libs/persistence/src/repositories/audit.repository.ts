import { In, type EntityManager } from 'typeorm';
import { appendAudit, type AuditEntry } from '../audit/audit-log.js';
import type { AuditSeal } from '../audit/audit-seal.js';
import { verifyAuditTrail, type AuditVerification } from '../audit/audit-verification.js';
import { AuditEvent } from '../entities/audit-event.entity.js';

/** The append-only audit log, hash-chained and HMAC-sealed. */
export class AuditRepository {
  constructor(
    private readonly manager: EntityManager,
    private readonly seal: AuditSeal,
  ) {}

  /** Appends within the caller's transaction, so the event exists exactly when the change it records does. */
  append(entry: AuditEntry): Promise<AuditEvent> {
    return appendAudit(this.manager, this.seal, entry);
  }

  /** Walks the whole trail against its latest checkpoint, and records a new checkpoint when it is intact. */
  verify(at: Date): Promise<AuditVerification> {
    return verifyAuditTrail(this.manager, this.seal, { at });
  }

  ofIncident(incidentId: string, actions?: readonly string[]): Promise<AuditEvent[]> {
    return this.manager.find(AuditEvent, { where: { incidentId, ...(actions ? { action: In([...actions]) } : {}) }, order: { seq: 'ASC' } });
  }
}
