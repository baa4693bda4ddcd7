/**
 * Single sign-on against a real OpenID Connect provider (oidc-provider, in this process on a
 * loopback port): the whole browser flow, hop by hop — the API's start, the provider's
 * authorization endpoint, its login and consent, the callback with the code — then the session
 * cookie the callback set, used as the web app uses it. The provider's groups decide the
 * organisation and role at each sign-in; what must be refused is refused without a session.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { AuditEvent } from '../../libs/persistence/src/entities/audit-event.entity.js';
import type { SeededOrganisation } from '../../libs/persistence/src/seed/organisation-with-users.js';
import { runAdminTool } from '../support/admin-tool.js';
import { SystemUnderTest, TEST_PASSWORD } from '../support/system-under-test.js';
import { Browser, TestIdentityProvider } from '../support/test-identity-provider.js';

jest.setTimeout(60_000);

const suffix = randomBytes(4).toString('hex');
const GROUPS = { responders: `incident-team-${suffix}`, approvers: `managers-${suffix}`, viewers: `all-staff-${suffix}`, south: `south-staff-${suffix}` };
const domain = `${randomBytes(6).toString('hex')}.sso.test`;

let idp: TestIdentityProvider;
/** Passwords and SSO both on. */
let system: SystemUnderTest;
/** The same database, passwords off: SSO only. */
let ssoOnly: SystemUnderTest;
let north: SeededOrganisation;
let south: SeededOrganisation;
let northAdmin: string;

beforeAll(async () => {
  const ports = [await SystemUnderTest.freePort(), await SystemUnderTest.freePort()];
  idp = await TestIdentityProvider.start(ports.map((port) => `http://127.0.0.1:${port}/api/auth/oidc/callback`));
  // One JWT_SECRET: a bearer token of one instance is good on the other, as in a deployment of several.
  const sso = { JWT_SECRET: randomBytes(32).toString('hex'), OIDC_ISSUER: idp.issuer, OIDC_CLIENT_ID: idp.clientId, OIDC_CLIENT_SECRET: idp.clientSecret, OIDC_SCOPES: 'openid email profile groups' };
  system = await SystemUnderTest.start({ worker: false, port: ports[0], config: { ...sso, PUBLIC_URL: `http://127.0.0.1:${ports[0]}` } });
  ssoOnly = await SystemUnderTest.start({ worker: false, port: ports[1], config: { ...sso, PUBLIC_URL: `http://127.0.0.1:${ports[1]}`, PASSWORD_SIGN_IN: 'off' } });
  [north, south] = await Promise.all([system.organisation('Region Norr SSO'), system.organisation('Region Syd SSO')]);
  northAdmin = await system.login(north, 'admin');
  const mapped = await system.request('PUT', '/api/organisation/sso-groups', {
    token: northAdmin,
    body: { groups: [{ group: GROUPS.responders, role: 'responder' }, { group: GROUPS.approvers, role: 'approver' }, { group: GROUPS.viewers, role: 'viewer' }] },
  });
  expect(mapped.status).toBe(200);
  const southMapped = await system.request('PUT', '/api/organisation/sso-groups', { token: await system.login(south, 'admin'), body: { groups: [{ group: GROUPS.south, role: 'responder' }] } });
  expect(southMapped.status).toBe(200);
}, 120_000);

afterAll(async () => {
  await ssoOnly?.stop();
  await system?.stop();
  await idp?.stop();
});

interface SsoAttempt {
  browser: Browser;
  /** The callback URL the provider sent the browser to (code and state). */
  callbackUrl: URL;
  /** Where the callback sent the browser. */
  location: string | null;
  sessionCookie: string | undefined;
}

