// 100,000 people told of a breach: the recipients imported from one CSV, then the approved notice
// sent through the delivery workflow to a loopback SMTP sink that only counts — beside raw
// nodemailer (pooled, the same connection limit) sending the same number of messages of the same
// size to the same sink, in the same run. The worker runs as its own process so that its memory
// (RSS) is its own.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { DataSource } from 'typeorm';
import { createApiApp } from '../apps/api/src/create-api-app.js';
import { createOrganisationWithUsers } from '../libs/persistence/src/seed/organisation-with-users.js';
import { AuditSeal } from '../libs/persistence/src/audit/audit-seal.js';
import { loadConfig, type AppConfig } from '../libs/platform/src/config.js';
import type { Benchmark, BenchmarkResult } from './registry.js';
import { startCountingSink, type CountingSink } from './support/counting-smtp-sink.js';
import { progress, projectRoot, startServices } from './support/services.js';
import { quantile } from './support/stats.js';

const RECIPIENTS = Math.max(10_000, Number(process.env.BENCH_RECIPIENTS ?? 100_000) || 100_000);
const PASSWORD = 'bench password, not a secret';
const TARGETS = { ofRawRate: 0.5, workerRssMb: 512, importRowsPerSecond: 20_000 } as const;
const CONTENT = {
  nature: 'Den 24 november skickade vi ett e-postmeddelande där alla mottagares adresser syntes för varandra.',
  consequences: 'Andra mottagare kan se att du får information från oss. Det kan användas för bedrägeriförsök.',
  measures: 'Vi har bett mottagarna radera meddelandet och ändrat rutinen så att varje meddelande går till en person i taget.',
  advice: 'Var uppmärksam på meddelanden som påstår sig komma från oss. Vi ber dig aldrig om lösenord.',
};

function csv(count: number): string {
  const lines = ['email,name,language'];
  for (let n = 1; n <= count; n += 1) lines.push(`person${n}@bench.example,Person ${n},sv`);
  return `${lines.join('\n')}\n`;
}

