import { describe, expect, it } from '@jest/globals';
import { defaultPayloadConverter, METADATA_ENCODING_KEY, type Payload } from '@temporalio/common';
import { randomBytes } from 'node:crypto';
import { createCipheriv } from 'node:crypto';
import protobufs from '@temporalio/proto';
import { AesGcmPayloadCodec, REFUSED_PLAINTEXT_ENCODING } from '../../../libs/platform/src/payload-codec.js';
import { payloadKeysOf } from '../../../libs/platform/src/payload-keys.js';

/** Incident facts as the SDK turns them into a payload: `json/plain` metadata, UTF-8 JSON bytes. */
const facts = { title: 'Lab results e-mailed to the wrong patient', recipient: 'anna.andersson@example.se', personnummer: '19121212-1212' };
const payloadOf = (value: unknown): Payload => defaultPayloadConverter.toPayload(value);
const valueOf = (payload: Payload): unknown => defaultPayloadConverter.fromPayload(payload);
const text = (bytes: Uint8Array | null | undefined) => Buffer.from(bytes ?? new Uint8Array()).toString('utf8');

const keyA = randomBytes(32);
const keyB = randomBytes(32);
const codec = new AesGcmPayloadCodec({ currentKeyId: 'key-1', keys: { 'key-1': keyA } });

async function encodeOne(value: unknown, using = codec): Promise<Payload> {
  const [encoded] = await using.encode([payloadOf(value)]);
  return encoded!;
}

/** A copy of an encoded payload with one byte of its data flipped at `index` (negative: from the end). */
function withFlippedByte(payload: Payload, index: number): Payload {
  const data = Buffer.from(payload.data!);
  const at = index < 0 ? data.length + index : index;
  data[at] = data[at]! ^ 0x01;
  return { metadata: payload.metadata, data };
}

