import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { AppConfig } from '../../../platform/src/config.js';
import { auditContent, type AuditRecord } from './audit-hash.js';

/** The last event a verification found intact, as a later verification must still find it. */
export interface AuditWitness {
  seq: string;
  mac: string;
}

/**
 * The audit trail's HMAC chain: each event's seal is HMAC-SHA-256 over the previous event's seal
 * and the event's own content, under a key that never enters the database. Whoever owns the
 * database can edit a row and recompute every hash after it, but cannot seal what they wrote.
 */
export class AuditSeal {
  private constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('the audit HMAC key must be 32 bytes');
  }

  static ofKey(key: Buffer): AuditSeal {
    return new AuditSeal(key);
  }

  /**
   * AUDIT_HMAC_KEY; outside production, when absent, derived (HKDF-SHA-256) from the payload key
   * for this purpose alone, so development and benchmark configurations need nothing new.
   */
  static fromConfig(config: Pick<AppConfig, 'AUDIT_HMAC_KEY' | 'PAYLOAD_ENCRYPTION_KEY'>): AuditSeal {
    if (config.AUDIT_HMAC_KEY) return new AuditSeal(Buffer.from(config.AUDIT_HMAC_KEY, 'base64'));
    // The configuration refuses to load without one of the two (config.ts).
    if (config.PAYLOAD_ENCRYPTION_KEY === undefined) throw new Error('AUDIT_HMAC_KEY is required when PAYLOAD_ENCRYPTION_KEY is not set');
    const master = Buffer.from(config.PAYLOAD_ENCRYPTION_KEY, 'base64');
    return new AuditSeal(Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'breachflow/audit-hmac', 32)));
  }

  /** `previous`: the previous event's seal; its hash when it was written before the seal existed; the genesis hash for the first. */
  seal(previous: string, record: AuditRecord): string {
    return this.hmac(`event\n${previous}\n${auditContent(record)}`);
  }

  /** A checkpoint is sealed too, so nobody without the key can plant one that hides a truncation or raises a false alarm. */
  sealCheckpoint(witness: AuditWitness): string {
    return this.hmac(`checkpoint\n${witness.seq}\n${witness.mac}`);
  }

  matches(expected: string, actual: string | null): boolean {
    if (actual === null || actual.length !== expected.length) return false;
    return timingSafeEqual(Buffer.from(expected), Buffer.from(actual));
  }

  private hmac(message: string): string {
    return createHmac('sha256', this.key).update(message).digest('hex');
  }
}