/** A person at a fresh browser signs in with SSO as `subject`; the flow stops at the callback, which is then requested (or `tamper`ed first). */
async function ssoSignIn(
  subject: string,
  options: { api?: SystemUnderTest; provider?: TestIdentityProvider; returnTo?: string; tamper?: (callback: URL) => URL } = {},
): Promise<SsoAttempt> {
  const api = options.api ?? system;
  const provider = options.provider ?? idp;
  const browser = new Browser();
  provider.nextLogin = subject;
  const callback = `${api.baseUrl}/api/auth/oidc/callback`;
  const start = `${api.baseUrl}/api/auth/oidc/start${options.returnTo !== undefined ? `?returnTo=${encodeURIComponent(options.returnTo)}` : ''}`;
  const { url: callbackUrl, hops } = await browser.follow(start, (next) => next.href.startsWith(callback));
  // The start went to the provider (not to the sign-in page with an error), and came back with a code.
  expect(hops[0]!.origin).toBe(provider.issuer);
  expect(callbackUrl.searchParams.get('code')).toBeTruthy();
  const answer = await browser.get(options.tamper ? options.tamper(new URL(callbackUrl)) : callbackUrl);
  expect(answer.status).toBe(302);
  return { browser, callbackUrl, location: answer.headers.get('location'), sessionCookie: browser.cookie(api.baseUrl, 'breachflow_session') };
}

const withCookies = (api: SystemUnderTest, browser: Browser, path: string) => api.request('GET', path, { headers: { cookie: browser.cookieHeader(new URL(`${api.baseUrl}${path}`)) } });

async function auditOf(action: string, userId: string): Promise<AuditEvent[]> {
  return system.dataSource.getRepository(AuditEvent).createQueryBuilder('e').where('e.action = :action', { action }).andWhere("e.detail->>'userId' = :userId", { userId }).orderBy('e.seq', 'ASC').getMany();
}

const userByEmail = async (email: string) => (await system.dataSource.query('SELECT id, organisation_id, role, active, password_hash, oidc_subject FROM users WHERE lower(email) = lower($1)', [email]))[0];

