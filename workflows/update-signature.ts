import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * The API signs every workflow update it sends, and the workflows refuse an update that does not
 * carry a valid signature: whoever reaches Temporal without going through the API — with or
 * without the payload key — cannot take a human step in anyone's name. Pure JavaScript HMAC, so it
 * runs in the workflow sandbox (no Node crypto there), and shared by both sides so they cannot
 * disagree on what is signed.
 */
export const UPDATE_SIGNATURE_HEADER = 'breachflow-update-signature';
/** How far the signing time may lie from the workflow task's time (clock skew, a queued task). */
export const UPDATE_SIGNATURE_MAX_SKEW_MS = 5 * 60_000;

export interface SignedUpdate {
  workflowId: string;
  updateName: string;
  /** Temporal runs an update id once per workflow: binding it makes a captured signature worthless for another update. */
  updateId: string;
  /** The update's arguments as the workflow receives them (JSON, the default payload converter's form). */
  args: readonly unknown[];
  /** ISO-8601: when the API signed it. */
  signedAt: string;
}

/** What travels in the update's header (plaintext: an HMAC tag and a time give nothing away). */
export interface UpdateSignatureHeader {
  signedAt: string;
  signature: string;
}

/**
 * The text the HMAC covers. The arguments are serialised with JSON.stringify, which is how the
 * default payload converter writes them, so the client's values and the workflow's decoded copy
 * give the same text.
 */
const signedText = (update: SignedUpdate): string =>
  JSON.stringify(['breachflow/update/v1', update.workflowId, update.updateName, update.updateId, update.signedAt, update.args]);

export function updateSignature(key: Uint8Array, update: SignedUpdate): string {
  return bytesToHex(hmac(sha256, key, utf8ToBytes(signedText(update))));
}

/** Compares every character, so the time taken says nothing about where two tags differ. */
function equalInConstantTime(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i += 1) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}

/** Why an update's signature is not accepted, or undefined when it is. `now` is the workflow's time. */
export function refuseUpdateSignature(key: Uint8Array | undefined, update: Omit<SignedUpdate, 'signedAt'>, header: unknown, now: number): string | undefined {
  if (!key) return 'this worker holds no update signing key, so it accepts no update';
  if (!header || typeof header !== 'object') return 'the update is not signed by the API';
  const { signedAt, signature } = header as Partial<UpdateSignatureHeader>;
  if (typeof signedAt !== 'string' || typeof signature !== 'string') return 'the update is not signed by the API';
  const signedAtMs = Date.parse(signedAt);
  if (Number.isNaN(signedAtMs) || Math.abs(now - signedAtMs) > UPDATE_SIGNATURE_MAX_SKEW_MS) return 'the update\'s signature is too old or from the future';
  if (!equalInConstantTime(signature, updateSignature(key, { ...update, signedAt }))) return 'the update\'s signature does not match it';
  return undefined;
}
