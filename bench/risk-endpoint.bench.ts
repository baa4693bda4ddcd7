// `POST /api/risk/assess` beside `GET /api/me` (same global JWT guard, answered from the token
// alone): requests per second and latency at a fixed number of requests in flight, in
// interleaved rounds, so the ratio shows what the assessment endpoint adds to Nest's own
// per-request cost. The API runs in this thread; the client runs in a worker thread, so its
// own work is not counted against the server.
import type { INestApplication } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createSecretKey, randomBytes } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { DataSource } from 'typeorm';
import { createApiApp } from '../apps/api/src/create-api-app.js';
import { assessRisk } from '../libs/domain/src/risk/assess-risk.js';
import { validateRiskFacts, type RiskFacts } from '../libs/domain/src/risk/risk-facts.js';
import { createOrganisationWithUsers } from '../libs/persistence/src/seed/organisation-with-users.js';
import { AuditSeal } from '../libs/persistence/src/audit/audit-seal.js';
import { loadConfig } from '../libs/platform/src/config.js';
import type { Benchmark, BenchmarkResult } from './registry.js';
import { publishedCaseFacts } from './support/published-cases.js';
import { progress, startServices, type BenchServices } from './support/services.js';
import { quantile, summarize } from './support/stats.js';

/** At least 5 rounds and 2,000 requests per series per round; BENCH_ROUNDS / BENCH_REQUESTS may ask for more. */
const ROUNDS = Math.max(5, Number(process.env.BENCH_ROUNDS ?? 7) || 7);
const REQUESTS = Math.max(2_000, Number(process.env.BENCH_REQUESTS ?? 2_000) || 2_000);
const WARM_UP = 1_000;
const CONCURRENCY = [1, 8] as const;
const PASSWORD = 'bench password, not a secret';
/**
 * BENCH_JWT_KEY_OBJECT=1: a what-if, not the application as it stands. The live JwtService gets
 * the same secret as a KeyObject, so jsonwebtoken no longer tries `createPublicKey` on the string
 * at every verification (nothing on disk changes).
 */
const JWT_KEY_OBJECT = process.env.BENCH_JWT_KEY_OBJECT === '1';

/** The same facts with one enum value outside the contract: a body of the same size that must be refused (400). */
function invalidBody(facts: RiskFacts): string {
  const copy = JSON.parse(JSON.stringify(facts)) as { data: { protection: string } };
  copy.data.protection = 'rot13-only';
  return JSON.stringify(copy);
}

type SeriesKey = 'me' | 'assess' | 'invalid';

interface Endpoint {
  key: SeriesKey;
  label: string;
  method: 'GET' | 'POST';
  path: string;
  bodies: string[];
  expectedStatus: number;
}

/** One batch of requests the client worker sends, and what it reports back. */
interface Job {
  method: string;
  path: string;
  bodies: string[];
  concurrency: number;
  count: number;
}

interface JobResult {
  wallMs: number;
  latencies: Float64Array;
  statuses: Record<string, number>;
  responseBytes: number;
  /** The body of the job's first request (index 0). */
  first: string;
  /** The client thread's event-loop utilisation during the job (near 1: the client, not the server, was the limit). */
  clientUtilisation: number;
}

/**
 * The load generator, a CommonJS script for a worker thread: node:http with a keep-alive agent
 * per concurrency (undici is not installed as a package; the global fetch costs the client more).
 * It keeps `concurrency` requests in flight until `count` have been answered.
 */
