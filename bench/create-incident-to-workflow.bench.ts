// From `POST /api/incidents` to the incident's workflow running (its first query answers),
// beside a bare Temporal client starting an empty workflow on the same server, in the same run.
import type { INestApplication } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { TypedSearchAttributes } from '@temporalio/common';
import { NativeConnection, Worker } from '@temporalio/worker';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { DataSource } from 'typeorm';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createApiApp } from '../apps/api/src/create-api-app.js';
import { OpenIncident } from '../libs/application/src/incidents/open-incident.js';
import { INCIDENT_WORKFLOWS, type IncidentWorkflows } from '../libs/application/src/ports/incident-workflows.js';
import { createWorker, type RunningWorker } from '../apps/worker/src/create-worker.js';
import { createOrganisationWithUsers } from '../libs/persistence/src/seed/organisation-with-users.js';
import { AuditSeal } from '../libs/persistence/src/audit/audit-seal.js';
import { loadConfig, type AppConfig } from '../libs/platform/src/config.js';
import { encryptedDataConverter, incidentReferenceAttribute, organisationIdAttribute } from '../libs/platform/src/temporal.js';
import { incidentStateQuery, type IncidentWorkflowInput } from '../workflows/messages.js';
import type { Benchmark, BenchmarkResult } from './registry.js';
import { Probe } from './support/probe.js';
import { progress, startServices, type BenchServices } from './support/services.js';
import { elapsedMs, histogramTable, ratio, summarize, summaryTable, type Summary } from './support/stats.js';
import { emptyStateQuery } from './workflows/empty.workflow.js';

const WARM_UP = 20;
const ROUND = 10;
const TARGET_RATIO = 1.5;
/** At least 200 per operation; BENCH_SAMPLES may ask for more. */
const SAMPLES = Math.max(200, Number(process.env.BENCH_SAMPLES ?? 200) || 200);
const PASSWORD = 'bench password, not a secret';

/** The bench-only workflow module: TypeScript source under tsc, compiled JavaScript in dist/. */
function emptyWorkflowPath(): string {
  for (const candidate of ['./workflows/empty.workflow.js', './workflows/empty.workflow.ts']) {
    const path = fileURLToPath(new URL(candidate, import.meta.url));
    if (existsSync(path)) return path;
  }
  throw new Error('bench/workflows/empty.workflow not found beside the benchmark');
}

/** ISO-8601 with an explicit +01:00 offset (Swedish winter time), as a client in Stockholm would send. */
function stockholmIso(epochMs: number): string {
  return new Date(epochMs + 3_600_000).toISOString().replace('Z', '+01:00');
}

function incidentBody(n: number): Record<string, unknown> {
  const now = Date.now();
  return {
    title: `Benchmark incident ${n}`,
    summary: 'A newsletter to 2,000 patients was sent with every address in the To field.',
    discoveredAt: stockholmIso(now - 3 * 3_600_000),
    awareAt: stockholmIso(now - 3_600_000),
  };
}

interface Sut {
  config: AppConfig;
  app: INestApplication;
  baseUrl: string;
  incidentWorker: { running: RunningWorker; done: Promise<void> };
  emptyWorker: { worker: Worker; connection: NativeConnection; done: Promise<void>; taskQueue: string };
  client: Client;
  /** The same connection with the application's AES-GCM data converter. */
  encryptedClient: Client;
  clientConnection: Connection;
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
  progress('starting the API and the incident worker in this process');
  const app = await createApiApp(config);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const running = await createWorker(config);
  const incidentWorker = { running, done: running.worker.run() };

  progress('starting the baseline worker (empty workflow, default data converter)');
  const taskQueue = `bench-empty-${randomBytes(6).toString('hex')}`;
  const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
  const worker = await Worker.create({ connection, namespace: config.TEMPORAL_NAMESPACE, taskQueue, workflowsPath: emptyWorkflowPath() });
  const emptyWorker = { worker, connection, done: worker.run(), taskQueue };

  const clientConnection = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
  const client = new Client({ connection: clientConnection, namespace: config.TEMPORAL_NAMESPACE });
  const encryptedClient = new Client({ connection: clientConnection, namespace: config.TEMPORAL_NAMESPACE, dataConverter: encryptedDataConverter(config) });
  return { config, app, baseUrl: `http://127.0.0.1:${port}`, incidentWorker, emptyWorker, client, encryptedClient, clientConnection };
}

/** Asks a worker to stop unless it already is (the SDK also stops workers on SIGINT/SIGTERM). */
function shutdownWorker(worker: Worker): void {
  if (worker.getState() === 'RUNNING') worker.shutdown();
}