describe('signing in with the organisation’s account', () => {
  const anna = `anna-${suffix}`;
  const annaEmail = `anna@${domain}`;
  let firstBrowser: Browser;

  it('creates the account at the first sign-in, with the role its group maps to, in the same session cookie a password gives', async () => {
    idp.accounts.set(anna, { email: annaEmail, email_verified: true, name: 'Anna Andersson', groups: [GROUPS.responders, 'lunch-club'] });
    const userinfoRequests = idp.userinfoRequests;
    const attempt = await ssoSignIn(anna, { returnTo: '/incidents/new' });
    // This provider keeps the groups and the address out of the ID token: they came from userinfo.
    expect(idp.userinfoRequests).toBe(userinfoRequests + 1);
    expect(attempt.location).toBe('/incidents/new');
    expect(attempt.sessionCookie).toBeDefined();
    firstBrowser = attempt.browser;

    const me = await withCookies(system, attempt.browser, '/api/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ organisationId: north.organisationId, role: 'responder' });
    const session = await withCookies(system, attempt.browser, '/api/auth/session');
    expect(session.status).toBe(200);
    expect(session.body.csrfToken).toEqual(expect.any(String));

    const account = await userByEmail(annaEmail);
    expect(account).toMatchObject({ id: me.body.id, organisation_id: north.organisationId, role: 'responder', active: true, password_hash: null, oidc_subject: anna });
    const [provisioned] = await auditOf('user.sso-provisioned', account.id);
    expect(provisioned).toMatchObject({ actor: 'identity-provider', organisationId: north.organisationId, detail: { role: 'responder', groups: [GROUPS.responders] } });
    expect(JSON.stringify(provisioned!.detail)).not.toContain(annaEmail);
    const signedIn = await system.dataSource.getRepository(AuditEvent).findOneByOrFail({ action: 'auth.signed-in', actor: account.id });
    expect(signedIn.detail).toMatchObject({ kind: 'browser', method: 'sso' });
    // The admin's list says how the account signs in: no password, and no invitation outstanding.
    const listed = (await system.request('GET', '/api/users', { token: northAdmin })).body.find((user: { id: string }) => user.id === account.id);
    expect(listed).toMatchObject({ displayName: 'Anna Andersson', role: 'responder', passwordSet: false, singleSignOn: true });
  });

  it('makes the role follow the provider’s groups at the next sign-in; the session with the old role ends', async () => {
    idp.accounts.set(anna, { ...idp.accounts.get(anna), groups: [GROUPS.viewers, GROUPS.approvers] });
    const attempt = await ssoSignIn(anna);
    expect(attempt.location).toBe('/');
    // Several groups match: the most privileged role wins.
    expect((await withCookies(system, attempt.browser, '/api/me')).body.role).toBe('approver');
    expect((await withCookies(system, firstBrowser, '/api/me')).status).toBe(401);
    const account = await userByEmail(annaEmail);
    expect(account.role).toBe('approver');
    const [changed] = await auditOf('user.role-changed', account.id);
    expect(changed).toMatchObject({ actor: 'identity-provider', detail: { from: 'responder', to: 'approver', sessionsEnded: [expect.any(String)] } });
  });

  it('refuses a person whose groups map to no role: no session, and an existing account is left as it is', async () => {
    const bertil = `bertil-${suffix}`;
    idp.accounts.set(bertil, { email: `bertil@${domain}`, email_verified: true, groups: ['lunch-club'] });
    const stranger = await ssoSignIn(bertil);
    expect(stranger.location).toBe('/?sso-error=no-role');
    expect(stranger.sessionCookie).toBeUndefined();
    expect(await userByEmail(`bertil@${domain}`)).toBeUndefined();

    idp.accounts.set(anna, { ...idp.accounts.get(anna), groups: [] });
    const removed = await ssoSignIn(anna);
    expect(removed.location).toBe('/?sso-error=no-role');
    expect(removed.sessionCookie).toBeUndefined();
    const account = await userByEmail(annaEmail);
    expect(account).toMatchObject({ role: 'approver', active: true });
    expect((await auditOf('auth.sso-refused', account.id)).map((event) => event.detail.reason)).toEqual(['no-role']);
  });

  it('refuses groups that map into two organisations', async () => {
    const cecilia = `cecilia-${suffix}`;
    idp.accounts.set(cecilia, { email: `cecilia@${domain}`, groups: [GROUPS.responders, GROUPS.south] });
    const attempt = await ssoSignIn(cecilia);
    expect(attempt.location).toBe('/?sso-error=several-organisations');
    expect(attempt.sessionCookie).toBeUndefined();
  });

  it('keeps a deactivated account out, whatever the provider says', async () => {
    idp.accounts.set(anna, { ...idp.accounts.get(anna), groups: [GROUPS.responders] });
    const account = await userByEmail(annaEmail);
    expect((await system.request('PATCH', `/api/users/${account.id}`, { token: northAdmin, body: { active: false } })).status).toBe(200);
    const attempt = await ssoSignIn(anna);
    expect(attempt.location).toBe('/?sso-error=deactivated');
    expect(attempt.sessionCookie).toBeUndefined();
    expect(await userByEmail(annaEmail)).toMatchObject({ role: 'approver', active: false });
  });

  it('binds an account that exists already (by its e-mail address) to the provider identity, and refuses another identity with that address', async () => {
    const viewer = north.users.viewer;
    const subject = `viewer-${suffix}`;
    idp.accounts.set(subject, { email: viewer.email.toUpperCase(), groups: [GROUPS.viewers] });
    const attempt = await ssoSignIn(subject);
    expect(attempt.location).toBe('/');
    expect((await withCookies(system, attempt.browser, '/api/me')).body).toMatchObject({ id: viewer.id, role: 'viewer' });
    expect(await userByEmail(viewer.email)).toMatchObject({ oidc_subject: subject });
    // The password still works while passwords are on.
    expect((await system.request('POST', '/api/auth/login', { body: { email: viewer.email, password: TEST_PASSWORD } })).status).toBe(200);

    const impostor = `impostor-${suffix}`;
    idp.accounts.set(impostor, { email: viewer.email, groups: [GROUPS.approvers] });
    expect((await ssoSignIn(impostor)).location).toBe('/?sso-error=account-conflict');
  });

  it('refuses an e-mail address the provider says is not verified', async () => {
    const dora = `dora-${suffix}`;
    idp.accounts.set(dora, { email: `dora@${domain}`, email_verified: false, groups: [GROUPS.responders] });
    expect((await ssoSignIn(dora)).location).toBe('/?sso-error=email-missing');
    expect(await userByEmail(`dora@${domain}`)).toBeUndefined();
  });

  it('returns only to paths of the web app, never to another site', async () => {
    const erik = `erik-${suffix}`;
    idp.accounts.set(erik, { email: `erik@${domain}`, groups: [GROUPS.viewers] });
    for (const returnTo of ['//evil.example/', 'https://evil.example/', '/\\evil.example']) {
      expect((await ssoSignIn(erik, { returnTo })).location).toBe('/');
    }
  });
});

describe('what the callback refuses', () => {
  const frida = `frida-${suffix}`;

  beforeAll(() => {
    idp.accounts.set(frida, { email: `frida@${domain}`, groups: [GROUPS.responders] });
  });

  it('refuses a tampered state, signs nobody in, and the pending sign-in is spent', async () => {
    const attempt = await ssoSignIn(frida, {
      tamper: (callback) => {
        callback.searchParams.set('state', `${callback.searchParams.get('state')}x`);
        return callback;
      },
    });
    expect(attempt.location).toBe('/?sso-error=sso-failed');
    expect(attempt.sessionCookie).toBeUndefined();
    // The genuine answer, after the tampered one, finds no pending sign-in in this browser.
    const genuine = await attempt.browser.get(attempt.callbackUrl);
    expect(genuine.headers.get('location')).toBe('/?sso-error=sso-expired');
    expect(attempt.browser.cookie(system.baseUrl, 'breachflow_session')).toBeUndefined();
    expect(await userByEmail(`frida@${domain}`)).toBeUndefined();
  });

  it('refuses an ID token signed with a key the provider does not publish', async () => {
    idp.forgeIdTokenSignatures = true;
    try {
      const attempt = await ssoSignIn(frida);
      expect(attempt.location).toBe('/?sso-error=sso-failed');
      expect(attempt.sessionCookie).toBeUndefined();
    } finally {
      idp.forgeIdTokenSignatures = false;
    }
    expect(await userByEmail(`frida@${domain}`)).toBeUndefined();
  });

  it('refuses a code brought back in another browser (no pending sign-in there)', async () => {
    const attempt = await ssoSignIn(frida, { tamper: (callback) => callback });
    expect(attempt.location).toBe('/');
    const elsewhere = new Browser();
    const replayed = await elsewhere.get(attempt.callbackUrl);
    expect(replayed.headers.get('location')).toBe('/?sso-error=sso-expired');
    expect(elsewhere.cookie(system.baseUrl, 'breachflow_session')).toBeUndefined();
  });

  it('refuses a pending-login cookie edited by its holder', async () => {
    const browser = new Browser();
    idp.nextLogin = frida;
    const { url } = await browser.follow(`${system.baseUrl}/api/auth/oidc/start`, (next) => next.pathname === '/api/auth/oidc/callback');
    const pending = browser.cookie(system.baseUrl, 'breachflow_sso')!;
    const [payload, signature] = pending.split('.');
    const edited = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), returnTo: '/register' })).toString('base64url');
    const answer = await fetch(url, { redirect: 'manual', headers: { cookie: `breachflow_sso=${edited}.${signature}` } });
    expect(answer.headers.get('location')).toBe('/?sso-error=sso-expired');
    expect(answer.headers.getSetCookie().some((cookie) => cookie.startsWith('breachflow_session='))).toBe(false);
  });
});

