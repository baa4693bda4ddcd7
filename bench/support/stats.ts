/** Summary statistics over timing samples (milliseconds). Medians and ratios, not means: the machines are noisy. */
export interface Summary {
  n: number;
  median: number;
  p90: number;
  min: number;
  max: number;
}

/** The value at quantile q (0..1) of already sorted samples, linearly interpolated between neighbours. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) throw new Error('no samples');
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    median: quantile(sorted, 0.5),
    p90: quantile(sorted, 0.9),
    min: sorted[0],
    max: sorted[sorted.length - 1],
  };
}

/** How many times slower `subject` is than `baseline`, by their medians. */
export function ratio(subject: Summary, baseline: Summary): number {
  return subject.median / baseline.median;
}

const ms = (value: number): string => value.toFixed(2);

/** A Markdown table, one row per labelled summary, figures in milliseconds. */
export function summaryTable(rows: ReadonlyArray<{ label: string; summary: Summary }>): string {
  const lines = ['| operation | n | median (ms) | p90 (ms) | min (ms) | max (ms) |', '|---|---:|---:|---:|---:|---:|'];
  for (const { label, summary } of rows) {
    lines.push(`| ${label} | ${summary.n} | ${ms(summary.median)} | ${ms(summary.p90)} | ${ms(summary.min)} | ${ms(summary.max)} |`);
  }
  return lines.join('\n');
}

/** A high-resolution stopwatch: milliseconds since `start`. */
export function elapsedMs(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Times one asynchronous operation; returns its result and its wall time in milliseconds. */
export async function timed<T>(operation: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = process.hrtime.bigint();
  const value = await operation();
  return { value, ms: elapsedMs(start) };
}

/** A Markdown table of counts per `binMs` bin, one row per series; the last bin is open ("≥ capMs"). */
export function histogramTable(rows: ReadonlyArray<{ label: string; samples: readonly number[] }>, binMs: number, capMs: number): string {
  const bins = Math.ceil(capMs / binMs);
  const header = [...Array.from({ length: bins }, (_, i) => `${i * binMs}–${(i + 1) * binMs}`), `≥ ${bins * binMs}`];
  const lines = [`| ms | ${header.join(' | ')} |`, `|---|${header.map(() => '---:').join('|')}|`];
  for (const { label, samples } of rows) {
    const counts = new Array<number>(bins + 1).fill(0);
    for (const value of samples) counts[Math.min(bins, Math.floor(value / binMs))] += 1;
    lines.push(`| ${label} | ${counts.join(' | ')} |`);
  }
  return lines.join('\n');
}
