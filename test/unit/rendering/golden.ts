import { expect } from '@jest/globals';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Golden files: the rendered bytes are compared with a checked-in copy, byte for byte. Run with
 * `UPDATE_GOLDEN=1` to write the copies instead (then review the diff before committing); a normal
 * run only compares, and fails on any difference or on a missing golden file.
 */
export const UPDATING_GOLDEN = process.env.UPDATE_GOLDEN === '1';

export const goldenPath = (name: string): string => fileURLToPath(new URL(`./golden/${name}`, import.meta.url));

/** Why the bytes differ from the golden file, or null when they are the same. Never writes. */
export function goldenMismatch(name: string, actual: string | Buffer): string | null {
  const file = goldenPath(name);
  if (!existsSync(file)) return `golden file ${file} does not exist: run the tests with UPDATE_GOLDEN=1 to create it`;
  const expected = readFileSync(file);
  const bytes = typeof actual === 'string' ? Buffer.from(actual, 'utf8') : actual;
  if (expected.equals(bytes)) return null;
  let offset = 0;
  while (offset < expected.length && offset < bytes.length && expected[offset] === bytes[offset]) offset++;
  const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex');
  return (
    `${name} differs from its golden file from byte ${offset} on ` +
    `(golden ${expected.length} bytes, sha256 ${sha(expected)}; rendered ${bytes.length} bytes, sha256 ${sha(bytes)}). ` +
    'If the change is intended, run the tests with UPDATE_GOLDEN=1 and review the diff.'
  );
}

export function expectGolden(name: string, actual: string | Buffer): void {
  if (UPDATING_GOLDEN) {
    const file = goldenPath(name);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  const mismatch = goldenMismatch(name, actual);
  if (mismatch !== null && typeof actual === 'string' && existsSync(goldenPath(name))) {
    // Text goldens: show the line-by-line difference.
    expect(actual).toBe(readFileSync(goldenPath(name), 'utf8'));
  }
  expect(mismatch).toBeNull();
}
