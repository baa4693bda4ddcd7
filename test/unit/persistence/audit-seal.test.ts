/**
 * The audit trail's seal: only the key makes it, and it covers the event's number, its content
 * and its predecessor's seal, so nothing can be changed, moved or slipped in without the key.
 */
import { describe, expect, it } from '@jest/globals';
import { createHmac, randomBytes } from 'node:crypto';
import type { AuditRecord } from '../../../libs/persistence/src/audit/audit-hash.js';
import { AuditSeal } from '../../../libs/persistence/src/audit/audit-seal.js';

const record = (): AuditRecord => ({
  seq: '42',
  organisationId: '0b8f3c1e-6d1a-4d55-9f1e-2f4b7a1c9d00',
  incidentId: null,
  actor: '7e9d1c3b-2a4f-4b6e-8d0c-1f3e5a7b9c22',
  action: 'incident.facts-recorded',
  detail: { version: 2 },
  occurredAt: new Date('2026-11-24T08:15:30.123Z'),
});
const previous = 'a'.repeat(64);
const key = randomBytes(32);

describe('the audit seal', () => {
  it('is HMAC-SHA-256 under the key, and another key gives another seal', () => {
    const sealed = AuditSeal.ofKey(key).seal(previous, record());
    expect(sealed).toMatch(/^[0-9a-f]{64}$/);
    expect(AuditSeal.ofKey(randomBytes(32)).seal(previous, record())).not.toBe(sealed);
    // Without the key, hashing the same text is no seal at all.
    expect(createHmac('sha256', Buffer.alloc(32)).update(`event\n${previous}\n`).digest('hex')).not.toBe(sealed);
  });

  it('covers the predecessor, the number and every field of the content', () => {
    const seal = AuditSeal.ofKey(key);
    const sealed = seal.seal(previous, record());
    expect(seal.seal('b'.repeat(64), record())).not.toBe(sealed);
    const changes: Partial<AuditRecord>[] = [{ seq: '43' }, { organisationId: null }, { incidentId: previous }, { actor: 'workflow' }, { action: 'x' }, { detail: { version: 3 } }, { occurredAt: new Date('2026-11-24T08:15:30.124Z') }];
    for (const change of changes) expect(seal.seal(previous, { ...record(), ...change })).not.toBe(sealed);
  });

  it('seals a checkpoint differently from an event, so one cannot stand for the other', () => {
    const seal = AuditSeal.ofKey(key);
    const checkpoint = seal.sealCheckpoint({ seq: '42', mac: previous });
    expect(checkpoint).not.toBe(seal.sealCheckpoint({ seq: '43', mac: previous }));
    expect(checkpoint).not.toBe(seal.sealCheckpoint({ seq: '42', mac: 'b'.repeat(64) }));
    expect(seal.matches(checkpoint, checkpoint)).toBe(true);
    expect(seal.matches(checkpoint, null)).toBe(false);
    expect(seal.matches(checkpoint, checkpoint.slice(1))).toBe(false);
  });

  it('takes AUDIT_HMAC_KEY, else a key derived from the payload key for this purpose alone', () => {
    const payloadKey = randomBytes(32).toString('base64');
    const explicit = AuditSeal.fromConfig({ AUDIT_HMAC_KEY: key.toString('base64'), PAYLOAD_ENCRYPTION_KEY: payloadKey });
    expect(explicit.seal(previous, record())).toBe(AuditSeal.ofKey(key).seal(previous, record()));
    const derived = AuditSeal.fromConfig({ AUDIT_HMAC_KEY: undefined, PAYLOAD_ENCRYPTION_KEY: payloadKey });
    expect(derived.seal(previous, record())).toBe(AuditSeal.fromConfig({ AUDIT_HMAC_KEY: undefined, PAYLOAD_ENCRYPTION_KEY: payloadKey }).seal(previous, record()));
    expect(derived.seal(previous, record())).not.toBe(AuditSeal.ofKey(Buffer.from(payloadKey, 'base64')).seal(previous, record()));
    expect(() => AuditSeal.ofKey(randomBytes(16))).toThrow(/32 bytes/);
  });
});
