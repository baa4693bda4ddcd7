import { canonicalRegister } from './register-canonical.js';
import type { RegisterEntry } from './register-entry.js';

/**
 * The register as JSON: an array of entries in register order, each in its canonical shape,
 * indented, with a final newline. The same entries give the same bytes whatever order they,
 * their keys or their unordered lists arrive in, so two exports can be compared with a diff.
 */
export function registerToJson(entries: readonly RegisterEntry[]): string {
  return `${JSON.stringify(canonicalRegister(entries), null, 2)}\n`;
}
