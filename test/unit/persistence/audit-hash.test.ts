import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../libs/domain/src/canonical-json.js';
import { auditHash, GENESIS_HASH, type AuditRecord } from '../../../libs/persistence/src/audit/audit-hash.js';

const record = (): AuditRecord => ({
  seq: '42',
  organisationId: '0b8f3c1e-6d1a-4d55-9f1e-2f4b7a1c9d00',
  incidentId: '5a0c2d7e-1f3b-4c8a-8e6d-9b2a4f7c1e11',
  actor: '7e9d1c3b-2a4f-4b6e-8d0c-1f3e5a7b9c22',
  action: 'incident.facts-recorded',
  detail: { version: 2, changed: ['approxRecords', 'cause'] },
  occurredAt: new Date('2026-11-24T08:15:30.123Z'),
});

const previous = createHash('sha256').update('row 41').digest('hex');

describe('canonical JSON: the same content always serialises to the same text', () => {
  it('sorts object keys', () => {
    expect(canonicalJson({ b: 1, a: 2, c: 3 })).toBe('{"a":2,"b":1,"c":3}');
  });

  it('sorts keys at every level, including objects inside arrays', () => {
    expect(canonicalJson({ z: { y: 1, x: [{ b: 1, a: 2 }] }, a: null })).toBe('{"a":null,"z":{"x":[{"a":2,"b":1}],"y":1}}');
  });

  it('keeps the order of array elements, which is meaningful', () => {
    expect(canonicalJson([3, 1, 2])).toBe('[3,1,2]');
    expect(canonicalJson(['cause', 'approxRecords'])).not.toBe(canonicalJson(['approxRecords', 'cause']));
  });

  it('drops keys whose value is undefined, as storing the row as jsonb does', () => {
    expect(canonicalJson({ a: 1, b: undefined, c: { d: undefined, e: 2 } })).toBe('{"a":1,"c":{"e":2}}');
    expect(canonicalJson({ a: 1, b: undefined })).toBe(canonicalJson(JSON.parse(JSON.stringify({ a: 1, b: undefined }))));
  });

  it('keeps keys whose value is null: null is a recorded value, unlike undefined', () => {
    expect(canonicalJson({ a: null })).toBe('{"a":null}');
    expect(canonicalJson({ a: null })).not.toBe(canonicalJson({}));
  });

  it('writes scalars as JSON does', () => {
    expect(canonicalJson('täby "vårdcentral"')).toBe(JSON.stringify('täby "vårdcentral"'));
    expect(canonicalJson(12.5)).toBe('12.5');
    expect(canonicalJson(true)).toBe('true');
    expect(canonicalJson(null)).toBe('null');
  });

  it('survives a jsonb round trip unchanged (PostgreSQL may reorder keys)', () => {
    const detail = { outcome: 'high-risk', factsVersion: 3, inputs: { b: [1, { y: 2, x: 1 }], a: 'x' } };
    const reordered = { inputs: { a: 'x', b: [1, { x: 1, y: 2 }] }, factsVersion: 3, outcome: 'high-risk' };
    expect(canonicalJson(reordered)).toBe(canonicalJson(detail));
  });
});

describe('the audit hash chain', () => {
  it('is a SHA-256 hex digest of the previous hash and the canonical row', () => {
    const hash = auditHash(previous, record());
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    const content = canonicalJson({ ...record(), occurredAt: '2026-11-24T08:15:30.123Z' });
    expect(hash).toBe(createHash('sha256').update(`${previous}\n${content}`).digest('hex'));
  });

  it('starts from a genesis hash of 64 zeros', () => {
    expect(GENESIS_HASH).toBe('0'.repeat(64));
    expect(auditHash(GENESIS_HASH, record())).not.toBe(auditHash(previous, record()));
  });

  it('is stable: the same row hashes the same every time', () => {
    expect(auditHash(previous, record())).toBe(auditHash(previous, record()));
  });

  it('does not depend on the order of keys in the row or its detail (as read back from jsonb)', () => {
    const original = record();
    const readBack: AuditRecord = {
      occurredAt: new Date(original.occurredAt.getTime()),
      detail: { changed: ['approxRecords', 'cause'], version: 2 },
      action: original.action,
      actor: original.actor,
      incidentId: original.incidentId,
      organisationId: original.organisationId,
      seq: original.seq,
    };
    expect(auditHash(previous, readBack)).toBe(auditHash(previous, original));
  });

  it('changes when the previous row changes, so removing or editing an earlier row breaks every later link', () => {
    const otherPrevious = createHash('sha256').update('row 41, edited').digest('hex');
    expect(auditHash(otherPrevious, record())).not.toBe(auditHash(previous, record()));
  });

  it.each<[string, (r: AuditRecord) => void]>([
    ['seq', (r) => (r.seq = '43')],
    ['organisationId', (r) => (r.organisationId = null)],
    ['incidentId', (r) => (r.incidentId = null)],
    ['actor', (r) => (r.actor = 'someone-else')],
    ['action', (r) => (r.action = 'incident.created')],
    ['detail, a value', (r) => (r.detail = { ...r.detail, version: 3 })],
    ['detail, an added key', (r) => (r.detail = { ...r.detail, reason: 'typo' })],
    ['detail, the order of an array', (r) => (r.detail = { ...r.detail, changed: ['cause', 'approxRecords'] })],
    ['occurredAt, by one millisecond', (r) => (r.occurredAt = new Date(r.occurredAt.getTime() + 1))],
  ])('changes when %s changes', (_field, edit) => {
    const edited = record();
    edit(edited);
    expect(auditHash(previous, edited)).not.toBe(auditHash(previous, record()));
  });

  it('hashes the sequence number as text, whether it arrives as a string or as a bigint column', () => {
    const fromBigint = { ...record(), seq: 42n as unknown as string };
    expect(auditHash(previous, fromBigint)).toBe(auditHash(previous, record()));
  });
});

describe('canonical JSON of values a jsonb round trip changes', () => {
  it('writes undefined array items as null and dates as ISO strings, as PostgreSQL reads them back', () => {
    expect(canonicalJson([1, undefined])).toBe('[1,null]');
    expect(canonicalJson({ at: new Date('2026-11-24T08:00:00.000Z') })).toBe('{"at":"2026-11-24T08:00:00.000Z"}');
  });
});
