import type { AppConfig } from './config.js';

/** The payload keys a process holds: the current one encrypts, every one decrypts. */
export interface PayloadKeys {
  currentKeyId: string;
  keys: Record<string, Buffer>;
}

/**
 * `PAYLOAD_ENCRYPTION_KEYS` ("id:base64,…", the first is current) together with the single key of
 * `PAYLOAD_ENCRYPTION_KEY` under `PAYLOAD_ENCRYPTION_KEY_ID`, which a deployment started with: it
 * is current when no list is given, and otherwise stays readable so that history written under it
 * still decodes. One id naming two different keys is refused, never resolved silently.
 */
export function payloadKeysOf(config: Pick<AppConfig, 'PAYLOAD_ENCRYPTION_KEY' | 'PAYLOAD_ENCRYPTION_KEY_ID' | 'PAYLOAD_ENCRYPTION_KEYS'>): PayloadKeys {
  const listed = (config.PAYLOAD_ENCRYPTION_KEYS ?? '')
    .split(',')
    .filter((entry) => entry.trim() !== '')
    .map((entry) => {
      const [id, key] = entry.split(':');
      return [id!.trim(), Buffer.from(key!.trim(), 'base64')] as const;
    });
  const keys: Record<string, Buffer> = {};
  const add = (id: string, key: Buffer, source: string) => {
    const known = keys[id];
    if (known && !known.equals(key)) throw new Error(`payload key id ${id} names two different keys (${source})`);
    keys[id] = key;
  };
  for (const [id, key] of listed) add(id, key, 'PAYLOAD_ENCRYPTION_KEYS');
  if (config.PAYLOAD_ENCRYPTION_KEY !== undefined) {
    add(config.PAYLOAD_ENCRYPTION_KEY_ID, Buffer.from(config.PAYLOAD_ENCRYPTION_KEY, 'base64'), 'PAYLOAD_ENCRYPTION_KEY_ID and PAYLOAD_ENCRYPTION_KEYS');
  }
  const currentKeyId = listed[0]?.[0] ?? config.PAYLOAD_ENCRYPTION_KEY_ID;
  return { currentKeyId, keys };
}