describe('the payload codec that keeps incident facts out of Temporal history in plaintext', () => {
  it('builds its test payloads the way the SDK does', () => {
    const payload = payloadOf(facts);
    expect(text(payload.metadata![METADATA_ENCODING_KEY])).toBe('json/plain');
    expect(JSON.parse(text(payload.data))).toEqual(facts);
  });

  it('gives back exactly the payload it was given (round trip)', async () => {
    const original = payloadOf(facts);
    const [decoded] = await codec.decode([await encodeOne(facts)]);
    expect(valueOf(decoded!)).toEqual(facts);
    expect(text(decoded!.metadata![METADATA_ENCODING_KEY])).toBe('json/plain');
    expect(Buffer.from(decoded!.data!).equals(Buffer.from(original.data!))).toBe(true);
  });

  it('round-trips several payloads at once, in order', async () => {
    const values = ['first', { second: 2 }, [3], null];
    const encoded = await codec.encode(values.map(payloadOf));
    const decoded = await codec.decode(encoded);
    expect(decoded.map(valueOf)).toEqual(values);
  });

  it('marks an encoded payload as binary/encrypted and records the id of the key it used', async () => {
    const encoded = await encodeOne(facts);
    expect(text(encoded.metadata![METADATA_ENCODING_KEY])).toBe('binary/encrypted');
    expect(text(encoded.metadata!['encryption-key-id'])).toBe('key-1');
    expect(text(encoded.metadata!['encryption-version'])).toBe('2');
    expect(Object.keys(encoded.metadata!).sort()).toEqual(['encoding', 'encryption-key-id', 'encryption-version']);
  });

  it('leaves no fact readable in the stored bytes: neither the data nor the original metadata', async () => {
    const encoded = await encodeOne(facts);
    const stored = Buffer.concat([Buffer.from(encoded.data!), ...Object.values(encoded.metadata!).map((v) => Buffer.from(v))]);
    for (const secret of [facts.recipient, facts.personnummer, 'wrong patient', 'json/plain']) {
      expect(stored.includes(Buffer.from(secret))).toBe(false);
    }
  });

  it('encrypts the same facts differently every time (a fresh random IV per payload)', async () => {
    const first = await encodeOne(facts);
    const second = await encodeOne(facts);
    expect(Buffer.from(first.data!).equals(Buffer.from(second.data!))).toBe(false);
    expect(Buffer.from(first.data!).subarray(0, 12).equals(Buffer.from(second.data!).subarray(0, 12))).toBe(false);
    const decoded = await codec.decode([first, second]);
    expect(decoded.map(valueOf)).toEqual([facts, facts]);
  });

  describe('refuses a payload that was changed after it was written', () => {
    it.each([
      ['the ciphertext', 20],
      ['the IV', 0],
      ['the authentication tag', -1],
    ])('fails to decode when a bit of %s is flipped', async (_part, index) => {
      const tampered = withFlippedByte(await encodeOne(facts), index);
      await expect(codec.decode([tampered])).rejects.toThrow();
    });

    it('fails to decode a truncated payload', async () => {
      const encoded = await encodeOne(facts);
      const truncated = { metadata: encoded.metadata, data: Buffer.from(encoded.data!).subarray(0, 20) };
      await expect(codec.decode([truncated])).rejects.toThrow();
    });

    it('fails to decode when the key id is changed to another configured key', async () => {
      const encoded = await encodeOne(facts);
      const twoKeys = new AesGcmPayloadCodec({ currentKeyId: 'key-1', keys: { 'key-1': keyA, 'key-2': keyB } });
      const relabelled = { metadata: { ...encoded.metadata, 'encryption-key-id': Buffer.from('key-2') }, data: encoded.data };
      await expect(twoKeys.decode([relabelled])).rejects.toThrow();
    });
  });

  it('fails to decode a payload under a key id it does not know, naming that key id', async () => {
    const fromElsewhere = new AesGcmPayloadCodec({ currentKeyId: 'key-from-another-cluster', keys: { 'key-from-another-cluster': keyB } });
    const encoded = await encodeOne(facts, fromElsewhere);
    await expect(codec.decode([encoded])).rejects.toThrow('no payload key configured for key id key-from-another-cluster');
  });

  describe('refuses what was not encrypted by a holder of the key', () => {
    const refused = (payload: Payload) => text(payload.metadata![METADATA_ENCODING_KEY]) === REFUSED_PLAINTEXT_ENCODING && (payload.data?.length ?? 0) === 0;

    it('turns a plaintext payload (a client without the codec) into one no converter accepts, dropping its content', async () => {
      const forged = payloadOf({ track: 'gdpr-art33', status: 'filed' });
      const [decoded] = await codec.decode([forged]);
      expect(refused(decoded!)).toBe(true);
      expect(() => valueOf(decoded!)).toThrow(/Unknown encoding/);
    });

    it('refuses a payload without metadata as well', async () => {
      const [decoded] = await codec.decode([{ data: Buffer.from('raw') }]);
      expect(refused(decoded!)).toBe(true);
    });

    it('passes plaintext through unchanged only when asked to (the codec server showing history to the Web UI)', async () => {
      const display = new AesGcmPayloadCodec({ currentKeyId: 'key-1', keys: { 'key-1': keyA } }, { unencrypted: 'pass-through' });
      const marker = payloadOf({ patch_id: 'tracks-take-over-art33-clock' });
      const [decoded] = await display.decode([marker]);
      expect(decoded).toBe(marker);
      expect(valueOf((await display.decode([await encodeOne(facts)]))[0]!)).toEqual(facts);
    });

    it('refuses an unknown encryption version', async () => {
      const encoded = await encodeOne(facts);
      const future = { metadata: { ...encoded.metadata, 'encryption-version': Buffer.from('3') }, data: encoded.data };
      await expect(codec.decode([future])).rejects.toThrow('unknown payload encryption version 3');
    });
  });

  describe('the key id is authenticated (additional authenticated data)', () => {
    it('fails to decode when the key id is relabelled, even to the same key under another name', async () => {
      const sameKeyTwoNames = new AesGcmPayloadCodec({ currentKeyId: 'key-1', keys: { 'key-1': keyA, 'key-1-alias': keyA } });
      const encoded = await encodeOne(facts, sameKeyTwoNames);
      const relabelled = { metadata: { ...encoded.metadata, 'encryption-key-id': Buffer.from('key-1-alias') }, data: encoded.data };
      await expect(sameKeyTwoNames.decode([relabelled])).rejects.toThrow(/authenticate/);
    });

    it('fails to decode a version-2 payload passed off as version 1 (the AAD cannot be stripped)', async () => {
      const encoded = await encodeOne(facts);
      const { 'encryption-version': _version, ...withoutVersion } = encoded.metadata!;
      await expect(codec.decode([{ metadata: withoutVersion, data: encoded.data }])).rejects.toThrow(/authenticate/);
    });
  });

  describe('payloads written before the key id was authenticated (version 1, no version in the metadata)', () => {
    /** Exactly what the codec wrote before: AES-256-GCM without AAD, metadata encoding and key id only. */
    const versionOne = (value: unknown, keyId: string, key: Buffer): Payload => {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const plain = protobufs.temporal.api.common.v1.Payload.encode(payloadOf(value)).finish();
      return {
        metadata: { encoding: Buffer.from('binary/encrypted'), 'encryption-key-id': Buffer.from(keyId) },
        data: Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]),
      };
    };

    it('still decodes them, so incidents in flight continue after the upgrade', async () => {
      const [decoded] = await codec.decode([versionOne(facts, 'key-1', keyA)]);
      expect(valueOf(decoded!)).toEqual(facts);
    });

    it('still refuses one whose bytes were changed', async () => {
      await expect(codec.decode([withFlippedByte(versionOne(facts, 'key-1', keyA), 20)])).rejects.toThrow();
    });
  });

  describe('key rotation', () => {
    const oldCodec = new AesGcmPayloadCodec({ currentKeyId: 'old', keys: { old: keyA } });
    const rotated = new AesGcmPayloadCodec({ currentKeyId: 'new', keys: { old: keyA, new: keyB } });

    it('still reads history written under the old key once the new key is current', async () => {
      const writtenBefore = await encodeOne(facts, oldCodec);
      const [decoded] = await rotated.decode([writtenBefore]);
      expect(valueOf(decoded!)).toEqual(facts);
    });

    it('writes new payloads under the new key only', async () => {
      const writtenAfter = await encodeOne(facts, rotated);
      expect(text(writtenAfter.metadata!['encryption-key-id'])).toBe('new');
      await expect(oldCodec.decode([writtenAfter])).rejects.toThrow('no payload key configured for key id new');
    });

    it('can no longer read history under the old key once that key is removed', async () => {
      const writtenBefore = await encodeOne(facts, oldCodec);
      const newOnly = new AesGcmPayloadCodec({ currentKeyId: 'new', keys: { new: keyB } });
      await expect(newOnly.decode([writtenBefore])).rejects.toThrow('no payload key configured for key id old');
    });
  });

  describe('configuration', () => {
    it('refuses a current key that is not 32 bytes (AES-256), naming the key id', () => {
      expect(() => new AesGcmPayloadCodec({ currentKeyId: 'key-1', keys: { 'key-1': randomBytes(31) } })).toThrow('payload key key-1 must be 32 bytes');
      expect(() => new AesGcmPayloadCodec({ currentKeyId: 'key-1', keys: { 'key-1': randomBytes(33) } })).toThrow('payload key key-1 must be 32 bytes');
    });

    it('refuses a current key id that has no key, naming it', () => {
      expect(() => new AesGcmPayloadCodec({ currentKeyId: 'key-2', keys: { 'key-1': keyA } })).toThrow('payload key key-2 must be 32 bytes');
    });

    it('builds its keys from PAYLOAD_ENCRYPTION_KEY alone (a single-key deployment)', async () => {
      const single = new AesGcmPayloadCodec(payloadKeysOf({ PAYLOAD_ENCRYPTION_KEY: keyA.toString('base64'), PAYLOAD_ENCRYPTION_KEY_ID: 'key-7', PAYLOAD_ENCRYPTION_KEYS: undefined }));
      const encoded = await encodeOne(facts, single);
      expect(text(encoded.metadata!['encryption-key-id'])).toBe('key-7');
      const sameKey = new AesGcmPayloadCodec({ currentKeyId: 'key-7', keys: { 'key-7': keyA } });
      expect(valueOf((await sameKey.decode([encoded]))[0]!)).toEqual(facts);
    });

    it('takes the first of PAYLOAD_ENCRYPTION_KEYS as current and keeps PAYLOAD_ENCRYPTION_KEY readable', async () => {
      const config = { PAYLOAD_ENCRYPTION_KEY: keyA.toString('base64'), PAYLOAD_ENCRYPTION_KEY_ID: 'key-1', PAYLOAD_ENCRYPTION_KEYS: `key-2:${keyB.toString('base64')}` };
      expect(Object.keys(payloadKeysOf(config).keys).sort()).toEqual(['key-1', 'key-2']);
      const rotated = new AesGcmPayloadCodec(payloadKeysOf(config));
      expect(text((await encodeOne(facts, rotated)).metadata!['encryption-key-id'])).toBe('key-2');
      expect(valueOf((await rotated.decode([await encodeOne(facts)]))[0]!)).toEqual(facts);
    });

    it('refuses one key id naming two different keys', () => {
      expect(() =>
        payloadKeysOf({ PAYLOAD_ENCRYPTION_KEY: keyA.toString('base64'), PAYLOAD_ENCRYPTION_KEY_ID: 'key-1', PAYLOAD_ENCRYPTION_KEYS: `key-1:${keyB.toString('base64')}` }),
      ).toThrow('payload key id key-1 names two different keys');
    });

    it('refuses any configured key that is not 32 bytes, not only the current one', () => {
      expect(() => new AesGcmPayloadCodec({ currentKeyId: 'key-1', keys: { 'key-1': keyA, old: randomBytes(16) } })).toThrow('payload key old must be 32 bytes');
    });
  });
});
