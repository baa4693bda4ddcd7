/**
 * Sessions the server can end, tried as an attacker holding a token would: short-lived access
 * tokens bound to a session, refresh tokens that work once (a replayed one burns the whole family),
 * sign-out and sign-out-everywhere that take effect on the next request, deactivated users and
 * demoted approvers refused within the session check's cache time, tokens for another issuer or
 * audience refused.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { AuditEvent } from '../../libs/persistence/src/entities/audit-event.entity.js';
import type { SeededOrganisation } from '../../libs/persistence/src/seed/organisation-with-users.js';
import { SystemUnderTest, TEST_PASSWORD } from '../support/system-under-test.js';

// Each sign-in hashes a password (scrypt, 128 MiB): seconds apiece on a busy machine.
jest.setTimeout(30_000);

let system: SystemUnderTest;

beforeAll(async () => {
  system = await SystemUnderTest.start({ worker: false });
}, 60_000);

afterAll(async () => {
  await system?.stop();
});

interface Tokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

async function bearerSignIn(organisation: SeededOrganisation, role: keyof SeededOrganisation['users']): Promise<Tokens> {
  const result = await system.request('POST', '/api/auth/login', { body: { email: organisation.users[role].email, password: TEST_PASSWORD } });
  expect(result.status).toBe(200);
  return result.body;
}

async function browserSignIn(organisation: SeededOrganisation, role: keyof SeededOrganisation['users']): Promise<{ cookie: string; csrfToken: string }> {
  const result = await system.request('POST', '/api/auth/session', { body: { email: organisation.users[role].email, password: TEST_PASSWORD } });
  expect(result.status).toBe(200);
  return { cookie: (result.headers.get('set-cookie') ?? '').split(';')[0]!, csrfToken: result.body.csrfToken };
}

const me = (token: string) => system.request('GET', '/api/me', { token });
const meByCookie = (cookie: string) => system.request('GET', '/api/auth/session', { headers: { cookie } });
const refresh = (refreshToken: string) => system.request('POST', '/api/auth/refresh', { body: { refreshToken } });

/** Polls until the request is refused; the milliseconds it took. */
async function millisecondsUntilRefused(probe: () => Promise<{ status: number }>, limitMs: number): Promise<number> {
  const started = Date.now();
  for (;;) {
    const { status } = await probe();
    if (status === 401) return Date.now() - started;
    expect(status).toBe(200);
    if (Date.now() - started > limitMs) throw new Error(`still accepted after ${limitMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('access tokens', () => {
  it('live 15 minutes at most and carry the issuer, the audience and their session', async () => {
    const organisation = await system.organisation();
    const tokens = await bearerSignIn(organisation, 'responder');
    const claims = JSON.parse(Buffer.from(tokens.accessToken.split('.')[1]!, 'base64url').toString());
    expect(claims).toMatchObject({ iss: 'breachflow', aud: 'breachflow-api', sub: organisation.users.responder.id, role: 'responder' });
    expect(claims.exp - claims.iat).toBeLessThanOrEqual(900);
    expect(tokens.expiresIn).toBeLessThanOrEqual(900);
    expect(claims.sid).toMatch(/^[0-9a-f-]{36}$/);
    expect((await me(tokens.accessToken)).status).toBe(200);
  });

  it('refuses a token signed with the right secret for another issuer, another audience, or without a session', async () => {
    const organisation = await system.organisation();
    const tokens = await bearerSignIn(organisation, 'dpo');
    const { sid } = JSON.parse(Buffer.from(tokens.accessToken.split('.')[1]!, 'base64url').toString());
    const jwt = system.app.get(JwtService);
    const payload = { sub: organisation.users.dpo.id, org: organisation.organisationId, role: 'dpo', sid };
    // The same claims and session, minted as the service does: accepted; only the claim under test differs below.
    expect((await me(await jwt.signAsync(payload))).status).toBe(200);
    for (const forged of [
      await jwt.signAsync(payload, { issuer: 'someone-else' }),
      await jwt.signAsync(payload, { audience: 'another-service' }),
      await jwt.signAsync({ ...payload, sid: undefined }),
      await jwt.signAsync({ ...payload, sid: randomUUID() }),
      await jwt.signAsync({ ...payload, role: 'admin' }),
      await jwt.signAsync({ ...payload, sub: organisation.users.viewer.id }),
    ]) {
      expect((await me(forged)).status).toBe(401);
    }
  });
});

describe('refresh tokens', () => {
  it('rotate: each works once, and a replayed one revokes its whole family, the tokens issued after it included', async () => {
    const organisation = await system.organisation();
    const first = await bearerSignIn(organisation, 'approver');
    const second = await refresh(first.refreshToken);
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).not.toBe(first.refreshToken);
    expect((await me(second.body.accessToken)).status).toBe(200);
    const third = await refresh(second.body.refreshToken);
    expect(third.status).toBe(200);

    // The thief replays the first refresh token: refused, and everything of the session ends.
    const replay = await refresh(first.refreshToken);
    expect(replay.status).toBe(401);
    expect(replay.body.message).toMatch(/already used/);
    expect((await refresh(third.body.refreshToken)).status).toBe(401);
    expect((await me(third.body.accessToken)).status).toBe(401);
    expect((await me(first.accessToken)).status).toBe(401);
    const reused = await system.dataSource.getRepository(AuditEvent).findBy({ action: 'auth.refresh-token-reused', organisationId: organisation.organisationId });
    expect(reused).toHaveLength(1);
    expect(reused[0]!.detail).toMatchObject({ userId: organisation.users.approver.id });
    // Another sign-in of the same user is untouched.
    const other = await bearerSignIn(organisation, 'approver');
    expect((await refresh(other.refreshToken)).status).toBe(200);
  });

  it('refuses an unknown token without touching any session, and malformed bodies with 400', async () => {
    expect((await refresh('x'.repeat(43))).status).toBe(401);
    expect((await system.request('POST', '/api/auth/refresh', { body: { refreshToken: 42 } })).status).toBe(400);
    expect((await system.request('POST', '/api/auth/refresh', { body: {} })).status).toBe(400);
  });
});

describe('signing out', () => {
  it('ends this session at the next request, its refresh token too', async () => {
    const organisation = await system.organisation();
    const tokens = await bearerSignIn(organisation, 'responder');
    expect((await system.request('POST', '/api/auth/logout', { token: tokens.accessToken })).status).toBe(204);
    expect((await me(tokens.accessToken)).status).toBe(401);
    expect((await refresh(tokens.refreshToken)).status).toBe(401);
  });

  it('ends a browser session on DELETE, so a copied cookie is refused afterwards; a forged secret never works', async () => {
    const organisation = await system.organisation();
    const { cookie } = await browserSignIn(organisation, 'viewer');
    expect((await meByCookie(cookie)).status).toBe(200);
    const [name, value] = cookie.split('=');
    const [sessionId] = value!.split('.');
    expect((await meByCookie(`${name}=${sessionId}.${'A'.repeat(43)}`)).status).toBe(401);
    expect((await meByCookie(`${name}=not-a-session`)).status).toBe(401);
    expect((await system.request('DELETE', '/api/auth/session', { headers: { cookie } })).status).toBe(204);
    expect((await meByCookie(cookie)).status).toBe(401);
  });

  it('everywhere: ends every session of the user (browsers and API clients), and no one else’s', async () => {
    const organisation = await system.organisation();
    const laptop = await bearerSignIn(organisation, 'dpo');
    const script = await bearerSignIn(organisation, 'dpo');
    const browser = await browserSignIn(organisation, 'dpo');
    const colleague = await bearerSignIn(organisation, 'admin');
    const answer = await system.request('POST', '/api/auth/logout-everywhere', { headers: { cookie: browser.cookie, 'x-csrf-token': browser.csrfToken } });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ sessionsEnded: 3 });
    expect((await me(laptop.accessToken)).status).toBe(401);
    expect((await me(script.accessToken)).status).toBe(401);
    expect((await refresh(script.refreshToken)).status).toBe(401);
    expect((await meByCookie(browser.cookie)).status).toBe(401);
    expect((await me(colleague.accessToken)).status).toBe(200);
  });

  it('everywhere needs the CSRF token when asked by cookie', async () => {
    const organisation = await system.organisation();
    const browser = await browserSignIn(organisation, 'dpo');
    expect((await system.request('POST', '/api/auth/logout-everywhere', { headers: { cookie: browser.cookie } })).status).toBe(403);
    expect((await meByCookie(browser.cookie)).status).toBe(200);
  });
});

describe('changes to the user, made in the database by an administrator', () => {
  const cacheMs = () => system.config.SESSION_CHECK_CACHE_MS;

  it(`refuses a deactivated user's access token, cookie and refresh token within the session check's cache time (5 s)`, async () => {
    const organisation = await system.organisation();
    const tokens = await bearerSignIn(organisation, 'responder');
    const browser = await browserSignIn(organisation, 'responder');
    expect((await me(tokens.accessToken)).status).toBe(200);
    expect((await meByCookie(browser.cookie)).status).toBe(200);
    await system.dataSource.query('UPDATE users SET active = false WHERE id = $1', [organisation.users.responder.id]);
    const elapsed = await millisecondsUntilRefused(() => me(tokens.accessToken), cacheMs() + 1000);
    expect(elapsed).toBeLessThanOrEqual(cacheMs() + 1000);
    expect((await meByCookie(browser.cookie)).status).toBe(401);
    expect((await refresh(tokens.refreshToken)).status).toBe(401);
    expect((await me(tokens.accessToken)).body.message).toMatch(/deactivated/);
    console.info(`deactivated user's token refused after ${elapsed} ms (cache ${cacheMs()} ms)`);
  }, 20_000);

  it('refuses a demoted approver at the approval itself within the cache time, and their refresh token', async () => {
    const organisation = await system.organisation();
    const tokens = await bearerSignIn(organisation, 'approver');
    // The guard lets the approver through to the approval (no such filing: 404)...
    const approve = () => system.request('POST', `/api/filings/${randomUUID()}/approve`, { token: tokens.accessToken, body: { comment: 'looks right' } });
    expect((await approve()).status).toBe(404);
    await system.dataSource.query(`UPDATE users SET role = 'viewer' WHERE id = $1`, [organisation.users.approver.id]);
    // ...and, once the cache has passed, no longer: the token's role is not the user's any more.
    await new Promise((resolve) => setTimeout(resolve, cacheMs() + 100));
    const refused = await approve();
    expect(refused.status).toBe(401);
    expect(refused.body.message).toMatch(/role has changed from approver to viewer/);
    expect((await refresh(tokens.refreshToken)).status).toBe(401);
    // Signing in again gives the new role, which may not approve.
    const again = await bearerSignIn(organisation, 'approver');
    expect((await system.request('POST', `/api/filings/${randomUUID()}/approve`, { token: again.accessToken, body: { comment: 'looks right' } })).status).toBe(403);
  }, 20_000);
});