const CLIENT_SOURCE = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const { performance } = require('node:perf_hooks');
const agents = new Map();
function agentFor(concurrency) {
  let agent = agents.get(concurrency);
  if (!agent) {
    agent = new http.Agent({ keepAlive: true, maxSockets: concurrency, maxFreeSockets: concurrency });
    agents.set(concurrency, agent);
  }
  return agent;
}
function send(agent, job, index) {
  return new Promise((resolve, reject) => {
    const body = job.bodies.length > 0 ? job.bodies[index % job.bodies.length] : undefined;
    const headers = { authorization: workerData.authorization };
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = Buffer.byteLength(body);
    }
    const start = process.hrtime.bigint();
    const request = http.request({ host: '127.0.0.1', port: workerData.port, method: job.method, path: job.path, agent, headers }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => resolve({ ms: Number(process.hrtime.bigint() - start) / 1e6, status: response.statusCode, body: Buffer.concat(chunks) }));
    });
    request.on('error', reject);
    request.end(body);
  });
}
parentPort.on('message', async (job) => {
  try {
    const agent = agentFor(job.concurrency);
    const latencies = new Float64Array(job.count);
    const statuses = {};
    let responseBytes = 0;
    let first = '';
    let next = 0;
    const utilisation = performance.eventLoopUtilization();
    const started = process.hrtime.bigint();
    const loop = async () => {
      while (next < job.count) {
        const index = next++;
        const answer = await send(agent, job, index);
        latencies[index] = answer.ms;
        statuses[answer.status] = (statuses[answer.status] || 0) + 1;
        responseBytes += answer.body.length;
        if (index === 0) first = answer.body.toString('utf8');
      }
    };
    await Promise.all(Array.from({ length: job.concurrency }, loop));
    const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
    const clientUtilisation = performance.eventLoopUtilization(utilisation).utilization;
    parentPort.postMessage({ ok: true, result: { wallMs, latencies, statuses, responseBytes, first, clientUtilisation } }, [latencies.buffer]);
  } catch (error) {
    parentPort.postMessage({ ok: false, error: String((error && error.stack) || error) });
  }
});
`;

class LoadClient {
  private readonly worker: Worker;

  constructor(port: number, token: string) {
    this.worker = new Worker(CLIENT_SOURCE, { eval: true, workerData: { port, authorization: `Bearer ${token}` } });
    this.worker.unref();
  }

  run(job: Job): Promise<JobResult> {
    return new Promise((resolve, reject) => {
      const onError = (error: Error): void => reject(error);
      this.worker.once('error', onError);
      this.worker.once('message', (message: { ok: true; result: JobResult } | { ok: false; error: string }) => {
        this.worker.removeListener('error', onError);
        if (message.ok) resolve(message.result);
        else reject(new Error(`client worker: ${message.error}`));
      });
      this.worker.postMessage(job);
    });
  }

  async stop(): Promise<void> {
    await this.worker.terminate();
  }
}

/** Server-side time of each request (request parsed → response finished), in the API's thread. */
class ServerTimer {
  private current: number[] | undefined;
  private readonly onRequest = (_request: IncomingMessage, response: ServerResponse): void => {
    const samples = this.current;
    if (!samples) return;
    const start = process.hrtime.bigint();
    response.once('finish', () => samples.push(Number(process.hrtime.bigint() - start) / 1e6));
  };

  constructor(private readonly server: Server) {
    server.prependListener('request', this.onRequest);
  }

  begin(): void {
    this.current = [];
  }

  end(): number[] {
    const samples = this.current ?? [];
    this.current = undefined;
    return samples;
  }

  stop(): void {
    this.server.removeListener('request', this.onRequest);
  }
}

/** One series (endpoint × concurrency) in one round. */
interface RoundSample {
  perSecond: number;
  latencies: Float64Array;
  latencyMedian: number;
  serverMedian: number;
  /** The API thread's busy time (event-loop utilisation × wall time) per request, in µs. */
  busyUs: number;
  clientUtilisation: number;
  responseBytes: number;
}

interface Sut {
  app: INestApplication;
  port: number;
  token: string;
}

async function startSut(services: BenchServices): Promise<Sut> {
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    PORT: '0',
    DATABASE_URL: services.databaseUrl,
    TEMPORAL_ADDRESS: services.temporalAddress,
    SMTP_URL: services.smtpUrl,
    TEMPORAL_TASK_QUEUE: `bench-${randomBytes(6).toString('hex')}`,
    JWT_SECRET: randomBytes(32).toString('hex'),
    PAYLOAD_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    TEMPORAL_UPDATE_SIGNING_KEY: randomBytes(32).toString('base64'),
  });
  progress('starting the API in this process (no worker: these endpoints do not call Temporal)');
  const app = await createApiApp(config);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  if (JWT_KEY_OBJECT) {
    progress('what-if: handing the JWT secret to jsonwebtoken as a KeyObject');
    (app.get(JwtService) as unknown as { options: { secret?: unknown } }).options.secret = createSecretKey(Buffer.from(config.JWT_SECRET, 'utf8'));
  }
  const domain = `${randomBytes(6).toString('hex')}.bench`;
  await createOrganisationWithUsers(app.get(DataSource), { name: 'Benchmark Region', emailDomain: domain, password: PASSWORD, auditSeal: app.get(AuditSeal) });
  const response = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: `responder@${domain}`, password: PASSWORD }),
  });
  const body = (await response.json()) as { accessToken?: string };
  if (response.status !== 200 || !body.accessToken) throw new Error(`login failed: ${response.status} ${JSON.stringify(body)}`);
  return { app, port, token: body.accessToken };
}

/** Microseconds per call of `work` in this thread, median of 5 runs of 300 ms, cycling through `count` inputs. */
function inProcessMicroseconds(count: number, work: (index: number) => unknown): number {
  const runs: number[] = [];
  let sink = 0;
  for (let run = 0; run < 6; run += 1) {
    const start = process.hrtime.bigint();
    let calls = 0;
    let elapsed = 0n;
    do {
      for (let i = 0; i < 32; i += 1) {
        if (work(calls % count) !== undefined) sink += 1;
        calls += 1;
      }
      elapsed = process.hrtime.bigint() - start;
    } while (elapsed < 300_000_000n);
    if (run > 0) runs.push(Number(elapsed) / 1e3 / calls); // the first run warms up
  }
  if (sink < 0) progress('unreachable');
  return quantile([...runs].sort((a, b) => a - b), 0.5);
}

interface InProcessCosts {
  parse: number;
  validate: number;
  assess: number;
  stringify: number;
}

function measureInProcess(bodies: readonly string[]): InProcessCosts {
  const parsed = bodies.map((body) => JSON.parse(body) as unknown);
  const facts = parsed.map((value) => {
    const validation = validateRiskFacts(value);
    if (!validation.ok) throw new Error('a body the benchmark sends is not valid RiskFacts');
    return validation.value;
  });
  const assessments = facts.map((entry) => assessRisk(entry));
  return {
    parse: inProcessMicroseconds(bodies.length, (i) => JSON.parse(bodies[i])),
    validate: inProcessMicroseconds(parsed.length, (i) => validateRiskFacts(parsed[i])),
    assess: inProcessMicroseconds(facts.length, (i) => assessRisk(facts[i])),
    stringify: inProcessMicroseconds(assessments.length, (i) => JSON.stringify(assessments[i])),
  };
}

const seriesName = (key: SeriesKey, concurrency: number): string => `${key}@${concurrency}`;

async function run(): Promise<BenchmarkResult> {
  const { facts, source } = publishedCaseFacts();
  const services = await startServices();
  let sut: Sut | undefined;
  let client: LoadClient | undefined;
  let timer: ServerTimer | undefined;
  try {
    sut = await startSut(services);
    client = new LoadClient(sut.port, sut.token);
    timer = new ServerTimer(sut.app.getHttpServer() as Server);
    const assessBodies = facts.map((entry) => JSON.stringify(entry));
    const invalidBodies = facts.map(invalidBody);
    if (invalidBodies.some((body) => validateRiskFacts(JSON.parse(body)).ok)) throw new Error('an invalid body passes validation');
    const endpoints: Endpoint[] = [
      { key: 'me', label: '`GET /api/me`', method: 'GET', path: '/api/me', bodies: [], expectedStatus: 200 },
      { key: 'assess', label: '`POST /api/risk/assess`', method: 'POST', path: '/api/risk/assess', bodies: assessBodies, expectedStatus: 200 },
      { key: 'invalid', label: '`POST /api/risk/assess`, invalid body (400)', method: 'POST', path: '/api/risk/assess', bodies: invalidBodies, expectedStatus: 400 },
    ];
    const failures: string[] = [];
    const send = async (endpoint: Endpoint, concurrency: number, count: number): Promise<{ result: JobResult; server: number[]; busyUs: number }> => {
      timer!.begin();
      const before = performance.eventLoopUtilization();
      const result = await client!.run({ method: endpoint.method, path: endpoint.path, bodies: endpoint.bodies, concurrency, count });
      const busy = performance.eventLoopUtilization(before);
      const server = timer!.end();
      for (const [status, n] of Object.entries(result.statuses)) {
        if (Number(status) !== endpoint.expectedStatus) failures.push(`${n} × ${status} from ${endpoint.method} ${endpoint.path} (expected ${endpoint.expectedStatus})`);
      }
      return { result, server, busyUs: (busy.active * 1e3) / count };
    };

    progress(`warming up: ${WARM_UP} requests per endpoint and concurrency`);
    for (const concurrency of CONCURRENCY) {
      for (const endpoint of endpoints) {
        const { result } = await send(endpoint, concurrency, WARM_UP);
        // The endpoint answers what the model says for the same facts, byte for byte.
        if (endpoint.key === 'assess' && concurrency === 1 && result.first !== JSON.stringify(assessRisk(facts[0]))) {
          failures.push('POST /api/risk/assess answered something else than assessRisk for the same facts');
        }
      }
    }

    const samples = new Map<string, RoundSample[]>();
    progress(`measuring: ${ROUNDS} rounds of ${REQUESTS} requests per endpoint and concurrency (${CONCURRENCY.join(', ')} in flight)`);
    for (let round = 0; round < ROUNDS; round += 1) {
      const order = round % 2 === 0 ? endpoints : [...endpoints].reverse();
      for (const concurrency of CONCURRENCY) {
        for (const endpoint of order) {
          const { result, server, busyUs } = await send(endpoint, concurrency, REQUESTS);
          const name = seriesName(endpoint.key, concurrency);
          if (!samples.has(name)) samples.set(name, []);
          samples.get(name)!.push({
            perSecond: (REQUESTS / result.wallMs) * 1e3,
            latencies: result.latencies,
            latencyMedian: summarize(Array.from(result.latencies)).median,
            serverMedian: summarize(server).median,
            busyUs,
            clientUtilisation: result.clientUtilisation,
            responseBytes: result.responseBytes / REQUESTS,
          });
        }
      }
      progress(`round ${round + 1} of ${ROUNDS} done`);
    }
    progress('timing the parts in this thread (parse, validate, assess, stringify)');
    const costs = measureInProcess(assessBodies);
    const requestBytes = (bodies: readonly string[]): number => bodies.reduce((sum, body) => sum + Buffer.byteLength(body), 0) / bodies.length;
    return report({ services, endpoints, samples, costs, failures, source, assessBytes: requestBytes(assessBodies), invalidBytes: requestBytes(invalidBodies) });
  } finally {
    progress('stopping');
    try {
      timer?.stop();
      await client?.stop();
      await sut?.app.close();
    } finally {
      await services.stop();
    }
  }
}

interface ReportInput {
  services: BenchServices;
  endpoints: readonly Endpoint[];
  samples: Map<string, RoundSample[]>;
  costs: InProcessCosts;
  failures: string[];
  source: string;
  assessBytes: number;
  invalidBytes: number;
}

const median = (values: readonly number[]): number => quantile([...values].sort((a, b) => a - b), 0.5);
const fixed = (value: number, digits = 2): string => value.toFixed(digits);
const count = (value: number): string => Math.round(value).toLocaleString('en-GB');

function report({ services, endpoints, samples, costs, failures, source, assessBytes, invalidBytes }: ReportInput): BenchmarkResult {
  const of = (key: SeriesKey, concurrency: number): RoundSample[] => samples.get(seriesName(key, concurrency))!;
  const pooled = (key: SeriesKey, concurrency: number): ReturnType<typeof summarize> =>
    summarize(of(key, concurrency).flatMap((sample) => Array.from(sample.latencies)));
  /** Per round, the two series of the same round set side by side: time per request of `key` / of `me`. */
  const pairedRatios = (key: SeriesKey, concurrency: number): number[] =>
    of(key, concurrency).map((sample, round) => of('me', concurrency)[round].perSecond / sample.perSecond);
  const rounds = of('me', CONCURRENCY[0]).length;

  const mainRows = CONCURRENCY.flatMap((concurrency) =>
    endpoints.map(({ key, label }) => {
      const series = of(key, concurrency);
      const rates = series.map((sample) => sample.perSecond);
      const latency = pooled(key, concurrency);
      return (
        `| ${label} | ${concurrency} | ${count(median(rates))} | ${count(Math.min(...rates))}–${count(Math.max(...rates))} | ` +
        `${fixed(1e6 / median(rates), 0)} | ${fixed(latency.median, 3)} | ${fixed(latency.p90, 3)} | ` +
        `${fixed(median(series.map((sample) => sample.serverMedian)), 3)} | ${fixed(median(series.map((sample) => sample.busyUs)), 0)} | ` +
        `${fixed(median(series.map((sample) => sample.clientUtilisation)))} | ${count(median(series.map((sample) => sample.responseBytes)))} |`
      );
    }),
  );

  const ratioLines = CONCURRENCY.map((concurrency) => {
    const assess = pairedRatios('assess', concurrency);
    const invalid = pairedRatios('invalid', concurrency);
    const busy = median(of('assess', concurrency).map((sample) => sample.busyUs)) / median(of('me', concurrency).map((sample) => sample.busyUs));
    const latency = pooled('assess', concurrency).median / pooled('me', concurrency).median;
    const overInvalid = of('assess', concurrency).map((sample, round) => of('invalid', concurrency)[round].perSecond / sample.perSecond);
    return (
      `| ${concurrency} | **${fixed(median(assess))}** (${fixed(Math.min(...assess))}–${fixed(Math.max(...assess))}) | ${fixed(latency)} | ${fixed(busy)} | ` +
      `${fixed(median(invalid))} (${fixed(Math.min(...invalid))}–${fixed(Math.max(...invalid))}) | ` +
      `${fixed(median(overInvalid))} (${fixed(Math.min(...overInvalid))}–${fixed(Math.max(...overInvalid))}) |`
    );
  });

  const perRound = [
    `| round | ${CONCURRENCY.flatMap((concurrency) => endpoints.map(({ key }) => `${key}, ${concurrency} in flight (/s)`)).join(' | ')} | ${CONCURRENCY.map((concurrency) => `assess/me, ${concurrency}`).join(' | ')} |`,
    `|---:|${CONCURRENCY.flatMap(() => endpoints.map(() => '---:')).join('|')}|${CONCURRENCY.map(() => '---:').join('|')}|`,
    ...Array.from(
      { length: rounds },
      (_, round) =>
        `| ${round + 1} | ${CONCURRENCY.flatMap((concurrency) => endpoints.map(({ key }) => count(of(key, concurrency)[round].perSecond))).join(' | ')} | ` +
        `${CONCURRENCY.map((concurrency) => fixed(pairedRatios('assess', concurrency)[round])).join(' | ')} |`,
    ),
  ].join('\n');

  const top = CONCURRENCY[CONCURRENCY.length - 1];
  const extraUs = 1e6 / median(of('assess', top).map((sample) => sample.perSecond)) - 1e6 / median(of('me', top).map((sample) => sample.perSecond));
  const extraBusyUs = median(of('assess', top).map((sample) => sample.busyUs)) - median(of('me', top).map((sample) => sample.busyUs));
  const work = costs.parse + costs.validate + costs.assess + costs.stringify;

  const markdown = [
    JWT_KEY_OBJECT
      ? '**What-if run (`BENCH_JWT_KEY_OBJECT=1`), not the application as it stands:** the live `JwtService` was given the same\n' +
        'secret as a `KeyObject` (`createSecretKey`), so `jsonwebtoken.verify` skips its `createPublicKey` attempt on the string.\n'
      : '',
    `Services: Temporal dev server (in memory; the API connects at start, these endpoints never call it), PostgreSQL:`,
    `${services.databaseKind} (only for the seed and the login). The API (\`createApiApp\`, \`LOG_LEVEL=silent\`) runs in the`,
    `main thread; the load generator runs in a worker thread (node:http, keep-alive agent, 1 or 8 requests in flight),`,
    `so on 2 cores the client's own work is mostly off the server's thread. One responder's bearer token for every request.`,
    `Warm-up: ${WARM_UP} requests per endpoint and concurrency, discarded; then ${rounds} rounds, each ${REQUESTS} requests of`,
    `every endpoint at every concurrency, the endpoint order alternating from round to round.`,
    '',
    `- **me** — \`GET /api/me\`: JWT guard, the user from the token, a ~100-byte JSON answer; Nest's own per-request cost.`,
    `- **assess** — \`POST /api/risk/assess\` with ${source} in turn`,
    `  (${count(assessBytes)} bytes on average): body parser, JWT guard, schema validation, \`assessRisk\`, the assessment as JSON.`,
    `- **invalid** — the same bodies with \`data.protection\` outside the contract (${count(invalidBytes)} bytes): everything up to`,
    `  validation, then the 400 with the field named, without \`assessRisk\`.`,
    '',
    '"Server-side" is the API thread\'s view of one request, from its headers parsed to its response finished. "API thread',
    'busy" is that thread\'s event-loop utilisation times wall time, divided by the requests: its CPU cost per request,',
    'whatever the concurrency. "Client busy" is the client thread\'s event-loop utilisation (near 1: the client was the limit).',
    '',
    '| endpoint | in flight | requests/s (median of rounds) | range over rounds | µs per request | latency median (ms) | latency p90 (ms) | server-side median (ms) | API thread busy per request (µs) | client busy | response bytes |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...mainRows,
    '',
    'Time per request, `POST /api/risk/assess` against `GET /api/me` (throughput ratio per round, median and range over',
    'the rounds; then the ratio of the pooled latency medians and of the API thread\'s busy time per request). The last',
    'column sets the assessment against the same POST refused at validation: what `assessRisk` and its larger answer add.',
    '',
    '| in flight | assess / me (time per request) | assess / me (latency) | assess / me (API thread busy) | invalid / me (time per request) | assess / invalid (time per request) |',
    '|---:|---:|---:|---:|---:|---:|',
    ...ratioLines,
    '',
    `At ${top} in flight, \`POST /api/risk/assess\` costs ${fixed(extraUs, 0)} µs more per request than \`GET /api/me\` by throughput` +
      ` (${fixed(extraBusyUs, 0)} µs more of the API thread's time). The work the endpoint exists to do, timed in the same thread` +
      ` without HTTP, is ${fixed(work, 1)} µs: \`JSON.parse\` of the body ${fixed(costs.parse, 1)} µs, \`validateRiskFacts\` ${fixed(costs.validate, 1)} µs,` +
      ` \`assessRisk\` ${fixed(costs.assess, 1)} µs, \`JSON.stringify\` of the assessment ${fixed(costs.stringify, 1)} µs.`,
    failures.length === 0 ? 'Every request answered the expected status; the endpoint answers exactly what `assessRisk` returns.' : `FAILED: ${failures.join('; ')}.`,
    '',
    'Per round (requests per second):',
    '',
    perRound,
  ].join('\n');

  const raw = Object.fromEntries(
    [...samples.entries()].flatMap(([name, series]) => [
      [`${name} latency (ms)`, series.flatMap((sample) => Array.from(sample.latencies))],
      [`${name} requests per second (per round)`, series.map((sample) => sample.perSecond)],
    ]),
  ) as Record<string, number[]>;
  return { markdown, ok: failures.length === 0, raw };
}

export const benchmark: Benchmark = {
  name: 'risk-endpoint',
  title: 'Risk assessment endpoint against a trivial endpoint',
  run,
};
