import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The directory holding the project's package.json, found by walking up from this module. The
 * same code runs from source (Jest) and from dist/, which sit at different depths, and neither
 * the API nor the worker should depend on the directory they were started from.
 */
export function findProjectRoot(startUrl: string = import.meta.url): string {
  let directory = dirname(fileURLToPath(startUrl));
  for (;;) {
    if (existsSync(join(directory, 'package.json'))) return directory;
    const parent = dirname(directory);
    if (parent === directory) throw new Error(`no package.json above ${fileURLToPath(startUrl)}`);
    directory = parent;
  }
}

export function defaultTemplatesDir(): string {
  return join(findProjectRoot(), 'templates');
}
