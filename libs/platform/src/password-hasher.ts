import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';

let inFlight = 0;
let peakInFlight = 0;

/** How many scrypt computations run in this process now, and the most at once since the last reset: what the sign-in cap bounds. */
export const scryptLoad = {
  get inFlight(): number {
    return inFlight;
  },
  get peak(): number {
    return peakInFlight;
  },
  resetPeak(): void {
    peakInFlight = inFlight;
  },
};

async function scrypt(password: string, salt: Buffer, length: number, options: ScryptOptions): Promise<Buffer> {
  inFlight += 1;
  peakInFlight = Math.max(peakInFlight, inFlight);
  try {
    return await new Promise<Buffer>((resolve, reject) =>
      scryptCallback(password, salt, length, options, (error, key) => (error ? reject(error) : resolve(key))),
    );
  } finally {
    inFlight -= 1;
  }
}

// OWASP's scrypt baseline (N=2^17, r=8, p=1); parameters are stored in the hash so they can rise later.
const PARAMS = { N: 2 ** 17, r: 8, p: 1 };
const KEY_LENGTH = 32;

/** `scrypt$N$r$p$salt$hash`, both base64. Node's scrypt avoids a native dependency. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEY_LENGTH, { ...PARAMS, maxmem: 256 * PARAMS.N * PARAMS.r });
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const N = Number(n);
  // A corrupted hash must never verify: an empty key would compare equal to an empty key.
  const sane = expected.length >= 16 && Number.isInteger(N) && N >= 2 && N <= 2 ** 20 && (N & (N - 1)) === 0 && Number(r) >= 1 && Number(r) <= 32 && Number(p) >= 1 && Number(p) <= 16;
  if (!sane) return false;
  const key = await scrypt(password, Buffer.from(salt, 'base64'), expected.length, {
    N,
    r: Number(r),
    p: Number(p),
    maxmem: 256 * N * Number(r),
  });
  return timingSafeEqual(key, expected);
}