async function stopSut(sut: Sut): Promise<void> {
  shutdownWorker(sut.emptyWorker.worker);
  shutdownWorker(sut.incidentWorker.running.worker);
  await Promise.allSettled([sut.emptyWorker.done, sut.incidentWorker.done]);
  await sut.incidentWorker.running.context.close();
  await sut.incidentWorker.running.connection.close();
  await sut.emptyWorker.connection.close();
  await sut.clientConnection.close();
  await sut.app.close();
}

async function login(baseUrl: string, email: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  const body = (await response.json()) as { accessToken?: string };
  if (response.status !== 200 || !body.accessToken) throw new Error(`login failed: ${response.status} ${JSON.stringify(body)}`);
  return body.accessToken;
}

/** Instants inside one profiled request, in the order they happen. */
type Mark =
  | 'sent'
  | 'arrived'
  | 'serviceEntered'
  | 'transactionBegan'
  | 'transactionEnded'
  | 'startBegan'
  | 'startEnded'
  | 'queryBegan'
  | 'queryEnded'
  | 'serviceReturned'
  | 'responseFinished'
  | 'received';

/**
 * Phases of P, each from one mark to the next; together they cover the request end to end. The
 * marks sit on stable seams (HTTP server, service entry, the DataSource's transaction, the
 * gateway's start and state), so the phases stay right while the service grows between them.
 */
const PHASES: ReadonlyArray<{ label: string; from: Mark; to: Mark }> = [
  { label: 'client → server (fetch, loopback, HTTP parse)', from: 'sent', to: 'arrived' },
  { label: 'Express + Nest before the service (pino-http, body parser, JWT guard)', from: 'arrived', to: 'serviceEntered' },
  { label: 'service before the transaction (validation, body hash)', from: 'serviceEntered', to: 'transactionBegan' },
  { label: 'DB transaction (reference, incident, facts v1, risk assessment, audit)', from: 'transactionBegan', to: 'transactionEnded' },
  { label: 'service before workflow.start (DB reads: risk signals, settings)', from: 'transactionEnded', to: 'startBegan' },
  { label: 'workflow.start (codec, search attributes)', from: 'startBegan', to: 'startEnded' },
  { label: 'view before the query (DB read: facts version)', from: 'startEnded', to: 'queryBegan' },
  { label: 'first query (workflow answers)', from: 'queryBegan', to: 'queryEnded' },
  { label: 'rest of the view + response written (DB reads, JSON)', from: 'queryEnded', to: 'responseFinished' },
  { label: 'client reads and parses the response', from: 'responseFinished', to: 'received' },
];

interface Samples {
  api: number[];
  apiFromDatabase: number;
  bareStartAndQuery: number[];
  bareStart: number[];
  incidentDirect: number[];
  incidentDirectStart: number[];
  profiled: number[];
  phases: number[][];
}

/** P instrumentation: wraps the live singletons and the HTTP server for one block of samples. */
function instrument(sut: Sut, probe: Probe<Mark>): void {
  const service = sut.app.get(OpenIncident);
  const gateway = sut.app.get<IncidentWorkflows>(INCIDENT_WORKFLOWS);
  const dataSource = sut.app.get(DataSource);
  probe.wrap(service, 'execute', 'serviceEntered', 'serviceReturned');
  probe.wrap(dataSource, 'transaction', 'transactionBegan', 'transactionEnded');
  probe.wrap(gateway, 'start', 'startBegan', 'startEnded');
  probe.wrap(gateway, 'state', 'queryBegan', 'queryEnded');
  const server = sut.app.getHttpServer() as Server;
  const onRequest = (_request: IncomingMessage, response: ServerResponse): void => {
    probe.mark('arrived');
    response.once('finish', () => probe.mark('responseFinished'));
  };
  server.prependListener('request', onRequest);
  probe.onRestore(() => server.removeListener('request', onRequest));
}

