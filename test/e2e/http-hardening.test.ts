/**
 * The HTTP surface a hospital's security review looks at first: helmet's headers and no caching
 * of anything under /api, HSTS only where people come over HTTPS, the web app's own CSP intact,
 * no OpenAPI UI in production, a public /health that says up or down and never why, the API on
 * loopback unless told otherwise, and request logs without query strings.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Connection } from '@temporalio/client';
import { spawn } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { WEB_APP_CSP } from '../../apps/api/src/web/serve-web-app.js';
import type { SeededOrganisation } from '../../libs/persistence/src/seed/organisation-with-users.js';
import { eventually } from '../support/eventually.js';
import { SystemUnderTest } from '../support/system-under-test.js';
import { configEnv } from '../support/test-config.js';

const apiMain = fileURLToPath(new URL('../../dist/apps/api/src/main.js', import.meta.url));
let system: SystemUnderTest;
let org: SeededOrganisation;
let token: string;

beforeAll(async () => {
  system = await SystemUnderTest.start({ worker: false });
  org = await system.organisation();
  token = await system.login(org, 'responder');
}, 60_000);

afterAll(async () => {
  await system?.stop();
});

describe('headers', () => {
  it('every /api answer, a refusal too, is no-store and carries helmet’s headers with a deny-all CSP; no HSTS over plain HTTP', async () => {
    for (const [path, options, status] of [
      ['/api/incidents', { token }, 200],
      ['/api/users', { token }, 403],
      ['/api/incidents', {}, 401],
      ['/api/no-such-route', { token }, 404],
      ['/health', {}, 200],
    ] as const) {
      const answer = await system.request('GET', path, options);
      expect([path, answer.status]).toEqual([path, status]);
      expect([path, answer.headers.get('cache-control')]).toEqual([path, 'no-store']);
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
      expect(answer.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(answer.headers.get('referrer-policy')).toBe('no-referrer');
      expect(answer.headers.get('cross-origin-opener-policy')).toBe('same-origin');
      expect(answer.headers.get('content-security-policy')).toBe("default-src 'none';base-uri 'none';form-action 'none';frame-ancestors 'none'");
      expect(answer.headers.get('strict-transport-security')).toBeNull();
      expect(answer.headers.get('x-powered-by')).toBeNull();
    }
  });

  it('the web app’s pages keep their own CSP and caching; only the API is no-store', async () => {
    const page = await system.request('GET', '/incidents/new');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(WEB_APP_CSP);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(page.headers.get('referrer-policy')).toBe('same-origin');
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(page.body as string)?.[1];
    const script = await system.request('GET', asset!);
    expect(script.headers.get('cache-control')).toMatch(/max-age=31536000/);
  });

  it('HSTS when PUBLIC_URL is https (TLS ends at the proxy in front)', async () => {
    const overHttps = await SystemUnderTest.start({ worker: false, config: { PUBLIC_URL: 'https://breachflow.hospital.test' } });
    try {
      expect((await overHttps.request('GET', '/health')).headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    } finally {
      await overHttps.stop();
    }
  }, 60_000);

  it('believes X-Forwarded-Proto only from the proxy TRUST_PROXY names', async () => {
    const forwarded = { 'x-forwarded-proto': 'https' };
    const sessionCookie = async (target: SystemUnderTest, own: SeededOrganisation) =>
      (await target.request('POST', '/api/auth/session', { body: { email: own.users.viewer.email, password: 'correct horse battery staple' }, headers: forwarded })).headers.get('set-cookie');
    // Without TRUST_PROXY anyone could claim HTTPS: the header counts for nothing.
    expect(await sessionCookie(system, org)).not.toMatch(/Secure/);
    const behindProxy = await SystemUnderTest.start({ worker: false, config: { TRUST_PROXY: 'loopback' } });
    try {
      expect(await sessionCookie(behindProxy, await behindProxy.organisation())).toMatch(/Secure/);
    } finally {
      await behindProxy.stop();
    }
  }, 60_000);
});

describe('in production', () => {
  it('serves no OpenAPI UI or document, and /health says which dependency is down without saying why', async () => {
    const production = await SystemUnderTest.start({ worker: false, config: { NODE_ENV: 'production' } });
    try {
      for (const path of ['/api/docs', '/api/docs/', '/api/docs/openapi.json']) expect([path, (await production.request('GET', path)).status]).toEqual([path, 404]);
      expect((await production.request('GET', '/health')).body).toEqual({ status: 'ok', database: { ok: true }, temporal: { ok: true } });

      await production.app.get(Connection).close();
      const temporalDown = await production.request('GET', '/health');
      expect(temporalDown.status).toBe(503);
      expect(temporalDown.body).toEqual({ status: 'degraded', database: { ok: true }, temporal: { ok: false } });

      await production.dataSource.destroy();
      const bothDown = await production.request('GET', '/health');
      expect(bothDown.status).toBe(503);
      expect(bothDown.body).toEqual({ status: 'degraded', database: { ok: false }, temporal: { ok: false } });
    } finally {
      await production.stop().catch(() => undefined);
    }
    // Outside production the document stays where the README says.
    expect((await system.request('GET', '/api/docs/openapi.json')).status).toBe(200);
  }, 60_000);
});

describe('the API process', () => {
  async function freePort(): Promise<number> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    return port;
  }

  it('listens on loopback by default, and logs requests by path: never a query string', async () => {
    const port = await freePort();
    const { HOST: _host, ...env } = configEnv(system.config);
    const child = spawn(process.execPath, [apiMain], { env: { ...process.env, ...env, PORT: String(port), LOG_LEVEL: 'info' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stdout.on('data', (chunk) => (log += chunk));
    child.stderr.on('data', (chunk) => (log += chunk));
    try {
      await eventually(async () => (log.includes('api listening') ? true : undefined), { timeoutMs: 30_000 });
      expect(log).toMatch(/"host":"127\.0\.0\.1"/);
      const base = `http://127.0.0.1:${port}`;
      const headers = { authorization: `Bearer ${token}` };
      const secrets = ['Anna-Patientsson', '19121212-1212', 'hiv-diagnosis'];
      const answers = await Promise.all([
        fetch(`${base}/api/incidents?q=${secrets[0]}`, { headers }),
        fetch(`${base}/api/incidents?limit=${secrets[1]}`, { headers }),
        fetch(`${base}/api/incidents/not-a-uuid?note=${secrets[2]}`, { headers }),
        fetch(`${base}/health?probe=${secrets[0]}`),
      ]);
      expect(answers.map((answer) => answer.status)).toEqual([200, 400, 400, 200]);
      await eventually(async () => ((log.match(/request completed/g) ?? []).length >= 4 ? true : undefined), { timeoutMs: 10_000 });
      expect(log).toContain('"path":"/api/incidents"');
      for (const secret of secrets) expect(log).not.toContain(secret);
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
  }, 60_000);
});