/** Messages accepted per one-second window, from acceptance times (ms). */
function perSecond(acceptedAt: readonly number[], from: number, to: number): number[] {
  const windows: number[] = [];
  for (let start = from; start + 1_000 <= to; start += 1_000) windows.push(acceptedAt.filter((at) => at >= start && at < start + 1_000).length);
  return windows;
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the bench reads a few known fields of the API's answers
async function api(baseUrl: string, token: string, method: string, path: string, body?: unknown): Promise<any> {
  const response = await fetch(`${baseUrl}${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

async function rawNodemailer(sink: CountingSink, count: number, sample: { subject: string; text: string; html: string }): Promise<{ seconds: number; windows: number[] }> {
  const transport = nodemailer.createTransport({ url: sink.url, pool: true, maxConnections: 3, logger: false } as never);
  const before = sink.count();
  const from = sink.acceptedAt.at(-1) ?? 0;
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const n = (next += 1);
      await transport.sendMail({ from: 'bench <no-reply@bench.example>', to: `raw${n}@bench.example`, subject: sample.subject, text: sample.text, html: sample.html, messageId: `<raw-${n}@bench>` });
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  const seconds = (performance.now() - started) / 1_000;
  transport.close();
  if (sink.count() - before !== count) throw new Error(`raw nodemailer: the sink holds ${sink.count() - before} of ${count}`);
  return { seconds, windows: perSecond(sink.acceptedAt, from, sink.acceptedAt.at(-1)!) };
}

export const benchmark: Benchmark = {
  name: 'notice-delivery',
  title: 'Art. 34 notice to 100,000 people: import and delivery',
  async run(): Promise<BenchmarkResult> {
    const services = await startServices();
    const sink = await startCountingSink();
    let worker: ChildProcess | undefined;
    let app: Awaited<ReturnType<typeof createApiApp>> | undefined;
    try {
      const env = {
        NODE_ENV: 'test',
        LOG_LEVEL: 'warn',
        PORT: '0',
        DATABASE_URL: services.databaseUrl,
        TEMPORAL_ADDRESS: services.temporalAddress,
        SMTP_URL: sink.url,
        TEMPORAL_TASK_QUEUE: `bench-${randomBytes(6).toString('hex')}`,
        JWT_SECRET: randomBytes(32).toString('hex'),
        PAYLOAD_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
        TEMPORAL_UPDATE_SIGNING_KEY: randomBytes(32).toString('base64'),
        NOTICE_BATCH_SIZE: '500',
      };
      const config: AppConfig = loadConfig(env);
      app = await createApiApp(config);
      await app.listen(0, '127.0.0.1');
      const baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;

      const org = await createOrganisationWithUsers(app.get(DataSource), { name: 'Bench', emailDomain: 'bench.example', password: PASSWORD, auditSeal: app.get(AuditSeal) });
      const login = async (role: 'responder' | 'dpo') => (await api(baseUrl, '', 'POST', '/api/auth/login', { email: org.users[role].email, password: PASSWORD })).accessToken as string;
      const responder = await login('responder');
      const dpo = await login('dpo');
      await api(baseUrl, dpo, 'PATCH', '/api/organisation', { contactName: 'Dataskyddsombudet', contactEmail: 'dso@bench.example' });
      const now = Date.now();
      const incident = await api(baseUrl, responder, 'POST', '/api/incidents', { title: 'Bench', summary: 'Mass e-mail', discoveredAt: new Date(now - 7_200_000).toISOString(), awareAt: new Date(now - 3_600_000).toISOString() });

      progress(`importing ${RECIPIENTS} recipients`);
      const file = csv(RECIPIENTS);
      const importStarted = performance.now();
      const imported = await fetch(`${baseUrl}/api/incidents/${incident.id}/recipients`, { method: 'POST', headers: { authorization: `Bearer ${responder}`, 'content-type': 'text/csv' }, body: file });
      const importReport = (await imported.json()) as { imported: number };
      const importSeconds = (performance.now() - importStarted) / 1_000;
      if (importReport.imported !== RECIPIENTS) throw new Error(`imported ${importReport.imported} of ${RECIPIENTS}`);

      // The worker starts after the import, so the import is measured with the API and PostgreSQL alone.
      progress('starting the worker process');
      worker = spawn(process.execPath, [join(projectRoot(), 'dist', 'apps', 'worker', 'src', 'main.js')], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
      const notice = await api(baseUrl, responder, 'POST', `/api/incidents/${incident.id}/notices`, { channel: 'email', content: CONTENT });
      await api(baseUrl, responder, 'POST', `/api/notices/${notice.id}/submit`, {});
      await api(baseUrl, dpo, 'POST', `/api/notices/${notice.id}/approve`, {});
      const sample = await fetch(`${baseUrl}/api/notices/${notice.id}/preview?format=text`, { headers: { authorization: `Bearer ${responder}` } }).then((response) => response.text());
      const sampleHtml = await fetch(`${baseUrl}/api/notices/${notice.id}/preview?format=html`, { headers: { authorization: `Bearer ${responder}` } }).then((response) => response.text());

      progress(`sending the notice to ${RECIPIENTS} people`);
      const rss: number[] = [];
      const sendFrom = performance.now();
      const sinkFrom = sink.acceptedAt.at(-1) ?? 0;
      await api(baseUrl, responder, 'POST', `/api/notices/${notice.id}/send`, { ratePerSecond: 10_000 });
      for (;;) {
        rss.push(rssMb(worker.pid!));
        const current = await api(baseUrl, responder, 'GET', `/api/notices/${notice.id}`);
        if (current.status === 'sent') break;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      const sendSeconds = (performance.now() - sendFrom) / 1_000;
      const delivered = sink.count();
      const workflowWindows = perSecond(sink.acceptedAt, sinkFrom, sink.acceptedAt.at(-1)!);
      const counts = (await api(baseUrl, responder, 'GET', `/api/notices/${notice.id}/deliveries?limit=1`)).counts;

      progress(`raw nodemailer: ${RECIPIENTS} messages to the same sink`);
      const raw = await rawNodemailer(sink, RECIPIENTS, { subject: 'Viktig information om dina personuppgifter', text: sample, html: sampleHtml });

      const median = (values: number[]) => quantile([...values].sort((a, b) => a - b), 0.5);
      const workflowRate = RECIPIENTS / sendSeconds;
      const rawRate = RECIPIENTS / raw.seconds;
      const importRate = RECIPIENTS / importSeconds;
      const peakRss = Math.max(...rss);
      const ratio = workflowRate / rawRate;
      const ok = delivered === RECIPIENTS && counts.sent === RECIPIENTS && ratio >= TARGETS.ofRawRate && peakRss <= TARGETS.workerRssMb && importRate >= TARGETS.importRowsPerSecond;
      const markdown = [
        `| measure | breachflow | raw nodemailer | target |`,
        `|---|---:|---:|---|`,
        `| import of ${RECIPIENTS.toLocaleString('en')} rows (CSV, one request) | ${importSeconds.toFixed(1)} s = **${Math.round(importRate).toLocaleString('en')} rows/s** | – | ≥ ${TARGETS.importRowsPerSecond.toLocaleString('en')} rows/s |`,
        `| send → all delivered | ${sendSeconds.toFixed(1)} s = **${Math.round(workflowRate).toLocaleString('en')} msg/s** | ${raw.seconds.toFixed(1)} s = ${Math.round(rawRate).toLocaleString('en')} msg/s | ratio ≥ ${TARGETS.ofRawRate} |`,
        `| median messages per one-second window | ${median(workflowWindows)} | ${median(raw.windows)} | – |`,
        `| worker RSS, peak (sampled every 0.5 s) | **${Math.round(peakRss)} MB** | – | ≤ ${TARGETS.workerRssMb} MB |`,
        '',
        `Ratio breachflow / raw nodemailer (whole run): **${ratio.toFixed(2)}**. The sink counted ${delivered.toLocaleString('en')} messages for the notice; deliveries: ${JSON.stringify(counts)}. ` +
          `Verdict: ${ok ? '**meets every target**' : '**misses a target**'}.`,
      ].join('\n');
      return { ok, markdown, raw: { workflowWindows, rawWindows: raw.windows, rssMb: rss } };
    } finally {
      worker?.kill('SIGTERM');
      await app?.close();
      await sink.stop();
      await services.stop();
    }
  },
};