async function run(): Promise<BenchmarkResult> {
  const services = await startServices();
  let sut: Sut | undefined;
  try {
    sut = await startSut(services);
    const { baseUrl, client, encryptedClient, emptyWorker, config } = sut;
    const dataSource = sut.app.get(DataSource);
    const domain = `${randomBytes(6).toString('hex')}.bench`;
    const { organisationId } = await createOrganisationWithUsers(dataSource, { name: 'Benchmark Region', emailDomain: domain, password: PASSWORD, auditSeal: AuditSeal.fromConfig(config) });
    const token = await login(baseUrl, `responder@${domain}`);
    const probe = new Probe<Mark>();

    let created = 0;
    let lastIncident: { id: string; awareAt: string } | undefined;
    /** A: the HTTP request; its answer says whether the workflow's first query answered inside it. */
    const apiCreate = async (): Promise<{ ms: number; fromWorkflow: boolean }> => {
      const body = JSON.stringify(incidentBody((created += 1)));
      probe.mark('sent');
      const start = process.hrtime.bigint();
      const response = await fetch(`${baseUrl}/api/incidents`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body,
      });
      const view = (await response.json()) as { id: string; awareAt: string; clocksSource?: string };
      const ms = elapsedMs(start);
      probe.mark('received');
      if (response.status !== 201) throw new Error(`POST /api/incidents answered ${response.status}: ${JSON.stringify(view)}`);
      lastIncident = { id: view.id, awareAt: view.awareAt };
      return { ms, fromWorkflow: view.clocksSource === 'workflow' };
    };
    /** B: a bare client starts the empty workflow and asks its first query; B' is the start alone. */
    const bareStart = async (): Promise<{ startMs: number; totalMs: number }> => {
      const start = process.hrtime.bigint();
      const handle = await client.workflow.start('emptyWorkflow', { workflowId: `empty-${randomUUID()}`, taskQueue: emptyWorker.taskQueue, args: [] });
      const startMs = elapsedMs(start);
      const answer = await handle.query(emptyStateQuery);
      const totalMs = elapsedMs(start);
      if (answer !== 'running') throw new Error(`the empty workflow answered ${answer}`);
      return { startMs, totalMs };
    };
    /**
     * C: what the API asks of Temporal, without the API: the incident workflow started exactly as the
     * gateway starts it (encrypted payloads, search attributes, USE_EXISTING), then its first query.
     * It runs a second workflow for an incident A created, with the same awareAt, so its clock
     * activity finds the clock already recorded and writes nothing, and with no risk outcome, so
     * it owes no filing track and starts no child workflow.
     */
    const incidentDirect = async (): Promise<{ startMs: number; totalMs: number }> => {
      if (!lastIncident) throw new Error('no incident created yet');
      const { id, awareAt } = lastIncident;
      const start = process.hrtime.bigint();
      const handle = await encryptedClient.workflow.start('incidentWorkflow', {
        workflowId: `bench-incident-${randomUUID()}`,
        taskQueue: config.TEMPORAL_TASK_QUEUE,
        // outcome null: no filing track is owed, so this second workflow starts no child that A's already runs.
        args: [{ incidentId: id, organisationId, factsVersion: 1, awareAt, outcome: null } satisfies IncidentWorkflowInput],
        workflowIdConflictPolicy: 'USE_EXISTING',
        typedSearchAttributes: new TypedSearchAttributes([
          { key: organisationIdAttribute, value: organisationId },
          { key: incidentReferenceAttribute, value: 'BF-BENCH' },
        ]),
      });
      const startMs = elapsedMs(start);
      const state = await handle.query(incidentStateQuery);
      const totalMs = elapsedMs(start);
      if (state.incidentId !== id) throw new Error(`the incident workflow answered for ${state.incidentId}`);
      return { startMs, totalMs };
    };

    progress(`warming up: ${WARM_UP} of each`);
    for (let i = 0; i < WARM_UP; i += 1) {
      await apiCreate();
      await bareStart();
      await incidentDirect();
    }

    const samples: Samples = { api: [], apiFromDatabase: 0, bareStartAndQuery: [], bareStart: [], incidentDirect: [], incidentDirectStart: [], profiled: [], phases: PHASES.map(() => []) };
    progress(`measuring: ${SAMPLES} of each, interleaved in rounds of ${ROUND}`);
    while (samples.api.length < SAMPLES) {
      for (let i = 0; i < ROUND; i += 1) {
        const a = await apiCreate();
        samples.api.push(a.ms);
        if (!a.fromWorkflow) samples.apiFromDatabase += 1;
      }
      for (let i = 0; i < ROUND; i += 1) {
        const b = await bareStart();
        samples.bareStartAndQuery.push(b.totalMs);
        samples.bareStart.push(b.startMs);
      }
      for (let i = 0; i < ROUND; i += 1) {
        const c = await incidentDirect();
        samples.incidentDirect.push(c.totalMs);
        samples.incidentDirectStart.push(c.startMs);
      }
      instrument(sut, probe);
      try {
        for (let i = 0; i < ROUND; i += 1) {
          probe.begin();
          const a = await apiCreate();
          const marks = probe.end();
          const at = (mark: Mark): bigint => {
            const instant = marks.get(mark);
            if (instant === undefined) throw new Error(`profiled request never reached ${mark}: has OpenIncident.execute changed shape?`);
            return instant;
          };
          for (const { from, to } of PHASES) {
            if (at(to) < at(from)) throw new Error(`profiled request reached ${to} before ${from}: has OpenIncident.execute changed shape?`);
          }
          if (!a.fromWorkflow) samples.apiFromDatabase += 1;
          samples.profiled.push(Number(at('received') - at('sent')) / 1e6);
          PHASES.forEach(({ from, to }, index) => samples.phases[index].push(Number(at(to) - at(from)) / 1e6));
        }
      } finally {
        probe.restore();
      }
    }
    return report(samples, services);
  } finally {
    progress('stopping');
    try {
      if (sut) await stopSut(sut);
    } finally {
      await services.stop();
    }
  }
}

