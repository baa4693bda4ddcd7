// 50 responders using the API at once, each as the web app would: open an incident, read it,
// correct a fact, list the incidents, draft the Art. 33 report — over and over for a minute.
// Latency per operation (p50/p99) and every answer that is not the one expected.
import { randomUUID } from 'node:crypto';
import type { Benchmark, BenchmarkResult } from './registry.js';
import { riskFacts, startApiAndWorker } from './support/api-and-worker.js';
import { progress } from './support/services.js';
import { quantile } from './support/stats.js';

const RESPONDERS = 50;
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 60_000) || 60_000;
const OPERATIONS = ['create incident', 'read incident', 'correct facts', 'list incidents', 'draft Art. 33 report'] as const;
type Operation = (typeof OPERATIONS)[number];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function run(): Promise<BenchmarkResult> {
  const system = await startApiAndWorker('responders');
  try {
    const { baseUrl } = system;
    const token = await system.responderToken();

    const latencies = Object.fromEntries(OPERATIONS.map((operation) => [operation, [] as number[]])) as Record<Operation, number[]>;
    const errors: Record<string, number> = {};
    let trackNotYetOpen = 0;
    const call = async (operation: Operation, method: string, path: string, body: unknown, expected: number[], headers: Record<string, string> = {}) => {
      const started = performance.now();
      try {
        const response = await fetch(`${baseUrl}${path}`, {
          method,
          headers: { authorization: `Bearer ${token}`, ...(body !== undefined && { 'content-type': 'application/json' }), ...headers },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        const parsed = (await response.json()) as { id?: string };
        latencies[operation].push(performance.now() - started);
        if (!expected.includes(response.status)) errors[`${operation}: ${response.status}`] = (errors[`${operation}: ${response.status}`] ?? 0) + 1;
        return { status: response.status, body: parsed };
      } catch (error) {
        errors[`${operation}: ${(error as Error).message}`] = (errors[`${operation}: ${(error as Error).message}`] ?? 0) + 1;
        return { status: 0, body: undefined };
      }
    };

    progress(`${RESPONDERS} responders for ${DURATION_MS / 1000} s`);
    const until = Date.now() + DURATION_MS;
    let cycles = 0;
    await Promise.all(
      Array.from({ length: RESPONDERS }, async (_, responder) => {
        await sleep(responder * 20);
        while (Date.now() < until) {
          const now = Date.now();
          const created = await call(
            'create incident',
            'POST',
            '/api/incidents',
            { ...riskFacts, title: `Responder ${responder} incident`, summary: 'Patient letters were sent to the wrong addresses.', discoveredAt: new Date(now - 7_200_000).toISOString(), awareAt: new Date(now - 3_600_000).toISOString() },
            [201],
            { 'Idempotency-Key': randomUUID() },
          );
          if (created.status !== 201) continue;
          const id = created.body!.id!;
          await call('read incident', 'GET', `/api/incidents/${id}`, undefined, [200]);
          await call('correct facts', 'PATCH', `/api/incidents/${id}/facts`, { changes: { summary: 'Patient letters were sent to the wrong addresses; 40 letters.' }, reason: 'Counted the letters.', baseVersion: 1 }, [200]);
          await call('list incidents', 'GET', '/api/incidents?limit=20', undefined, [200]);
          // The track opens once the workflow has the assessment: 409 until then, as the web app would see.
          const draft = await call('draft Art. 33 report', 'POST', `/api/incidents/${id}/filings`, { track: 'gdpr-art33', language: 'sv', kind: 'initial' }, [201, 409]);
          if (draft.status === 409) trackNotYetOpen += 1;
          cycles += 1;
        }
      }),
    );

    const erroneous = Object.values(errors).reduce((sum, count) => sum + count, 0);
    const requests = OPERATIONS.reduce((sum, operation) => sum + latencies[operation].length, 0);
    const row = (operation: Operation) => {
      const sorted = [...latencies[operation]].sort((a, b) => a - b);
      return `| ${operation} | ${sorted.length} | ${quantile(sorted, 0.5).toFixed(1)} | ${quantile(sorted, 0.99).toFixed(1)} | ${sorted.at(-1)!.toFixed(1)} |`;
    };
    const markdown = [
      `${RESPONDERS} responders, one request each at a time, for ${DURATION_MS / 1000} s against one API process and one worker process: ${cycles} complete cycles, ${requests} requests (${((requests / DURATION_MS) * 1000).toFixed(0)} a second), **${erroneous} errors**${erroneous ? ` (${Object.entries(errors).map(([what, count]) => `${what} × ${count}`).join(', ')})` : ''}. ${trackNotYetOpen} drafts were asked for before the track had opened (409, retried by a person a moment later; not an error).`,
      '',
      '| operation | n | p50 (ms) | p99 (ms) | max (ms) |',
      '|---|---:|---:|---:|---:|',
      ...OPERATIONS.map(row),
    ].join('\n');
    return { markdown, ok: erroneous === 0, raw: latencies };
  } finally {
    await system.stop();
  }
}

export const benchmark: Benchmark = {
  name: 'concurrent-responders',
  title: '50 responders at once: latency and errors',
  run,
};
