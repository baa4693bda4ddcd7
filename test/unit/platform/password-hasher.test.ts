import { beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes, scryptSync } from 'node:crypto';
import { hashPassword, verifyPassword } from '../../../libs/platform/src/password-hasher.js';

// Hashing is deliberately slow (scrypt, N = 2^17, about 0.3 s): this file computes only a few.
const SLOW = 30_000;

describe('stored passwords', () => {
  let stored: string;
  beforeAll(async () => {
    stored = await hashPassword('correct horse battery staple');
  }, SLOW);

  it(
    'are stored as salted scrypt hashes that record their parameters, never the password',
    () => {
      expect(stored).toMatch(/^scrypt\$131072\$8\$1\$[A-Za-z0-9+/]+=*\$[A-Za-z0-9+/]+=*$/);
      expect(stored).not.toContain('correct horse');
      const [, , , , salt, hash] = stored.split('$');
      expect(Buffer.from(salt!, 'base64')).toHaveLength(16);
      expect(Buffer.from(hash!, 'base64')).toHaveLength(32);
    },
    SLOW,
  );

  it(
    'hash differently every time for the same password, because each gets its own salt',
    async () => {
      const again = await hashPassword('correct horse battery staple');
      expect(again).not.toBe(stored);
    },
    SLOW,
  );

  it(
    'verify the right password',
    async () => {
      await expect(verifyPassword('correct horse battery staple', stored)).resolves.toBe(true);
    },
    SLOW,
  );

  it(
    'do not verify a wrong password, not even one differing only in case',
    async () => {
      await expect(verifyPassword('Correct horse battery staple', stored)).resolves.toBe(false);
    },
    SLOW,
  );

  it('verify against the parameters stored in the hash, so the work factor can rise later', async () => {
    // A cheap hash in the stored format, as if written with older, lower parameters.
    const salt = randomBytes(16);
    const key = scryptSync('old password', salt, 32, { N: 1024, r: 8, p: 1 });
    const older = ['scrypt', 1024, 8, 1, salt.toString('base64'), key.toString('base64')].join('$');
    await expect(verifyPassword('old password', older)).resolves.toBe(true);
    await expect(verifyPassword('new password', older)).resolves.toBe(false);
  });

  it.each([
    ['an empty string', ''],
    ['plain text', 'correct horse battery staple'],
    ['another scheme', '$2b$12$abcdefghijklmnopqrstuuJ4Lw2Yx8F9sVt5g0Ck3qfQe6K0Xh1e'],
    ['a hash without salt and hash', 'scrypt$131072$8$1'],
    ['a hash with an empty hash part', 'scrypt$131072$8$1$c2FsdHNhbHRzYWx0c2FsdA==$'],
    ['a hash with an empty salt part', 'scrypt$131072$8$1$$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g='],
  ])('do not verify against a malformed stored hash: %s', async (_what, malformed) => {
    await expect(verifyPassword('correct horse battery staple', malformed)).resolves.toBe(false);
  });
});

describe('a corrupted stored hash', () => {
  it('never verifies, whatever the password (an empty key must not equal an empty key)', async () => {
    const { verifyPassword: verify } = await import('../../../libs/platform/src/password-hasher.js');
    expect(await verify('anything', 'scrypt$16$1$1$c2FsdA==$!!!!')).toBe(false);
    expect(await verify('anything', 'scrypt$abc$8$1$c2FsdA==$aGFzaA==')).toBe(false);
    expect(await verify('anything', 'scrypt$100$8$1$c2FsdA==$aGFzaGhhc2hoYXNoaGFzaA==')).toBe(false);
  });
});