describe('a provider that puts the groups and the e-mail address in the ID token', () => {
  let tokenIdp: TestIdentityProvider;
  let tokenApi: SystemUnderTest;

  beforeAll(async () => {
    const port = await SystemUnderTest.freePort();
    tokenIdp = await TestIdentityProvider.start([`http://127.0.0.1:${port}/api/auth/oidc/callback`], { claimsInIdToken: true });
    tokenApi = await SystemUnderTest.start({
      worker: false,
      port,
      config: { JWT_SECRET: system.config.JWT_SECRET, OIDC_ISSUER: tokenIdp.issuer, OIDC_CLIENT_ID: tokenIdp.clientId, OIDC_CLIENT_SECRET: tokenIdp.clientSecret, OIDC_SCOPES: 'openid email profile groups', PUBLIC_URL: `http://127.0.0.1:${port}` },
    });
  }, 60_000);

  afterAll(async () => {
    await tokenApi?.stop();
    await tokenIdp?.stop();
  });

  it('maps the groups in the ID token to the role, without asking userinfo', async () => {
    const ingrid = `ingrid-${suffix}`;
    tokenIdp.accounts.set(ingrid, { email: `ingrid@${domain}`, email_verified: true, name: 'Ingrid Isaksson', groups: ['lunch-club', GROUPS.approvers] });
    const attempt = await ssoSignIn(ingrid, { api: tokenApi, provider: tokenIdp });
    expect(attempt.location).toBe('/');
    expect((await withCookies(tokenApi, attempt.browser, '/api/me')).body).toMatchObject({ organisationId: north.organisationId, role: 'approver' });
    expect(tokenIdp.userinfoRequests).toBe(0);
    const account = await userByEmail(`ingrid@${domain}`);
    expect(account).toMatchObject({ organisation_id: north.organisationId, role: 'approver', oidc_subject: ingrid });
    const [provisioned] = await auditOf('user.sso-provisioned', account.id);
    expect(provisioned!.detail).toMatchObject({ role: 'approver', groups: [GROUPS.approvers] });
  });

  it('refuses, from the ID token alone, someone whose groups map to no role', async () => {
    const jonas = `jonas-${suffix}`;
    tokenIdp.accounts.set(jonas, { email: `jonas@${domain}`, groups: ['lunch-club'] });
    const attempt = await ssoSignIn(jonas, { api: tokenApi, provider: tokenIdp });
    expect(attempt.location).toBe('/?sso-error=no-role');
    expect(attempt.sessionCookie).toBeUndefined();
    expect(tokenIdp.userinfoRequests).toBe(0);
  });

  // Last here: the provider stays stopped.
  it('goes back to the sign-in page with sso-unavailable when the provider stops between giving the code and exchanging it: no 500, no session', async () => {
    const karin = `karin-${suffix}`;
    tokenIdp.accounts.set(karin, { email: `karin@${domain}`, groups: [GROUPS.responders] });
    const attempt = await ssoSignIn(karin, { api: tokenApi, provider: tokenIdp, tamper: (callback) => callback });
    await attempt.browser.get(`${tokenApi.baseUrl}/api/auth/session`);
    // That sign-in worked; the next one gets its code, then the provider goes away before the API exchanges it.
    const browser = new Browser();
    tokenIdp.nextLogin = karin;
    const { url: callbackUrl } = await browser.follow(`${tokenApi.baseUrl}/api/auth/oidc/start`, (next) => next.pathname === '/api/auth/oidc/callback');
    expect(callbackUrl.searchParams.get('code')).toBeTruthy();
    await tokenIdp.stop();
    const answer = await browser.get(callbackUrl);
    expect(answer.status).toBe(302);
    expect(answer.headers.get('location')).toBe('/?sso-error=sso-unavailable');
    expect(browser.cookie(tokenApi.baseUrl, 'breachflow_session')).toBeUndefined();
  });
});

