import { createHash } from 'node:crypto';
import { useSha256Implementation } from '../../domain/src/risk/sha256.js';

/** Gives the risk model Node's native SHA-256 (about ten times faster than the portable one). */
export function installNativeSha256(): void {
  useSha256Implementation((input) => createHash('sha256').update(input).digest('hex'));
}
