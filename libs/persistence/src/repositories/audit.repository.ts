import { In, type EntityManager } from 'typeorm';
import { appendAudit, type AuditEntry } from '../audit/audit-log.js';
import { AuditEvent } from '../entities/audit-event.entity.js';

/** The hash-chained, append-only audit log. */
export class AuditRepository {
  constructor(private readonly manager: EntityManager) {}

  /** Appends within the caller's transaction, so the event exists exactly when the change it records does. */
  append(entry: AuditEntry): Promise<AuditEvent> {
    return appendAudit(this.manager, entry);
  }

  ofIncident(incidentId: string, actions?: readonly string[]): Promise<AuditEvent[]> {
    return this.manager.find(AuditEvent, { where: { incidentId, ...(actions ? { action: In([...actions]) } : {}) }, order: { seq: 'ASC' } });
  }
}