describe('a provider that cannot be reached', () => {
  let unreachable: SystemUnderTest;

  beforeAll(async () => {
    // Nothing listens at the issuer: a port that was free a moment ago, on loopback.
    const issuer = `http://127.0.0.1:${await SystemUnderTest.freePort()}`;
    const port = await SystemUnderTest.freePort();
    unreachable = await SystemUnderTest.start({
      worker: false,
      port,
      config: { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: 'breachflow', OIDC_CLIENT_SECRET: 'not-used-here', PUBLIC_URL: `http://127.0.0.1:${port}` },
    });
  }, 60_000);

  afterAll(async () => {
    await unreachable?.stop();
  });

  it('the API starts all the same, and the sign-in goes back to the sign-in page with sso-unavailable: no 500, no cookie', async () => {
    expect((await unreachable.request('GET', '/api/auth/methods')).body).toEqual({ password: true, sso: true });
    for (let attempt = 0; attempt < 2; attempt += 1) {
      // Twice: a failed discovery is not kept, and fails again the same way.
      const answer = await fetch(`${unreachable.baseUrl}/api/auth/oidc/start?returnTo=%2Fregister`, { redirect: 'manual' });
      expect(answer.status).toBe(302);
      expect(answer.headers.get('location')).toBe('/?sso-error=sso-unavailable');
      expect(answer.headers.getSetCookie()).toEqual([]);
    }
  });
});

