// 100,000 people imported from one CSV through the API, five times over (a fresh incident each
// time), so the import rate is a median and not one noisy figure. The notice-delivery benchmark
// imports once on its way to delivery; this one measures the import alone.
import { quantile } from './support/stats.js';
import type { Benchmark, BenchmarkResult } from './registry.js';
import { startApiAndWorker } from './support/api-and-worker.js';
import { progress } from './support/services.js';

const RECIPIENTS = Math.max(10_000, Number(process.env.BENCH_RECIPIENTS ?? 100_000) || 100_000);
const ROUNDS = 5;
const TARGET_ROWS_PER_SECOND = 20_000;
const HOUR = 3_600_000;

/** The columns a hospital's export typically has: an address, a name, a language, a segment. */
function csv(count: number, incidentNumber: number): string {
  const lines = ['email;name;language;segment'];
  for (let n = 1; n <= count; n += 1) lines.push(`person${n}.${incidentNumber}@bench.example;Person ${n};${n % 10 === 0 ? 'en' : 'sv'};${n % 3 === 0 ? 'health data' : 'contact data'}`);
  return `\ufeff${lines.join('\n')}\n`;
}

async function run(): Promise<BenchmarkResult> {
  const system = await startApiAndWorker('import');
  try {
    const { baseUrl } = system;
    const rates: number[] = [];
    for (let round = 1; round <= ROUNDS; round += 1) {
      const token = await system.responderToken();
      const headers = { authorization: `Bearer ${token}` };
      const now = Date.now();
      const created = await fetch(`${baseUrl}/api/incidents`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ title: `Import ${round}`, summary: 'Mass e-mail with every address visible.', discoveredAt: new Date(now - 2 * HOUR).toISOString(), awareAt: new Date(now - HOUR).toISOString() }),
      });
      if (created.status !== 201) throw new Error(`creating the incident: ${created.status} ${await created.text()}`);
      const incident = (await created.json()) as { id: string };
      const file = csv(RECIPIENTS, round);
      const started = performance.now();
      const answer = await fetch(`${baseUrl}/api/incidents/${incident.id}/recipients`, { method: 'POST', headers: { ...headers, 'content-type': 'text/csv' }, body: file });
      const report = (await answer.json()) as { imported: number };
      const seconds = (performance.now() - started) / 1_000;
      if (answer.status !== 201 || report.imported !== RECIPIENTS) throw new Error(`round ${round}: ${answer.status}, imported ${report.imported} of ${RECIPIENTS}`);
      rates.push(RECIPIENTS / seconds);
      progress(`round ${round}: ${RECIPIENTS} rows in ${seconds.toFixed(2)} s = ${Math.round(RECIPIENTS / seconds)} rows/s`);
    }
    const sorted = [...rates].sort((a, b) => a - b);
    const median = quantile(sorted, 0.5);
    const whole = (value: number) => Math.round(value).toLocaleString('en');
    const markdown = [
      `${ROUNDS} imports of ${RECIPIENTS.toLocaleString('en')} rows (CSV with BOM, \`;\`, four columns; one request each, a fresh incident each), the API in this process and PostgreSQL on the same two cores.`,
      '',
      '| round | rows/s |',
      '|---:|---:|',
      ...rates.map((rate, index) => `| ${index + 1} | ${whole(rate)} |`),
      '',
      `Median **${whole(median)} rows/s** (min ${whole(sorted[0]!)}, max ${whole(sorted.at(-1)!)}); target ≥ ${whole(TARGET_ROWS_PER_SECOND)} rows/s — ${median >= TARGET_ROWS_PER_SECOND ? 'met' : 'MISSED'}.`,
    ].join('\n');
    return { markdown, ok: median >= TARGET_ROWS_PER_SECOND, raw: { rowsPerSecond: rates } };
  } finally {
    await system.stop();
  }
}

export const benchmark: Benchmark = {
  name: 'recipient-import',
  title: 'Recipient import: 100,000 rows, median of five',
  run,
};
