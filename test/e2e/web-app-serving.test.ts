/**
 * The web app as the browser meets it: the session cookie with its CSRF token (bearer tokens
 * unchanged for API clients), and the single-page app served at `/` with its caching and CSP.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { defaultWebRoot } from '../../apps/api/src/web/serve-web-app.js';
import type { SeededOrganisation } from '../../libs/persistence/src/seed/organisation-with-users.js';
import { SystemUnderTest, TEST_PASSWORD } from '../support/system-under-test.js';
import { highRiskFacts } from '../support/risk-facts-examples.js';

let system: SystemUnderTest;
let organisation: SeededOrganisation;

beforeAll(async () => {
  system = await SystemUnderTest.start({ worker: false });
  organisation = await system.organisation();
}, 60_000);

afterAll(async () => {
  await system?.stop();
});

async function signIn(role: 'responder' | 'viewer' = 'responder') {
  const result = await system.request('POST', '/api/auth/session', { body: { email: organisation.users[role].email, password: TEST_PASSWORD } });
  const setCookie = result.headers.get('set-cookie') ?? '';
  return { result, setCookie, cookie: setCookie.split(';')[0], csrfToken: result.body.csrfToken as string };
}

describe('browser session', () => {
  it('sets an httpOnly, SameSite=Strict session cookie (not Secure over plain HTTP) and answers who and the CSRF token', async () => {
    const { result, setCookie, csrfToken } = await signIn();
    expect(result.status).toBe(200);
    expect(setCookie).toMatch(/^breachflow_session=[\w.-]+;/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    expect(setCookie).not.toMatch(/Secure/i);
    expect(result.body.user).toEqual({ id: organisation.users.responder.id, organisationId: organisation.organisationId, role: 'responder' });
    expect(csrfToken).toMatch(/^[\w-]{43}$/);
    expect(JSON.stringify(result.body)).not.toContain(setCookie.split(';')[0].split('=')[1]);
  });

  it('refuses a wrong password without setting a cookie', async () => {
    const result = await system.request('POST', '/api/auth/session', { body: { email: organisation.users.responder.email, password: 'wrong password' } });
    expect(result.status).toBe(401);
    expect(result.headers.get('set-cookie')).toBeNull();
  });

  it('reads with the cookie alone, and GET /api/auth/session gives the same CSRF token back', async () => {
    const { cookie, csrfToken } = await signIn();
    const me = await system.request('GET', '/api/me', { headers: { cookie } });
    expect(me.status).toBe(200);
    expect(me.body.role).toBe('responder');
    const session = await system.request('GET', '/api/auth/session', { headers: { cookie } });
    expect(session.status).toBe(200);
    expect(session.body.csrfToken).toBe(csrfToken);
    expect((await system.request('GET', '/api/auth/session')).status).toBe(401);
  });

  it('refuses a change made with the cookie unless it carries the session CSRF token', async () => {
    const { cookie, csrfToken } = await signIn();
    const other = await signIn('viewer');
    const body = highRiskFacts;
    expect((await system.request('POST', '/api/risk/assess', { body, headers: { cookie } })).status).toBe(403);
    expect((await system.request('POST', '/api/risk/assess', { body, headers: { cookie, 'x-csrf-token': other.csrfToken } })).status).toBe(403);
    const accepted = await system.request('POST', '/api/risk/assess', { body, headers: { cookie, 'x-csrf-token': csrfToken } });
    expect(accepted.status).toBe(200);
    expect(accepted.body.outcome).toBe('high-risk');
  });

  it('keeps bearer tokens working for API clients, without a CSRF token', async () => {
    const token = await system.login(organisation, 'responder');
    const accepted = await system.request('POST', '/api/risk/assess', { token, body: highRiskFacts });
    expect(accepted.status).toBe(200);
  });

  it('signs out by clearing the cookie', async () => {
    const result = await system.request('DELETE', '/api/auth/session');
    expect(result.status).toBe(204);
    expect(result.headers.get('set-cookie')).toMatch(/^breachflow_session=;.*Expires=Thu, 01 Jan 1970/i);
  });
});

describe('the single-page app at /', () => {
  const asset = readdirSync(join(defaultWebRoot(), 'assets')).find((name) => name.endsWith('.js'));

  it('serves index.html at / and at every app route, never cached, under a CSP without inline script', async () => {
    for (const path of ['/', '/incidents/3b0a4c6e-8a0e-4c39-9d4e-0b1f2f6c1d2a', '/register']) {
      const page = await fetch(`${system.baseUrl}${path}`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/text\/html/);
      expect(page.headers.get('cache-control')).toBe('no-cache');
      const csp = page.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-inline');
      const html = await page.text();
      expect(html).toContain('<div id="root"></div>');
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      expect(html).not.toMatch(/https?:\/\//);
    }
  });

  it('caches content-hashed assets for a year, and a missing asset is a 404', async () => {
    expect(asset).toBeDefined();
    const script = await fetch(`${system.baseUrl}/assets/${asset}`);
    expect(script.status).toBe(200);
    expect(script.headers.get('cache-control')).toMatch(/max-age=31536000.*immutable|immutable.*max-age=31536000/);
    expect((await fetch(`${system.baseUrl}/assets/missing-0000.js`)).status).toBe(404);
  });

  it('keeps the JavaScript a page loads first within 200 kB gzipped', () => {
    const html = readFileSync(join(defaultWebRoot(), 'index.html'), 'utf8');
    const initial = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="([^"]+\.js)"/g)].map((match) => match[1]);
    expect(initial.length).toBeGreaterThan(0);
    const gzipped = initial.reduce((sum, path) => sum + gzipSync(readFileSync(join(defaultWebRoot(), path))).length, 0);
    expect(gzipped).toBeLessThanOrEqual(200 * 1024);
  });

  it('leaves the API, health and docs to the server', async () => {
    const unknown = await system.request('GET', '/api/no-such-endpoint');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ statusCode: 404 });
    expect((await system.request('GET', '/health')).body).toMatchObject({ status: 'ok' });
    expect((await fetch(`${system.baseUrl}/api/docs/openapi.json`)).headers.get('content-type')).toMatch(/json/);
  });
});
