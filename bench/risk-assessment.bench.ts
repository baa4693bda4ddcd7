// Assessments per second of the pure risk model, `assessRisk(facts)`, on one core: a single
// thread, in this process, cycling through the published cases' facts. The input hash it
// computes (`riskFactsHash`) and that hash's two parts are timed alone beside it, so a reader
// sees where the time goes.
import { assessRisk } from '../libs/domain/src/risk/assess-risk.js';
import { canonicalJson } from '../libs/domain/src/canonical-json.js';
import { canonicalRiskFacts, riskFactsHash } from '../libs/domain/src/risk/canonical-hash.js';
import { RISK_MODEL_VERSION } from '../libs/domain/src/risk/model-version.js';
import { createHash } from 'node:crypto';
import type { Benchmark, BenchmarkResult } from './registry.js';
import { publishedCaseFacts } from './support/published-cases.js';
import { progress } from './support/services.js';
import { quantile } from './support/stats.js';

const TARGET_PER_SECOND = 100_000;
/** At least 7 timed runs per operation; BENCH_RUNS may ask for more. */
const RUNS = Math.max(7, Number(process.env.BENCH_RUNS ?? 9) || 9);
const RUN_MS = 1_000;
const WARM_UP_MS = 1_000;
/** Calls between two looks at the clock: small against a run, large against reading the clock. */
const BATCH = 64;

/** One operation under test, called with the index of the facts to use (cycling through them). */
interface Operation {
  key: string;
  label: string;
  call(index: number): unknown;
}

interface RunSample {
  /** Operations per wall-clock second. */
  perSecond: number;
  /** Operations per second of this process's CPU time (user + system, all threads). */
  perCpuSecond: number;
  /** CPU time / wall time: below 1 when the machine took the core away during the run. */
  cpuShare: number;
}

/** Keeps results observable, so no call can be optimised away. */
let sink = 0;

function consume(value: unknown): void {
  if (typeof value === 'string') sink = (sink + value.length) | 0;
  else if (value !== null && typeof value === 'object') sink = (sink + 1) | 0;
}

/** Calls the operation in batches, cycling through the facts, until `ms` have passed. */
function timedRun(operation: Operation, count: number, ms: number): RunSample {
  const cpuStart = process.cpuUsage();
  const start = process.hrtime.bigint();
  const budget = BigInt(ms) * 1_000_000n;
  let calls = 0;
  let elapsed = 0n;
  do {
    for (let i = 0; i < BATCH; i += 1) {
      consume(operation.call(calls % count));
      calls += 1;
    }
    elapsed = process.hrtime.bigint() - start;
  } while (elapsed < budget);
  const cpu = process.cpuUsage(cpuStart);
  const wallSeconds = Number(elapsed) / 1e9;
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  return { perSecond: calls / wallSeconds, perCpuSecond: calls / cpuSeconds, cpuShare: cpuSeconds / wallSeconds };
}

interface SeriesSummary {
  median: number;
  min: number;
  max: number;
}

function summarizeRate(values: readonly number[]): SeriesSummary {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: quantile(sorted, 0.5), min: sorted[0], max: sorted[sorted.length - 1] };
}

const perSecond = (value: number): string => Math.round(value).toLocaleString('en-GB');
const microseconds = (opsPerSecond: number): string => (1e6 / opsPerSecond).toFixed(2);

async function run(): Promise<BenchmarkResult> {
  const inputs = publishedCaseFacts();
  const { facts } = inputs;
  const canonicalTexts = facts.map((entry) => canonicalJson(canonicalRiskFacts(entry)));

  // What is measured must be what the model does: the hash inside the assessment is the hash alone.
  const mismatched = facts.filter((entry) => assessRisk(entry).inputHash !== riskFactsHash(entry)).length;

  const operations: Operation[] = [
    { key: 'assessRisk', label: '`assessRisk(facts)` (whole assessment)', call: (i) => assessRisk(facts[i]) },
    { key: 'riskFactsHash', label: '`riskFactsHash(facts)` (its input hash, alone)', call: (i) => riskFactsHash(facts[i]) },
    {
      key: 'canonicalJson',
      label: '— of which `canonicalJson(canonicalRiskFacts(facts))`',
      call: (i) => canonicalJson(canonicalRiskFacts(facts[i])),
    },
    { key: 'sha256', label: '— of which SHA-256 of the canonical JSON', call: (i) => createHash('sha256').update(canonicalTexts[i]).digest('hex') },
  ];

  progress(`warming up: ${WARM_UP_MS} ms per operation`);
  for (const operation of operations) timedRun(operation, facts.length, WARM_UP_MS);

  const samples = new Map<string, RunSample[]>(operations.map((operation) => [operation.key, []]));
  progress(`measuring: ${RUNS} runs of ${RUN_MS} ms per operation, interleaved`);
  for (let round = 0; round < RUNS; round += 1) {
    // Alternate the order, so neither operation always runs right after the other.
    const order = round % 2 === 0 ? operations : [...operations].reverse();
    for (const operation of order) samples.get(operation.key)!.push(timedRun(operation, facts.length, RUN_MS));
  }
  return report(inputs, operations, samples, canonicalTexts, mismatched);
}

