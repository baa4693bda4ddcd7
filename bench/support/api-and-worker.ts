// The system as a deployment runs it, on the benchmark's services: the API in this process (one
// replica), the worker in a process of its own, one organisation with its users, and a responder
// who stays signed in however long the benchmark runs.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../apps/api/src/create-api-app.js';
import { AuditSeal } from '../../libs/persistence/src/audit/audit-seal.js';
import { createOrganisationWithUsers, type SeededOrganisation } from '../../libs/persistence/src/seed/organisation-with-users.js';
import { loadConfig } from '../../libs/platform/src/config.js';
import { startServices, type BenchServices } from './services.js';

const PASSWORD = 'bench password, not a secret';
const workerMain = fileURLToPath(new URL('../../apps/worker/src/main.js', import.meta.url));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** EDPB 01/2021 case 02 (ransomware, no backup): a risk, so the Art. 33 track and its reminders start. */
export const riskFacts = {
  breach: { confidentiality: { exposure: 'no-evidence-of-access' }, availability: { permanentLoss: true, backupRestorable: false, hoursUnavailable: 120 }, malicious: true, exfiltrationRuledOut: true },
  data: { categories: ['identity', 'contact'], identifiability: 'maximum', protection: 'none' },
  subjects: { approxCount: 40, categories: ['customers'] },
  controller: { sector: 'other' },
};

export interface ApiAndWorker {
  baseUrl: string;
  app: INestApplication;
  dataSource: DataSource;
  worker: ChildProcess;
  organisation: SeededOrganisation;
  /** A bearer token of the organisation's responder, renewed before its 15 minutes run out. */
  responderToken(): Promise<string>;
  stop(): Promise<void>;
}

export async function startApiAndWorker(name: string): Promise<ApiAndWorker> {
  const services: BenchServices = await startServices();
  const env = {
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: 'error',
    DATABASE_URL: services.databaseUrl,
    TEMPORAL_ADDRESS: services.temporalAddress,
    SMTP_URL: services.smtpUrl,
    TEMPORAL_TASK_QUEUE: `bench-${name}-${randomBytes(6).toString('hex')}`,
    JWT_SECRET: randomBytes(32).toString('hex'),
    PAYLOAD_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    TEMPORAL_UPDATE_SIGNING_KEY: randomBytes(32).toString('base64'),
  };
  const app = await createApiApp(loadConfig({ ...env, PORT: '0' }));
  const worker = spawn(process.execPath, [workerMain], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const stop = async () => {
    worker.kill('SIGTERM');
    await Promise.race([new Promise((resolve) => worker.once('exit', resolve)), sleep(15_000)]);
    worker.kill('SIGKILL');
    await app.close();
    await services.stop();
  };
  try {
    await app.listen(0, '127.0.0.1');
    const baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    const dataSource = app.get(DataSource);
    const organisation = await createOrganisationWithUsers(dataSource, { name, emailDomain: `${name}.bench`, password: PASSWORD, auditSeal: app.get(AuditSeal) });
    // One sign-in at a time: parallel callers share the renewal in flight. Concurrent sign-ins of one
    // account reserve its throttle points (10), so sixteen at once would be refused with 429.
    let signedIn = { token: '', at: 0 };
    let renewal: Promise<string> | undefined;
    const signIn = async (): Promise<string> => {
      const login = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: organisation.users.responder.email, password: PASSWORD }) });
      if (login.status !== 200) throw new Error(`the responder's sign-in was answered ${login.status}: ${await login.text()}`);
      signedIn = { token: ((await login.json()) as { accessToken: string }).accessToken, at: Date.now() };
      return signedIn.token;
    };
    const responderToken = async (): Promise<string> => {
      if (Date.now() - signedIn.at <= 10 * 60_000) return signedIn.token;
      renewal ??= signIn().finally(() => (renewal = undefined));
      return renewal;
    };
    return { baseUrl, app, dataSource, worker, organisation, responderToken, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
