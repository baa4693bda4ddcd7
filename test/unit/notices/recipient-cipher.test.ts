import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { resealRecipients } from '../../../libs/application/src/notices/reseal-recipients.js';
import type { CaseFile } from '../../../libs/persistence/src/case-file.js';
import { RecipientCipher } from '../../../libs/platform/src/recipient-cipher.js';

const key = () => randomBytes(32);
const hashKey = key();
const contact = { email: 'anna@example.se', name: 'Anna A' };

describe('sealing recipients', () => {
  it('seals with the current key id, never the same ciphertext twice, and opens again', () => {
    const cipher = new RecipientCipher('k1', { k1: key() }, hashKey);
    const first = cipher.seal(contact);
    const second = cipher.seal(contact);
    expect(first.keyId).toBe('k1');
    expect(first.sealed.equals(second.sealed)).toBe(false);
    expect(first.sealed.toString('latin1')).not.toContain('anna');
    expect(cipher.open(first.keyId, first.sealed)).toEqual(contact);
  });

  it('never uses an IV twice, across the draws of its IV pool', () => {
    const cipher = new RecipientCipher('k1', { k1: key() }, hashKey);
    const ivs = new Set(Array.from({ length: 10_000 }, () => cipher.seal(contact).sealed.subarray(0, 12).toString('hex')));
    expect(ivs.size).toBe(10_000);
  });

  it('refuses a tampered ciphertext and an unknown key id', () => {
    const cipher = new RecipientCipher('k1', { k1: key() }, hashKey);
    const { sealed } = cipher.seal(contact);
    sealed[20] ^= 1;
    expect(() => cipher.open('k1', sealed)).toThrow();
    expect(() => cipher.open('k0', sealed)).toThrow(/no recipient key configured for key id k0/);
  });

  it('keeps the identity hash across key rotations (its key is its own)', () => {
    const before = new RecipientCipher('k1', { k1: key() }, hashKey);
    const after = new RecipientCipher('k2', { k2: key() }, hashKey);
    expect(before.identityHash('email:anna@example.se')).toBe(after.identityHash('email:anna@example.se'));
    expect(before.identityHash('email:anna@example.se')).not.toContain('anna');
  });

  it('derives separate keys from the payload key when none are configured', () => {
    const config = { PAYLOAD_ENCRYPTION_KEY: key().toString('base64'), PAYLOAD_ENCRYPTION_KEY_ID: 'key-1' };
    const derived = RecipientCipher.fromConfig(config);
    expect(derived.currentKeyId).toBe('derived-key-1');
    const configured = RecipientCipher.fromConfig({ ...config, RECIPIENT_KEYS: `k2:${key().toString('base64')},k1:${key().toString('base64')}` });
    expect(configured.currentKeyId).toBe('k2');
  });

  it('moves every row sealed with a retired key to the current one (key rotation)', async () => {
    const k1 = key();
    const old = new RecipientCipher('k1', { k1 }, hashKey);
    const rotated = new RecipientCipher('k2', { k2: key(), k1 }, hashKey);
    const rows = Array.from({ length: 1_201 }, (_, index) => ({ id: `r${index}`, ...old.seal({ ...contact, name: `Person ${index}` }) }));
    const recipients = {
      sealedWithOtherKey: async (current: string, limit: number) => rows.filter((row) => row.keyId !== current).slice(0, limit),
      reseal: async (id: string, keyId: string, sealed: Buffer) => {
        const row = rows.find((candidate) => candidate.id === id)!;
        row.keyId = keyId;
        row.sealed = sealed;
      },
    };
    const caseFile = { transaction: (work: (repositories: unknown) => Promise<unknown>) => work({ recipients }) } as unknown as CaseFile;
    expect(await resealRecipients(caseFile, rotated)).toBe(1_201);
    expect(rows.every((row) => row.keyId === 'k2')).toBe(true);
    expect(rotated.open('k2', rows[700]!.sealed)).toEqual({ ...contact, name: 'Person 700' });
    expect(await resealRecipients(caseFile, rotated)).toBe(0);
  });
});
