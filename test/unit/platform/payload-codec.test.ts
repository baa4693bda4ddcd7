import { describe, expect, it } from '@jest/globals';
import { defaultPayloadConverter, METADATA_ENCODING_KEY, type Payload } from '@temporalio/common';
import { randomBytes } from 'node:crypto';
import { AesGcmPayloadCodec } from '../../../libs/platform/src/payload-codec.js';

/** Incident facts as the SDK turns them into a payload: `json/plain` metadata, UTF-8 JSON bytes. */
const facts = { title: 'Lab results e-mailed to the wrong patient', recipient: 'anna.andersson@example.se', personnummer: '19121212-1212' };
const payloadOf = (value: unknown): Payload => defaultPayloadConverter.toPayload(value);
const valueOf = (payload: Payload): unknown => defaultPayloadConverter.fromPayload(payload);
const text = (bytes: Uint8Array | null | undefined) => Buffer.from(bytes ?? new Uint8Array()).toString('utf8');

const keyA = randomBytes(32);
const keyB = randomBytes(32);
const codec = new AesGcmPayloadCodec('key-1', { 'key-1': keyA });

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
    expect(Object.keys(encoded.metadata!).sort()).toEqual(['encoding', 'encryption-key-id']);
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
      const twoKeys = new AesGcmPayloadCodec('key-1', { 'key-1': keyA, 'key-2': keyB });
      const relabelled = { metadata: { ...encoded.metadata, 'encryption-key-id': Buffer.from('key-2') }, data: encoded.data };
      await expect(twoKeys.decode([relabelled])).rejects.toThrow();
    });
  });

  it('fails to decode a payload under a key id it does not know, naming that key id', async () => {
    const fromElsewhere = new AesGcmPayloadCodec('key-from-another-cluster', { 'key-from-another-cluster': keyB });
    const encoded = await encodeOne(facts, fromElsewhere);
    await expect(codec.decode([encoded])).rejects.toThrow('no payload key configured for key id key-from-another-cluster');
  });

  it('passes a payload that was never encrypted through decode unchanged', async () => {
    const plain = payloadOf({ note: 'written before encryption was switched on' });
    const [decoded] = await codec.decode([plain]);
    expect(decoded).toBe(plain);
  });

  it('passes a payload without metadata through decode unchanged', async () => {
    const bare: Payload = { data: Buffer.from('raw') };
    const [decoded] = await codec.decode([bare]);
    expect(decoded).toBe(bare);
  });

  describe('key rotation', () => {
    const oldCodec = new AesGcmPayloadCodec('old', { old: keyA });
    const rotated = new AesGcmPayloadCodec('new', { old: keyA, new: keyB });

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
      const newOnly = new AesGcmPayloadCodec('new', { new: keyB });
      await expect(newOnly.decode([writtenBefore])).rejects.toThrow('no payload key configured for key id old');
    });
  });

  describe('configuration', () => {
    it('refuses a current key that is not 32 bytes (AES-256), naming the key id', () => {
      expect(() => new AesGcmPayloadCodec('key-1', { 'key-1': randomBytes(31) })).toThrow('payload key key-1 must be 32 bytes');
      expect(() => new AesGcmPayloadCodec('key-1', { 'key-1': randomBytes(33) })).toThrow('payload key key-1 must be 32 bytes');
    });

    it('refuses a current key id that has no key, naming it', () => {
      expect(() => new AesGcmPayloadCodec('key-2', { 'key-1': keyA })).toThrow('payload key key-2 must be 32 bytes');
    });

    it('builds a working codec from a base64 key as found in PAYLOAD_ENCRYPTION_KEY', async () => {
      const fromEnv = AesGcmPayloadCodec.fromBase64('key-7', keyA.toString('base64'));
      const encoded = await encodeOne(facts, fromEnv);
      expect(text(encoded.metadata!['encryption-key-id'])).toBe('key-7');
      const sameKey = new AesGcmPayloadCodec('key-7', { 'key-7': keyA });
      expect(valueOf((await sameKey.decode([encoded]))[0]!)).toEqual(facts);
    });
  });
});
