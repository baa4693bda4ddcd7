// 10,000 open incidents with live clocks on one Temporal dev server and one worker process: how
// late each incident's 50 % reminder fires after its instant, and what the worker costs in CPU
// and memory meanwhile. The reminders are spread over a five-minute window (33 a second), each
// recorded and e-mailed to the organisation's responder.
import { readFileSync } from 'node:fs';
import type { Benchmark, BenchmarkResult } from './registry.js';
import { riskFacts, startApiAndWorker } from './support/api-and-worker.js';
import { progress } from './support/services.js';
import { quantile } from './support/stats.js';

const INCIDENTS = Number(process.env.BENCH_INCIDENTS ?? 10_000) || 10_000;
const REMINDER_WINDOW_MS = 5 * 60_000;
const CREATE_CONCURRENCY = 16;
const TARGET_P95_MS = 5_000;
const HOUR = 3_600_000;
const CLOCK_TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) and resident memory of a process, from /proc. */
function usage(pid: number): { cpuSeconds: number; rssMb: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const cpuSeconds = (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  return { cpuSeconds, rssMb: rssKb / 1024 };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const seconds = (ms: number) => (ms / 1000).toFixed(2);

async function run(): Promise<BenchmarkResult> {
  const system = await startApiAndWorker('scale');
  try {
    const { baseUrl, dataSource, worker } = system;
    const token = system.responderToken;

    // Each incident's 50 % reminder (36 h after awareness) falls in the window that opens once all
    // are created, so the clocks are measured as they run, not while the intake competes with them.
    // About 9–13 a second through the API on two cores, which the API, worker, Temporal and PostgreSQL share;
    // the window assumes 8, so a slow intake does not run into it.
    const createdBy = Date.now() + (INCIDENTS / 8) * 1_000;
    const windowOpens = createdBy + 60_000;
    progress(`creating ${INCIDENTS} incidents (${CREATE_CONCURRENCY} at a time); reminders due from ${new Date(windowOpens).toISOString()} over ${REMINDER_WINDOW_MS / 60_000} min`);
    const createStarted = Date.now();
    let next = 0;
    let failures = 0;
    /** Answers other than 201, by status: the figure says what went wrong, not only how often. */
    const failedWith: Record<string, number> = {};
    await Promise.all(
      Array.from({ length: CREATE_CONCURRENCY }, async () => {
        for (let index = next++; index < INCIDENTS; index = next++) {
          const dueAt = Math.max(windowOpens + (index * REMINDER_WINDOW_MS) / INCIDENTS, Date.now() + 30_000);
          const awareAt = new Date(dueAt - 36 * HOUR);
          const body = {
            ...riskFacts,
            title: `Scale incident ${index}`,
            summary: 'A misconfigured file server exposed recorded calls.',
            discoveredAt: new Date(awareAt.getTime() - HOUR).toISOString(),
            awareAt: awareAt.toISOString(),
          };
          const response = await fetch(`${baseUrl}/api/incidents`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${await token()}` }, body: JSON.stringify(body) });
          const answer = await response.text();
          if (response.status !== 201) {
            failures += 1;
            failedWith[response.status] = (failedWith[response.status] ?? 0) + 1;
            if (failedWith[response.status] === 1) progress(`first ${response.status} (incident ${index}): ${answer.slice(0, 300)}`);
          }
          if (index % 1_000 === 999) progress(`${index + 1} created`);
        }
      }),
    );
    const createMs = Date.now() - createStarted;

    // Worker cost, sampled each second while the reminders fire.
    const samples: Array<{ at: number; cpuSeconds: number; rssMb: number }> = [];
    const lastDue = windowOpens + REMINDER_WINDOW_MS;
    const countFired = async () => Number((await dataSource.query(`SELECT count(*)::int AS n FROM reminders WHERE reminder_key = 'reminder:p50'`))[0].n);
    const waitUntil = lastDue + 180_000;
    let fired = 0;
    while (Date.now() < waitUntil) {
      samples.push({ at: Date.now(), ...usage(worker.pid!) });
      fired = await countFired();
      if (fired >= INCIDENTS - failures && Date.now() > lastDue) break;
      await sleep(1_000);
    }
    const lateness: Array<{ timer: number; recorded: number }> = await dataSource.query(
      `SELECT extract(epoch FROM r.fired_at - r.due_at) * 1000 AS timer, extract(epoch FROM a.occurred_at - r.due_at) * 1000 AS recorded
         FROM reminders r JOIN audit_events a ON a.incident_id = r.incident_id AND a.action = 'track.reminder' AND a.detail->>'reminder' = 'p50'
        WHERE r.reminder_key = 'reminder:p50'`,
    );
    const sentEmails = Number((await dataSource.query(`SELECT count(*)::int AS n FROM sent_emails WHERE template = 'reminder'`))[0].n);
    const timer = lateness.map((row) => Number(row.timer)).sort((a, b) => a - b);
    const recorded = lateness.map((row) => Number(row.recorded)).sort((a, b) => a - b);
    const inWindow = samples.filter((sample) => sample.at >= windowOpens && sample.at <= lastDue);
    const cpuShare = inWindow.length > 1 ? (inWindow.at(-1)!.cpuSeconds - inWindow[0]!.cpuSeconds) / ((inWindow.at(-1)!.at - inWindow[0]!.at) / 1000) : NaN;
    const peakRss = Math.max(...samples.map((sample) => sample.rssMb));
    const p95 = recorded.length ? quantile(recorded, 0.95) : Infinity;
    const ok = failures === 0 && fired === INCIDENTS && p95 <= TARGET_P95_MS;
    const row = (label: string, values: number[]) =>
      `| ${label} | ${values.length} | ${seconds(quantile(values, 0.5))} | ${seconds(quantile(values, 0.95))} | ${seconds(quantile(values, 0.99))} | ${seconds(values.at(-1)!)} |`;
    const markdown = [
      `${INCIDENTS} incidents created through the API in ${seconds(createMs)} s (${((INCIDENTS / createMs) * 1000).toFixed(0)} a second, ${CREATE_CONCURRENCY} in flight, ${failures} failed${failures ? `: ${Object.entries(failedWith).map(([status, count]) => `${count} × ${status}`).join(', ')}` : ''}), each with its incident workflow and its Art. 33 track workflow: ${INCIDENTS * 2} open workflows on one Temporal dev server (in memory) and one worker process.`,
      '',
      `Their 50 % reminders fell due over ${REMINDER_WINDOW_MS / 60_000} minutes (${((INCIDENTS / REMINDER_WINDOW_MS) * 1000).toFixed(0)} a second); ${fired} fired, ${sentEmails} reminder e-mails sent.`,
      '',
      '| lateness after the reminder\'s instant | n | median (s) | p95 (s) | p99 (s) | max (s) |',
      '|---|---:|---:|---:|---:|---:|',
      row('timer fired in the workflow', timer),
      row('reminder recorded (and then e-mailed) by the activity', recorded),
      '',
      `Worker process while the reminders fired: ${(cpuShare * 100).toFixed(0)} % of one core on average, peak RSS ${peakRss.toFixed(0)} MB.`,
      '',
      `Target: p95 of the recorded reminder within ${TARGET_P95_MS / 1000} s of its instant — ${p95 <= TARGET_P95_MS ? 'met' : 'MISSED'}.`,
    ].join('\n');
    return { markdown, ok, raw: { timer, recorded } };
  } finally {
    await system.stop();
  }
}

export const benchmark: Benchmark = {
  name: 'open-incidents-at-scale',
  title: '10,000 open incidents: reminder lateness and worker cost',
  run,
};
