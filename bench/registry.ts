// The benchmarks `node dist/bench/run.js` knows, one file each. A benchmark is loaded only when
// it runs, so one benchmark's imports (Nest, Temporal) cost nothing to another.

export interface BenchmarkResult {
  /** Markdown: what was measured, the figures, the verdict. */
  markdown: string;
  /** False when a check inside the benchmark failed (e.g. samples that did not do what was measured). */
  ok: boolean;
  /** Every sample by series (ms), written to $BENCH_RAW_DIR/<name>.json when that is set. */
  raw?: Record<string, number[]>;
}

export interface Benchmark {
  name: string;
  title: string;
  run(): Promise<BenchmarkResult>;
}

interface BenchmarkEntry {
  name: string;
  load(): Promise<{ benchmark: Benchmark }>;
}

export const benchmarks: readonly BenchmarkEntry[] = [
  { name: 'create-incident-to-workflow', load: () => import('./create-incident-to-workflow.bench.js') },
  { name: 'risk-assessment', load: () => import('./risk-assessment.bench.js') },
  { name: 'risk-endpoint', load: () => import('./risk-endpoint.bench.js') },
  { name: 'notice-delivery', load: () => import('./notice-delivery.bench.js') },
  { name: 'recipient-import', load: () => import('./recipient-import.bench.js') },
  { name: 'open-incidents-at-scale', load: () => import('./open-incidents-at-scale.bench.js') },
  { name: 'concurrent-responders', load: () => import('./concurrent-responders.bench.js') },
];
