import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from './config.js';

const IV_BYTES = 12;
const TAG_BYTES = 16;
/** IVs drawn from the system's random source at once: one call per 4,096 seals instead of one each (a third of a seal's cost). */
const IVS_PER_DRAW = 4_096;

/**
 * Seals the contact details of the people a notice goes to (AES-256-GCM, a fresh IV each time,
 * the key id stored beside the ciphertext so keys can rotate: rows sealed with a retired key stay
 * readable while it is configured, and `reseal` moves them to the current one). The identity hash
 * is an HMAC under a key of its own that never rotates with the sealing keys, so the same person is
 * recognised across imports and a delivery record can be checked against an address without
 * keeping it.
 */
export class RecipientCipher {
  private readonly keys: Map<string, Buffer>;
  private ivs = Buffer.alloc(0);
  private nextIv = 0;

  constructor(
    readonly currentKeyId: string,
    keys: Record<string, Buffer>,
    private readonly hashKey: Buffer,
  ) {
    this.keys = new Map(Object.entries(keys));
    for (const [id, key] of this.keys) if (key.length !== 32) throw new Error(`recipient key ${id} must be 32 bytes`);
    if (!this.keys.has(currentKeyId)) throw new Error(`recipient key ${currentKeyId} is not configured`);
    if (hashKey.length < 32) throw new Error('the recipient hash key must be at least 32 bytes');
  }

  /**
   * `RECIPIENT_KEYS` ("id:base64,id:base64", the first is current) and `RECIPIENT_HASH_KEY`; when
   * absent, both are derived (HKDF-SHA-256) from the payload key, each for its own purpose.
   */
  static fromConfig(config: Pick<AppConfig, 'PAYLOAD_ENCRYPTION_KEY' | 'PAYLOAD_ENCRYPTION_KEY_ID' | 'RECIPIENT_KEYS' | 'RECIPIENT_HASH_KEY'>): RecipientCipher {
    const derive = (purpose: string) => {
      // The configuration refuses to start without PAYLOAD_ENCRYPTION_KEY unless both recipient keys are given.
      if (config.PAYLOAD_ENCRYPTION_KEY === undefined) throw new Error(`no PAYLOAD_ENCRYPTION_KEY to derive the ${purpose} key from`);
      return Buffer.from(hkdfSync('sha256', Buffer.from(config.PAYLOAD_ENCRYPTION_KEY, 'base64'), Buffer.alloc(0), `breachflow/${purpose}`, 32));
    };
    const hashKey = config.RECIPIENT_HASH_KEY ? Buffer.from(config.RECIPIENT_HASH_KEY, 'base64') : derive('recipient-identity');
    if (!config.RECIPIENT_KEYS) {
      const id = `derived-${config.PAYLOAD_ENCRYPTION_KEY_ID}`;
      return new RecipientCipher(id, { [id]: derive(`recipient-seal/${config.PAYLOAD_ENCRYPTION_KEY_ID}`) }, hashKey);
    }
    const entries = config.RECIPIENT_KEYS.split(',').map((entry) => {
      const [id, key] = entry.split(':');
      return [id!.trim(), Buffer.from(key!.trim(), 'base64')] as const;
    });
    return new RecipientCipher(entries[0]![0], Object.fromEntries(entries), hashKey);
  }

  seal(value: object): { keyId: string; sealed: Buffer } {
    const iv = this.freshIv();
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.currentKeyId)!, iv);
    const sealed = Buffer.concat([iv, cipher.update(JSON.stringify(value), 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return { keyId: this.currentKeyId, sealed };
  }

  open<T>(keyId: string, sealed: Buffer): T {
    const key = this.keys.get(keyId);
    if (!key) throw new Error(`no recipient key configured for key id ${keyId}`);
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, IV_BYTES));
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    return JSON.parse(Buffer.concat([decipher.update(sealed.subarray(IV_BYTES, sealed.length - TAG_BYTES)), decipher.final()]).toString('utf8')) as T;
  }

  /** A random 96-bit IV, never handed out twice: the pool is consumed, not reused. */
  private freshIv(): Buffer {
    if (this.nextIv === this.ivs.length) {
      this.ivs = randomBytes(IV_BYTES * IVS_PER_DRAW);
      this.nextIv = 0;
    }
    const iv = this.ivs.subarray(this.nextIv, this.nextIv + IV_BYTES);
    this.nextIv += IV_BYTES;
    return iv;
  }

  /** Sealed with a key other than the current one: re-seal it (key rotation). */
  needsReseal(keyId: string): boolean {
    return keyId !== this.currentKeyId;
  }

  identityHash(identity: string): string {
    return createHmac('sha256', this.hashKey).update(identity, 'utf8').digest('hex');
  }
}

/** The Nest provider: one cipher per process, from the configuration. */
export const recipientCipherProvider = { provide: RecipientCipher, inject: [APP_CONFIG], useFactory: (config: AppConfig) => RecipientCipher.fromConfig(config) };
