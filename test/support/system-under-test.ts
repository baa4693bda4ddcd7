import type { INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../apps/api/src/create-api-app.js';
import { AuditSeal } from '../../libs/persistence/src/audit/audit-seal.js';
import { createWorker, type RunningWorker } from '../../apps/worker/src/create-worker.js';
import type { Role } from '../../libs/domain/src/roles.js';
import type { AppConfig } from '../../libs/platform/src/config.js';
import { createOrganisationWithUsers, type SeededOrganisation } from '../../libs/persistence/src/seed/organisation-with-users.js';
import { Mailer } from '../../libs/platform/src/mail/mailer.js';
import { SmtpCapture, type SmtpCaptureOptions } from './smtp-capture.js';
import { testConfig } from './test-config.js';

export const TEST_PASSWORD = 'correct horse battery staple';

export interface HttpResult<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/** The API (listening on a free port) and, unless asked not to, a worker in this process, on one config. */
export class SystemUnderTest {
  private constructor(
    readonly config: AppConfig,
    readonly app: INestApplication,
    readonly baseUrl: string,
    /** A real SMTP server on loopback that receives everything the worker sends. */
    readonly mail: SmtpCapture,
    private worker: { running: RunningWorker; done: Promise<void> } | undefined,
  ) {}

  /** `rejectRecipient`, `deferRecipient`: addresses the SMTP server answers with 550 (unknown) or 452 (mailbox full). */
  static async start(
    options: { worker?: boolean; config?: Parameters<typeof testConfig>[0]; port?: number } & Pick<SmtpCaptureOptions, 'rejectRecipient' | 'deferRecipient'> = {},
  ): Promise<SystemUnderTest> {
    const mail = await SmtpCapture.start({ rejectRecipient: options.rejectRecipient, deferRecipient: options.deferRecipient });
    const config = testConfig({ ...options.config, SMTP_URL: mail.url });
    const app = await createApiApp(config);
    await app.listen(options.port ?? 0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as AddressInfo;
    const system = new SystemUnderTest(config, app, `http://127.0.0.1:${port}`, mail, undefined);
    if (options.worker !== false) await system.startWorker();
    return system;
  }

  get dataSource(): DataSource {
    return this.app.get(DataSource);
  }

  /** The running worker's application context, for calling an activity's use-case directly. */
  get workerContext(): RunningWorker['context'] {
    if (!this.worker) throw new Error('no worker is running');
    return this.worker.running.context;
  }

  async startWorker(): Promise<void> {
    const running = await createWorker(this.config);
    this.worker = { running, done: running.worker.run() };
  }

  async stopWorker(): Promise<void> {
    if (!this.worker) return;
    const { running, done } = this.worker;
    this.worker = undefined;
    running.worker.shutdown();
    await done;
    running.context.get(Mailer).close();
    await running.context.close();
    await running.connection.close();
  }

  async stop(): Promise<void> {
    await this.stopWorker();
    await this.app.close();
    await this.mail.stop();
  }

  async organisation(name = `Org ${randomBytes(3).toString('hex')}`): Promise<SeededOrganisation> {
    return createOrganisationWithUsers(this.dataSource, {
      name,
      emailDomain: `${randomBytes(6).toString('hex')}.test`,
      password: TEST_PASSWORD,
      auditSeal: this.app.get(AuditSeal),
    });
  }

  /** A port that was free a moment ago, for an API whose own address must be in its configuration (PUBLIC_URL, a redirect URI). */
  static async freePort(): Promise<number> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    return port;
  }

  async login(organisation: SeededOrganisation, role: Role): Promise<string> {
    const result = await this.request('POST', '/api/auth/login', {
      body: { email: organisation.users[role].email, password: TEST_PASSWORD },
    });
    if (result.status !== 200) throw new Error(`login failed: ${result.status} ${JSON.stringify(result.body)}`);
    return result.body.accessToken;
  }

  async request<T = any>(
    method: string,
    path: string,
    options: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
  ): Promise<HttpResult<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined = options.rawBody;
    if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.body);
    } else if (body !== undefined) headers['content-type'] ??= 'application/json';
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, headers: response.headers, body: parsed as T };
  }
}