function report(samples: Samples, services: BenchServices): BenchmarkResult {
  const a = summarize(samples.api);
  const b = summarize(samples.bareStartAndQuery);
  const bStart = summarize(samples.bareStart);
  const c = summarize(samples.incidentDirect);
  const cStart = summarize(samples.incidentDirectStart);
  const profiled = summarize(samples.profiled);
  const phases = PHASES.map(({ label }, index) => ({ label, summary: summarize(samples.phases[index]) }));
  const r = ratio(a, b);
  const met = r <= TARGET_RATIO;
  const share = (summary: Summary): string => `${((summary.median / profiled.median) * 100).toFixed(0)} %`;

  const markdown = [
    `Services: Temporal dev server (in memory), PostgreSQL: ${services.databaseKind}. The API, the incident worker, the baseline`,
    `worker and the measuring client share one Node.js process. Warm-up: ${WARM_UP} of each, discarded; then rounds of`,
    `${ROUND} A, ${ROUND} B, ${ROUND} C, ${ROUND} P until each has ${samples.api.length} samples.`,
    '',
    '- **A** — `POST /api/incidents` (bearer token, JSON body, no Idempotency-Key), wall time until the response body is',
    "  parsed. The answer carries `clocksSource: 'workflow'` only when the incident workflow's first query answered inside",
    '  the request.',
    '- **B** — bare `Client` (same server, default data converter): `workflow.start` of an empty workflow (a query handler and',
    '  `condition(() => false)`) on its own in-process worker, then its first `query`: the same observable as A.',
    '- **C** — what the API asks of Temporal, without the API: a bare `Client` with the application\'s AES-GCM data converter',
    '  starts `incidentWorkflow` exactly as the gateway does (search attributes, `USE_EXISTING`) on the incident worker, then',
    '  its first query. (For an incident A created, same `awareAt`: its clock activity finds the clock recorded, writes nothing.)',
    "- **B'**, **C'** — the `workflow.start` part of B, of C.",
    '- **P** — A again, profiled: the service, gateway and DataSource singletons and the HTTP server are wrapped with',
    '  timestamps during these samples only (no application code changed).',
    '',
    summaryTable([
      { label: 'A: POST /api/incidents → workflow answers', summary: a },
      { label: 'B: bare start + first query', summary: b },
      { label: "B': bare start only", summary: bStart },
      { label: 'C: incident workflow, bare encrypted client, start + first query', summary: c },
      { label: "C': its start only", summary: cStart },
    ]),
    '',
    `**Ratio median(A) / median(B) = ${r.toFixed(2)}** (target: ratio ≤ ${TARGET_RATIO}) — ${met ? 'target met' : 'target NOT met'}.`,
    `For information: median(A) / median(C) = ${ratio(a, c).toFixed(2)} (the API around the same Temporal calls);` +
      ` median(C) / median(B) = ${ratio(c, b).toFixed(2)} (the incident workflow and codec against an empty workflow);` +
      ` median(A) / median(B') = ${ratio(a, bStart).toFixed(2)}.`,
    '',
    'Distribution (samples per 10 ms bin):',
    '',
    histogramTable(
      [
        { label: 'A', samples: samples.api },
        { label: 'B', samples: samples.bareStartAndQuery },
        { label: 'C', samples: samples.incidentDirect },
      ],
      10,
      120,
    ),
    '',
    `Requests whose workflow did not answer inside them (\`clocksSource: 'database'\`): ${samples.apiFromDatabase} of` +
      ` ${samples.api.length + samples.profiled.length} (A and P)${samples.apiFromDatabase === 0 ? '' : ' — FAILED: must be zero'}.`,
    '',
    "### Where A's time goes (P, phase by phase)",
    '',
    summaryTable([...phases, { label: '**P: whole request**', summary: profiled }]),
    '',
    `Median shares of P: ${phases.map(({ label, summary }) => `${label.replace(/ \(.*\)$/, '')} ${share(summary)}`).join('; ')}.`,
    `Sum of the phase medians: ${phases.reduce((sum, { summary }) => sum + summary.median, 0).toFixed(2)} ms.`,
  ].join('\n');
  const raw: Record<string, number[]> = {
    A: samples.api,
    B: samples.bareStartAndQuery,
    "B'": samples.bareStart,
    C: samples.incidentDirect,
    "C'": samples.incidentDirectStart,
    P: samples.profiled,
    ...Object.fromEntries(PHASES.map(({ label }, index) => [`P: ${label}`, samples.phases[index]])),
  };
  return { markdown, ok: samples.apiFromDatabase === 0, raw };
}

export const benchmark: Benchmark = {
  name: 'create-incident-to-workflow',
  title: 'Create incident → workflow running',
  run,
};