describe('passwords switched off', () => {
  it('says so to the sign-in page', async () => {
    expect((await ssoOnly.request('GET', '/api/auth/methods')).body).toEqual({ password: false, sso: true });
    expect((await system.request('GET', '/api/auth/methods')).body).toEqual({ password: true, sso: true });
  });

  it('refuses password sign-in, choosing a password and invitations with 403 naming the setting', async () => {
    const credentials = { email: north.users.responder.email, password: TEST_PASSWORD };
    for (const path of ['/api/auth/login', '/api/auth/session']) {
      const refused = await ssoOnly.request('POST', path, { body: credentials });
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ kind: 'forbidden', message: expect.stringContaining('PASSWORD_SIGN_IN=off') });
      expect(refused.headers.get('set-cookie')).toBeNull();
    }
    expect((await ssoOnly.request('POST', '/api/auth/set-password', { body: { token: 'x'.repeat(40), password: 'ett långt lösenord här' } })).status).toBe(403);
    // An admin signed in before passwords were switched off (on the other instance, same database and secret) cannot invite either.
    const invited = await ssoOnly.request('POST', '/api/users', { token: northAdmin, body: { email: `new@${domain}`, displayName: 'Ny Person', role: 'viewer' } });
    expect(invited.status).toBe(403);
    expect(invited.body.message).toContain('PASSWORD_SIGN_IN=off');
    // Nor send anyone a new link to choose a password with.
    const someone = (await ssoOnly.request<Array<{ id: string }>>('GET', '/api/users', { token: northAdmin })).body[0]!;
    const newLink = await ssoOnly.request('POST', `/api/users/${someone.id}/invitation`, { token: northAdmin, body: {} });
    expect(newLink.status).toBe(403);
    expect(newLink.body.message).toContain('PASSWORD_SIGN_IN=off');
  });

  it('signs people in with the organisation’s account', async () => {
    const gustav = `gustav-${suffix}`;
    idp.accounts.set(gustav, { email: `gustav@${domain}`, groups: [GROUPS.approvers] });
    const attempt = await ssoSignIn(gustav, { api: ssoOnly });
    expect(attempt.location).toBe('/');
    expect((await withCookies(ssoOnly, attempt.browser, '/api/me')).body).toMatchObject({ organisationId: north.organisationId, role: 'approver' });
  });
});

