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
    /** In a case-file transaction: the events to append at its end, just before it commits. */
    private readonly pending?: AuditEntry[],
  ) {}

  /**
   * Records the event with the change it belongs to: in a transaction, appended when the work is
   * done, just before the commit (the chain's lock, which serialises every write, is then held for
   * the appends and the commit only, not for the work); outside one, at once.
   */
  async append(entry: AuditEntry): Promise<void> {
    if (this.pending) this.pending.push(entry);
    else await appendAudit(this.manager, this.seal, entry);
  }

  /** Walks the whole trail against its latest checkpoint, and records a new checkpoint when it is intact. */
  verify(at: Date): Promise<AuditVerification> {
    return verifyAuditTrail(this.manager, this.seal, { at });
  }

  ofIncident(incidentId: string, actions?: readonly string[]): Promise<AuditEvent[]> {
    return this.manager.find(AuditEvent, { where: { incidentId, ...(actions ? { action: In([...actions]) } : {}) }, order: { seq: 'ASC' } });
  }
}
