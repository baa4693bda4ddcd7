/**
 * The repository describes its own layout: nest-cli.json names every app and lib, each where it
 * says, and the project stands alone (nothing reaches outside the clone).
 */
import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const nestCli = JSON.parse(readFileSync(`${root}nest-cli.json`, 'utf8')) as {
  monorepo: boolean;
  root: string;
  projects: Record<string, { type: 'application' | 'library'; root: string; sourceRoot: string; entryFile?: string }>;
};
const directories = (parent: string) => readdirSync(`${root}${parent}`, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => `${parent}/${entry.name}`);

describe('nest-cli.json', () => {
  it('describes a monorepo whose default project exists', () => {
    expect(nestCli.monorepo).toBe(true);
    expect(existsSync(`${root}${nestCli.root}`)).toBe(true);
  });

  it('lists every app and every lib, each with its source root and an entry file that exists', () => {
    const listed = Object.values(nestCli.projects).map((project) => project.root).sort();
    expect(listed).toEqual([...directories('apps').filter((dir) => dir !== 'apps/web'), ...directories('libs')].sort());
    for (const project of Object.values(nestCli.projects)) {
      expect(existsSync(`${root}${project.sourceRoot}`)).toBe(true);
      if (project.type === 'application') expect(existsSync(`${root}${project.sourceRoot}/${project.entryFile}.ts`)).toBe(true);
    }
  });
});

describe('the project stands alone', () => {
  it('has no tracked file that reads or links anything beside the clone', () => {
    const grep = () => execFileSync('git', ['grep', '-n', '-I', '-E', String.raw`\.\./shared\b`, '--', '.', ':!test/unit/project/layout.test.ts'], { cwd: root, encoding: 'utf8' });
    // git grep exits 1 when nothing matches.
    expect(() => grep()).toThrow(expect.objectContaining({ status: 1 }));
  });
});
