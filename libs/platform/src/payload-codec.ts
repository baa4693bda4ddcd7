import type { Payload, PayloadCodec } from '@temporalio/common';
import { METADATA_ENCODING_KEY } from '@temporalio/common';
import protobufs from '@temporalio/proto';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { PayloadKeys } from './payload-keys.js';

const { temporal } = protobufs;
export const ENCRYPTED_ENCODING = 'binary/encrypted';
export const KEY_ID_METADATA = 'encryption-key-id';
export const VERSION_METADATA = 'encryption-version';
/**
 * What a payload that arrived unencrypted is turned into: an encoding no payload converter knows,
 * so that converting it fails where the SDK turns that into a refusal (an update's arguments are
 * rejected before the update is accepted) instead of a workflow acting on what an outsider wrote.
 */
export const REFUSED_PLAINTEXT_ENCODING = 'breachflow/refused-unencrypted-payload';
/** Version 2 binds the key id as additional authenticated data; version 1 (no version in the metadata) did not. */
const CURRENT_VERSION = '2';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** The additional authenticated data of a version-2 payload: relabelling its key id breaks the tag. */
const additionalData = (keyId: string) => Buffer.from(`breachflow/payload/v${CURRENT_VERSION}\0${keyId}`, 'utf8');
const text = (bytes: Uint8Array | null | undefined) => Buffer.from(bytes ?? new Uint8Array()).toString('utf8');

export interface PayloadCodecOptions {
  /**
   * `refuse` (workers and clients): an unencrypted payload is never handed on as what it claims to
   * be. `pass-through` (the codec server behind the Web UI): the UI is shown what the server
   * already stores in plaintext (Core's markers, search attributes, headers) as it is.
   */
  unencrypted: 'refuse' | 'pass-through';
}

/**
 * Encrypts every Temporal payload with AES-256-GCM so that incident facts never sit in plaintext
 * in workflow history. The key id travels in the metadata, bound to the ciphertext as additional
 * authenticated data, so keys rotate: old payloads stay readable while their key is configured.
 */
export class AesGcmPayloadCodec implements PayloadCodec {
  private readonly keys: Map<string, Buffer>;
  private readonly currentKeyId: string;

  constructor(
    { currentKeyId, keys }: PayloadKeys,
    private readonly options: PayloadCodecOptions = { unencrypted: 'refuse' },
  ) {
    this.currentKeyId = currentKeyId;
    this.keys = new Map(Object.entries(keys));
    for (const [id, key] of this.keys) if (key.length !== 32) throw new Error(`payload key ${id} must be 32 bytes`);
    if (!this.keys.has(currentKeyId)) throw new Error(`payload key ${currentKeyId} must be 32 bytes`);
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    const key = this.keys.get(this.currentKeyId)!;
    return payloads.map((payload) => {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(additionalData(this.currentKeyId));
      const plain = temporal.api.common.v1.Payload.encode(payload).finish();
      const data = Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
      return {
        metadata: {
          [METADATA_ENCODING_KEY]: Buffer.from(ENCRYPTED_ENCODING),
          [KEY_ID_METADATA]: Buffer.from(this.currentKeyId),
          [VERSION_METADATA]: Buffer.from(CURRENT_VERSION),
        },
        data,
      };
    });
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      if (text(payload.metadata?.[METADATA_ENCODING_KEY]) !== ENCRYPTED_ENCODING) {
        if (this.options.unencrypted === 'pass-through') return payload;
        return { metadata: { [METADATA_ENCODING_KEY]: Buffer.from(REFUSED_PLAINTEXT_ENCODING) }, data: new Uint8Array() };
      }
      const keyId = text(payload.metadata?.[KEY_ID_METADATA]);
      const key = this.keys.get(keyId);
      if (!key) throw new Error(`no payload key configured for key id ${keyId}`);
      const version = payload.metadata?.[VERSION_METADATA] === undefined ? '1' : text(payload.metadata[VERSION_METADATA]);
      if (version !== '1' && version !== CURRENT_VERSION) throw new Error(`unknown payload encryption version ${version}`);
      const data = Buffer.from(payload.data ?? new Uint8Array());
      if (data.length < IV_BYTES + TAG_BYTES) throw new Error('an encrypted payload too short to hold its IV and tag');
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, IV_BYTES));
      // Version 1 (before the key id was authenticated) is still read, so histories in flight replay.
      if (version === CURRENT_VERSION) decipher.setAAD(additionalData(keyId));
      decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
      const plain = Buffer.concat([decipher.update(data.subarray(IV_BYTES, data.length - TAG_BYTES)), decipher.final()]);
      return temporal.api.common.v1.Payload.decode(plain);
    });
  }
}