function report(
  inputs: ReturnType<typeof publishedCaseFacts>,
  operations: readonly Operation[],
  samples: Map<string, RunSample[]>,
  canonicalTexts: readonly string[],
  mismatched: number,
): BenchmarkResult {
  const of = (key: string): RunSample[] => samples.get(key)!;
  const wall = new Map(operations.map(({ key }) => [key, summarizeRate(of(key).map((sample) => sample.perSecond))]));
  const cpu = new Map(operations.map(({ key }) => [key, summarizeRate(of(key).map((sample) => sample.perCpuSecond))]));
  const share = summarizeRate(operations.flatMap(({ key }) => of(key).map((sample) => sample.cpuShare)));
  const assess = wall.get('assessRisk')!;
  const hash = wall.get('riskFactsHash')!;
  const met = assess.median >= TARGET_PER_SECOND;
  const assessUs = 1e6 / assess.median;
  const hashUs = 1e6 / hash.median;
  const lengths = canonicalTexts.map((text) => text.length).sort((a, b) => a - b);

  const perRun = [
    `| run | ${operations.map(({ key }) => `${key} (/s)`).join(' | ')} | CPU / wall |`,
    `|---:|${operations.map(() => '---:').join('|')}|---:|`,
    ...Array.from({ length: of('assessRisk').length }, (_, run) => {
      const cpuShares = operations.map(({ key }) => of(key)[run].cpuShare);
      return `| ${run + 1} | ${operations.map(({ key }) => perSecond(of(key)[run].perSecond)).join(' | ')} | ${Math.min(...cpuShares).toFixed(2)}–${Math.max(...cpuShares).toFixed(2)} |`;
    }),
  ].join('\n');

  const summary = [
    '| operation | median (/s) | min (/s) | max (/s) | µs per call (median) | per CPU-second, median (/s) |',
    '|---|---:|---:|---:|---:|---:|',
    ...operations.map(({ key, label }) => {
      const rate = wall.get(key)!;
      return `| ${label} | ${perSecond(rate.median)} | ${perSecond(rate.min)} | ${perSecond(rate.max)} | ${microseconds(rate.median)} | ${perSecond(cpu.get(key)!.median)} |`;
    }),
  ].join('\n');

  const markdown = [
    `Single thread, in this process, no I/O: each run calls the operation in batches of ${BATCH} for ${RUN_MS} ms of wall time,`,
    `cycling through ${inputs.source};`,
    `canonical JSON of these facts: ${lengths[0]}–${lengths[lengths.length - 1]} characters.`,
    `Warm-up: ${WARM_UP_MS} ms per operation, discarded; then ${of('assessRisk').length} rounds, each one run of every operation,`,
    `the order alternating from round to round. Risk model ${RISK_MODEL_VERSION}.`,
    '',
    '"Per CPU-second" divides by this process\'s CPU time during the run instead of wall time; "CPU / wall" below 1',
    'means the machine took the core away for part of the run (process-wide, so GC helper threads count too).',
    '',
    summary,
    '',
    `**Median: ${perSecond(assess.median)} assessments per second** (${assessUs.toFixed(2)} µs each; target ≥ ${perSecond(TARGET_PER_SECOND)}/s) — ${met ? 'target met' : 'target NOT met'}.`,
    `The input hash alone takes ${hashUs.toFixed(2)} µs, ${((hashUs / assessUs) * 100).toFixed(0)} % of an assessment;` +
      ` everything else (canonical form, reading, ENISA, EDPB qualifiers, rationale) about ${Math.max(0, assessUs - hashUs).toFixed(2)} µs.`,
    `CPU / wall over all runs: ${share.min.toFixed(2)}–${share.max.toFixed(2)} (median ${share.median.toFixed(2)}).`,
    mismatched === 0 ? '' : `FAILED: for ${mismatched} facts \`assessRisk(facts).inputHash\` differs from \`riskFactsHash(facts)\`.`,
    '',
    'Per run:',
    '',
    perRun,
  ]
    .filter((line, index, lines) => line !== '' || lines[index - 1] !== '')
    .join('\n');
  const raw = Object.fromEntries(
    operations.flatMap(({ key }) => [
      [`${key} (per s)`, of(key).map((sample) => sample.perSecond)],
      [`${key} (per CPU-second)`, of(key).map((sample) => sample.perCpuSecond)],
    ]),
  ) as Record<string, number[]>;
  progress(`checksum of the results: ${sink}`);
  return { markdown, ok: mismatched === 0, raw };
}

export const benchmark: Benchmark = {
  name: 'risk-assessment',
  title: 'Risk assessments per second (the pure model)',
  run,
};
