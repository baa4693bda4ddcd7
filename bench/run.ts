// `node dist/bench/run.js [name...]` (or `npm run bench -- [name...]`): runs the named
// benchmarks, default all, one after another, and prints a Markdown block per benchmark.
// BENCH_RAW_DIR=<dir> also writes every sample as JSON, for a closer look at a distribution.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeMachine, machineMarkdown } from './support/machine.js';
import { progress } from './support/services.js';
import { benchmarks } from './registry.js';

async function main(names: string[]): Promise<number> {
  const unknown = names.filter((name) => !benchmarks.some((entry) => entry.name === name));
  if (unknown.length > 0) {
    console.error(`unknown benchmark(s): ${unknown.join(', ')}; known: ${benchmarks.map((entry) => entry.name).join(', ')}`);
    return 2;
  }
  const selected = names.length > 0 ? benchmarks.filter((entry) => names.includes(entry.name)) : benchmarks;
  let failures = 0;
  for (const entry of selected) {
    const { benchmark } = await entry.load();
    progress(`running ${benchmark.name}`);
    const machine = describeMachine();
    const result = await benchmark.run();
    if (!result.ok) failures += 1;
    const rawDir = process.env.BENCH_RAW_DIR;
    if (rawDir && result.raw) {
      mkdirSync(rawDir, { recursive: true });
      writeFileSync(join(rawDir, `${benchmark.name}.json`), JSON.stringify({ machine, samples: result.raw }));
      progress(`raw samples written to ${join(rawDir, `${benchmark.name}.json`)}`);
    }
    console.log(`## ${benchmark.title} (\`${benchmark.name}\`)\n\n${machineMarkdown(machine)}\n\n${result.markdown.trim()}\n`);
  }
  return failures === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