describe('the group mapping', () => {
  it('is read by admins and the DPO, changed by admins only, audited, and names a group listed twice', async () => {
    const dpo = await system.login(north, 'dpo');
    const read = await system.request('GET', '/api/organisation/sso-groups', { token: dpo });
    expect(read.status).toBe(200);
    expect(read.body.groups).toContainEqual({ group: GROUPS.approvers, role: 'approver' });
    expect((await system.request('PUT', '/api/organisation/sso-groups', { token: dpo, body: { groups: [] } })).status).toBe(403);
    expect((await system.request('GET', '/api/organisation/sso-groups', { token: await system.login(north, 'responder') })).status).toBe(403);

    const twice = await system.request('PUT', '/api/organisation/sso-groups', { token: northAdmin, body: { groups: [{ group: 'x', role: 'viewer' }, { group: 'x', role: 'admin' }] } });
    expect(twice.status).toBe(400);
    expect(twice.body.errors).toEqual([expect.objectContaining({ field: 'groups[1].group' })]);
    const blank = await system.request('PUT', '/api/organisation/sso-groups', { token: northAdmin, body: { groups: [{ group: ' padded ', role: 'superuser' }] } });
    expect(blank.status).toBe(400);

    const lines = [...read.body.groups, { group: `dso-${suffix}`, role: 'dpo' }];
    const replaced = await system.request('PUT', '/api/organisation/sso-groups', { token: northAdmin, body: { groups: lines } });
    expect(replaced.status).toBe(200);
    expect(replaced.body.groups).toHaveLength(lines.length);
    const [changed] = await system.dataSource.getRepository(AuditEvent).find({ where: { action: 'organisation.sso-groups-changed', organisationId: north.organisationId }, order: { seq: 'DESC' }, take: 1 });
    expect(changed!.detail).toMatchObject({ after: expect.arrayContaining([{ group: `dso-${suffix}`, role: 'dpo' }]) });
    // Another organisation's mapping is its own.
    expect((await system.request('GET', '/api/organisation/sso-groups', { token: await system.login(south, 'admin') })).body.groups).toEqual([{ group: GROUPS.south, role: 'responder' }]);
  });
});

describe('the command line, with passwords off', () => {
  const runAdmin = (args: string[]) =>
    runAdminTool(args, { DATABASE_URL: system.config.DATABASE_URL, AUDIT_HMAC_KEY: system.config.AUDIT_HMAC_KEY, PUBLIC_URL: ssoOnly.baseUrl, PASSWORD_SIGN_IN: 'off' });

  it('refuses an admin with a password, saying what to do instead; the group it maps lets the first admin in', async () => {
    const refused = await runAdmin(['create-admin', '--email', `first@${domain}`, '--organisation', 'Region Öst', '--one-time-link']);
    expect(refused.code).toBe(64);
    expect(refused.stderr).toContain('PASSWORD_SIGN_IN=off');
    expect(refused.stderr).toContain('map-sso-group --group G --role admin');
    expect(await userByEmail(`first@${domain}`)).toBeUndefined();

    expect((await runAdmin(['map-sso-group', '--group', 'it-admins', '--role', 'superuser'])).code).toBe(64);
    const organisation = `Region Öst ${suffix}`;
    const mapped = await runAdmin(['map-sso-group', '--group', `it-admins-${suffix}`, '--role', 'admin', '--organisation', organisation]);
    expect(mapped.code).toBe(0);
    expect(mapped.stdout).toContain(`members of it-admins-${suffix} get the role admin in ${organisation} (organisation created)`);

    const hanna = `hanna-${suffix}`;
    idp.accounts.set(hanna, { email: `hanna@${domain}`, name: 'Hanna Hult', groups: [`it-admins-${suffix}`] });
    const attempt = await ssoSignIn(hanna, { api: ssoOnly });
    expect((await withCookies(ssoOnly, attempt.browser, '/api/me')).body.role).toBe('admin');
    expect((await withCookies(ssoOnly, attempt.browser, '/api/organisation')).body.name).toBe(organisation);
    expect((await withCookies(ssoOnly, attempt.browser, '/api/organisation/sso-groups')).body.groups).toEqual([{ group: `it-admins-${suffix}`, role: 'admin' }]);
  });
});
