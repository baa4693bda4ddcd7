/**
 * Users and the first start, as an attacker would try them: the first admin created by the
 * command-line tool (spawned, as an operator runs it) with a one-time link; invitations by e-mail;
 * links that work once; roles only admins change; the last admin stays; a deactivated user is out.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import type { SeededOrganisation } from '../../libs/persistence/src/seed/organisation-with-users.js';
import { runAdminTool, type AdminToolRun } from '../support/admin-tool.js';
import { SystemUnderTest } from '../support/system-under-test.js';

const GOOD_PASSWORD = 'ett långt lösenord med flera ord';
let system: SystemUnderTest;

beforeAll(async () => {
  system = await SystemUnderTest.start({ worker: false });
}, 60_000);

afterAll(async () => {
  await system?.stop();
});

const uniqueEmail = (who: string) => `${who}-${randomBytes(4).toString('hex')}@hospital.test`;

function runAdmin(args: string[], env: NodeJS.ProcessEnv = {}): Promise<AdminToolRun> {
  return runAdminTool(args, {
    DATABASE_URL: system.config.DATABASE_URL,
    PUBLIC_URL: 'https://breachflow.hospital.test',
    // The audit trail's seal, as the apps hold it: the tool's events must continue their chain.
    ...(system.config.AUDIT_HMAC_KEY ? { AUDIT_HMAC_KEY: system.config.AUDIT_HMAC_KEY } : { PAYLOAD_ENCRYPTION_KEY: system.config.PAYLOAD_ENCRYPTION_KEY }),
    ...env,
  });
}

const tokenOf = (link: string) => /#token=([\w-]+)$/.exec(link)?.[1];

async function signIn(email: string, password: string) {
  return system.request('POST', '/api/auth/login', { body: { email, password } });
}

describe('the first admin, from the command line', () => {
  it('creates the admin and the organisation, prints a one-time link, and the link works once', async () => {
    const email = uniqueEmail('first-admin');
    const organisation = `Sjukhuset ${randomBytes(3).toString('hex')}`;
    const created = await runAdmin(['create-admin', '--email', email, '--organisation', organisation, '--one-time-link']);
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    expect(created.stdout).toContain(`created admin ${email} in ${organisation} (organisation created)`);
    const link = created.stdout.trim().split('\n').at(-1)!;
    expect(link).toMatch(/^https:\/\/breachflow\.hospital\.test\/set-password#token=[\w-]{43}$/);

    // No password yet: nothing signs in, not even an empty or guessed one.
    expect((await signIn(email, GOOD_PASSWORD)).status).toBe(401);
    // Only the hash of the token is stored.
    const stored = await system.dataSource.query('SELECT token_hash FROM password_links pl JOIN users u ON u.id = pl.user_id WHERE u.email = $1', [email]);
    expect(stored).toHaveLength(1);
    expect(stored[0].token_hash).not.toContain(tokenOf(link));

    const weak = await system.request('POST', '/api/auth/set-password', { body: { token: tokenOf(link), password: 'password1234' } });
    expect(weak.status).toBe(400);
    expect(weak.body.errors).toEqual([{ field: 'password', message: 'is one of the most common passwords' }]);
    const short = await system.request('POST', '/api/auth/set-password', { body: { token: tokenOf(link), password: 'kort' } });
    expect(short.body.errors[0].field).toBe('password');

    const set = await system.request('POST', '/api/auth/set-password', { body: { token: tokenOf(link), password: GOOD_PASSWORD } });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ email });
    const signedIn = await signIn(email, GOOD_PASSWORD);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.role).toBe('admin');

    // Replayed, the link is spent: nobody who copied it can take the account over.
    const replay = await system.request('POST', '/api/auth/set-password', { body: { token: tokenOf(link), password: 'en helt annan fras som angriparen valt' } });
    expect(replay.status).toBe(400);
    expect(replay.body.errors[0].field).toBe('token');
    expect((await signIn(email, GOOD_PASSWORD)).status).toBe(200);

    const events = await system.dataSource.query(`SELECT actor, action FROM audit_events WHERE organisation_id = (SELECT organisation_id FROM users WHERE email = $1) ORDER BY seq`, [email]);
    // Sign-ins are audited too (auth.*); what the admin's creation left is the rest.
    const accountEvents = events.filter((event: { action: string }) => !event.action.startsWith('auth.'));
    expect(accountEvents.map((event: { action: string }) => event.action)).toEqual(['organisation.created', 'user.admin-created', 'user.password-set']);
    expect(accountEvents[1].actor).toBe('command-line');
  }, 60_000);

  it('refuses an e-mail address in use, a missing organisation name among several, bad arguments, and a password prompt without a terminal', async () => {
    const org = await system.organisation();
    const taken = await runAdmin(['create-admin', '--email', org.users.responder.email.toUpperCase(), '--organisation', 'Any', '--one-time-link']);
    expect(taken.code).toBe(65);
    expect(taken.stderr).toMatch(/exists already; nothing was created/);
    const unnamed = await runAdmin(['create-admin', '--email', uniqueEmail('x'), '--one-time-link']);
    expect(unnamed.code).toBe(65);
    expect(unnamed.stderr).toMatch(/say which with --organisation/);
    const malformed = await runAdmin(['create-admin', '--email', 'not-an-address', '--organisation', 'Any', '--one-time-link']);
    expect(malformed.code).toBe(64);
    expect(malformed.stderr).toMatch(/--email must be a valid email/);
    const noTerminal = await runAdmin(['create-admin', '--email', uniqueEmail('y'), '--organisation', 'Any']);
    expect(noTerminal.code).toBe(64);
    expect(noTerminal.stderr).toMatch(/no terminal to ask the password on/);
    const noDatabase = await runAdmin(['create-admin', '--email', uniqueEmail('z'), '--organisation', 'Any', '--one-time-link'], { DATABASE_URL: '' });
    expect(noDatabase.code).toBe(78);
    expect(await system.dataSource.query(`SELECT 1 FROM organisations WHERE name = 'Any'`)).toEqual([]);
  }, 60_000);
});

describe('the users API', () => {
  let org: SeededOrganisation;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    org = await system.organisation();
    for (const role of ['admin', 'dpo', 'responder', 'viewer'] as const) tokens[role] = await system.login(org, role);
  }, 60_000);

  const api = (method: string, path: string, role: string, body?: unknown) => system.request(method, path, { token: tokens[role], body });

  it('is for admins only: everyone else gets 403, on every route', async () => {
    for (const role of ['dpo', 'responder', 'viewer']) {
      expect((await api('GET', '/api/users', role)).status).toBe(403);
      expect((await api('POST', '/api/users', role, { email: uniqueEmail('n'), displayName: 'N', role: 'admin' })).status).toBe(403);
      expect((await api('PATCH', `/api/users/${org.users[role as 'dpo'].id}`, role, { role: 'admin' })).status).toBe(403);
    }
    expect(await system.dataSource.query(`SELECT 1 FROM users WHERE organisation_id = $1 AND role = 'admin'`, [org.organisationId])).toHaveLength(1);
  }, 60_000);

  it('lists the organisation’s users without password hashes, and never another organisation’s', async () => {
    const other = await system.organisation();
    const listed = await api('GET', '/api/users', 'admin');
    expect(listed.status).toBe(200);
    expect(listed.headers.get('cache-control')).toBe('no-store');
    expect(listed.body.map((user: { email: string }) => user.email).sort()).toEqual(Object.values(org.users).map((user) => user.email).sort());
    expect(JSON.stringify(listed.body)).not.toMatch(/scrypt|passwordHash/);
    expect(listed.body[0]).toMatchObject({ active: true, passwordSet: true });
    expect((await api('PATCH', `/api/users/${other.users.admin.id}`, 'admin', { active: false })).status).toBe(404);
  }, 60_000);

  it('invites by e-mail: one message to the invitee with a one-time link; then set password and sign in', async () => {
    const email = uniqueEmail('invitee');
    const invited = await api('POST', '/api/users', 'admin', { email, displayName: 'Ingrid Inbjuden', role: 'responder', language: 'en' });
    expect(invited.status).toBe(201);
    expect(invited.body.user).toMatchObject({ email, role: 'responder', active: true, passwordSet: false, singleSignOn: false });
    expect(JSON.stringify(invited.body)).not.toMatch(/token/);
    const message = await system.mail.waitFor((mail) => mail.envelopeTo.includes(email));
    expect(message.envelopeTo).toEqual([email]);
    expect(message.subject).toMatch(/invited to breachflow/);
    const link = /(\S+\/set-password#token=[\w-]+)/.exec(message.text)?.[1];
    expect(link).toBeDefined();

    expect((await api('POST', '/api/users', 'admin', { email: email.toUpperCase(), displayName: 'Again', role: 'viewer' })).status).toBe(409);
    const bad = await api('POST', '/api/users', 'admin', { email: 'nope', displayName: '', role: 'superuser' });
    expect(bad.status).toBe(400);
    expect([...new Set(bad.body.errors.map((error: { field: string }) => error.field))].sort()).toEqual(['displayName', 'email', 'role']);

    expect((await system.request('POST', '/api/auth/set-password', { body: { token: tokenOf(link!), password: GOOD_PASSWORD } })).status).toBe(200);
    const signedIn = await signIn(email, GOOD_PASSWORD);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.role).toBe('responder');
    const audited = await system.dataSource.query(`SELECT action, detail FROM audit_events WHERE organisation_id = $1 AND action LIKE 'user.%' ORDER BY seq`, [org.organisationId]);
    expect(audited.map((event: { action: string }) => event.action)).toEqual(expect.arrayContaining(['user.invited', 'user.password-set']));
    // Ids only in the audit trail: it is append-only and outlives the account.
    expect(JSON.stringify(audited)).not.toContain(email);
  }, 60_000);

  it('an address the mail server refuses for good leaves no user behind', async () => {
    const refusing = await SystemUnderTest.start({ worker: false, rejectRecipient: (address) => address.startsWith('bounce-') });
    try {
      const own = await refusing.organisation();
      const admin = await refusing.login(own, 'admin');
      const email = uniqueEmail('bounce');
      const refused = await refusing.request('POST', '/api/users', { token: admin, body: { email, displayName: 'Bo Studs', role: 'viewer' } });
      expect(refused.status).toBe(422);
      expect(refused.body.errors[0].field).toBe('email');
      expect(await refusing.dataSource.query('SELECT 1 FROM users WHERE email = $1', [email])).toEqual([]);
    } finally {
      await refusing.stop();
    }
  }, 60_000);

  it('changes roles, and never leaves the organisation without an active admin', async () => {
    const demoted = await api('PATCH', `/api/users/${org.users.admin.id}`, 'admin', { role: 'viewer' });
    expect(demoted.status).toBe(409);
    expect(demoted.body.message).toMatch(/you are the organisation's last active admin/);
    expect((await api('PATCH', `/api/users/${org.users.admin.id}`, 'admin', { active: false })).status).toBe(409);

    const promoted = await api('PATCH', `/api/users/${org.users.dpo.id}`, 'admin', { role: 'admin' });
    expect(promoted.status).toBe(200);
    expect(promoted.body.role).toBe('admin');
    // Two admins now: each may step down, but not both.
    const dpoAsAdmin = (await signIn(org.users.dpo.email, 'correct horse battery staple')).body.accessToken;
    const [first, second] = await Promise.all([
      api('PATCH', `/api/users/${org.users.admin.id}`, 'admin', { role: 'approver' }),
      system.request('PATCH', `/api/users/${org.users.dpo.id}`, { token: dpoAsAdmin, body: { role: 'dpo' } }),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    const admins = await system.dataSource.query(`SELECT id FROM users WHERE organisation_id = $1 AND role = 'admin' AND active`, [org.organisationId]);
    expect(admins).toHaveLength(1);
    const changes = await system.dataSource.query(`SELECT detail FROM audit_events WHERE organisation_id = $1 AND action = 'user.role-changed' ORDER BY seq`, [org.organisationId]);
    expect(changes).toHaveLength(2);
    expect(changes[0].detail).toMatchObject({ userId: org.users.dpo.id, from: 'dpo', to: 'admin' });
  }, 60_000);

  it('a deactivated user cannot sign in, and is reactivated by an admin', async () => {
    const admin = (await system.dataSource.query(`SELECT email FROM users WHERE organisation_id = $1 AND role = 'admin' AND active`, [org.organisationId]))[0].email;
    const adminToken = (await signIn(admin, 'correct horse battery staple')).body.accessToken;
    const viewer = org.users.viewer;
    const deactivated = await system.request('PATCH', `/api/users/${viewer.id}`, { token: adminToken, body: { active: false } });
    expect(deactivated.status).toBe(200);
    expect(deactivated.body.active).toBe(false);
    const refused = await signIn(viewer.email, 'correct horse battery staple');
    expect(refused.status).toBe(401);
    // The same answer as a wrong password: nothing tells an attacker the account exists.
    expect(refused.body).toEqual((await signIn(viewer.email, 'wrong password entirely')).body);
    expect((await system.request('POST', '/api/auth/session', { body: { email: viewer.email, password: 'correct horse battery staple' } })).status).toBe(401);

    expect((await system.request('PATCH', `/api/users/${viewer.id}`, { token: adminToken, body: { active: true } })).status).toBe(200);
    expect((await signIn(viewer.email, 'correct horse battery staple')).status).toBe(200);
    const actions = await system.dataSource.query(`SELECT action FROM audit_events WHERE organisation_id = $1 AND detail->>'userId' = $2 ORDER BY seq`, [org.organisationId, viewer.id]);
    // The refused sign-ins are audited as such (auth.sign-in-failed); the account's own changes are these two.
    expect(actions.map((event: { action: string }) => event.action).filter((action: string) => !action.startsWith('auth.'))).toEqual(['user.deactivated', 'user.reactivated']);
    expect((await system.request('PATCH', `/api/users/${viewer.id}`, { token: adminToken, body: {} })).status).toBe(400);
  }, 60_000);
});

describe('a change to a person, made through the users API', () => {
  it('ends their sessions on this instance at once: the next request after a deactivation or a role change is refused, not only once the session check’s cache has expired', async () => {
    const org = await system.organisation();
    const admin = await system.login(org, 'admin');
    const me = (token: string) => system.request('GET', '/api/me', { token });
    const viewer = await system.login(org, 'viewer');
    const responder = await system.login(org, 'responder');
    // Read once just before, so this instance holds each session as standing.
    expect((await me(viewer)).status).toBe(200);
    expect((await me(responder)).status).toBe(200);

    expect((await system.request('PATCH', `/api/users/${org.users.viewer.id}`, { token: admin, body: { active: false } })).status).toBe(200);
    expect((await me(viewer)).status).toBe(401);
    expect((await system.request('PATCH', `/api/users/${org.users.responder.id}`, { token: admin, body: { role: 'approver' } })).status).toBe(200);
    expect((await me(responder)).status).toBe(401);
    // No one else's session is touched.
    expect((await me(admin)).status).toBe(200);
  }, 60_000);
});

describe('a new one-time link, sent by an admin', () => {
  let org: SeededOrganisation;
  let admin: string;

  beforeAll(async () => {
    org = await system.organisation();
    admin = await system.login(org, 'admin');
  }, 60_000);

  const sendNewLink = (userId: string, body?: unknown, token = admin) => system.request('POST', `/api/users/${userId}/invitation`, { token, body });
  const mailsTo = (email: string) => system.mail.messages.filter((mail) => mail.envelopeTo.includes(email));
  const linkIn = (text: string) => /\/set-password#token=([\w-]+)/.exec(text)?.[1];
  const setPassword = (token: string | undefined, password: string) => system.request('POST', '/api/auth/set-password', { body: { token, password } });
  /** As if the last link sent again had gone out `seconds` earlier: the one-a-minute limit is measured from it. */
  const backdateLinks = (userId: string, seconds: number) => system.dataSource.query(`UPDATE password_links SET created_at = created_at - make_interval(secs => $2) WHERE user_id = $1`, [userId, seconds]);

  async function invite(who: string): Promise<{ id: string; email: string; firstToken: string }> {
    const email = uniqueEmail(who);
    const invited = await system.request('POST', '/api/users', { token: admin, body: { email, displayName: `Nina ${who}`, role: 'viewer', language: 'sv' } });
    expect(invited.status).toBe(201);
    const firstToken = linkIn((await system.mail.waitFor((mail) => mail.envelopeTo.includes(email))).text)!;
    return { id: invited.body.user.id, email, firstToken };
  }

  it('sends the invitee a new link by e-mail, to them alone; the earlier link no longer works, the new one does; audited with ids only', async () => {
    const person = await invite('renewed');
    const sent = await sendNewLink(person.id, { language: 'en' });
    expect(sent.status).toBe(200);
    expect(sent.body.user).toMatchObject({ id: person.id, email: person.email, active: true, passwordSet: false });
    expect(sent.body.link.purpose).toBe('renewed-invitation');
    expect(Date.parse(sent.body.link.expiresAt) - Date.now()).toBeGreaterThan(23.9 * 3_600_000);
    // The link is the person's alone: never in the admin's answer.
    expect(JSON.stringify(sent.body)).not.toMatch(/token/);

    const mails = mailsTo(person.email);
    expect(mails).toHaveLength(2);
    expect(mails[1]!.envelopeTo).toEqual([person.email]);
    // Still an invitation (no password yet), in the language asked for this time.
    expect(mails[1]!.subject).toMatch(/invited to breachflow/);
    const newToken = linkIn(mails[1]!.text);
    expect(newToken).toBeDefined();
    expect(newToken).not.toBe(person.firstToken);
    expect(mails[1]!.messageId).not.toBe(mails[0]!.messageId);

    const old = await setPassword(person.firstToken, GOOD_PASSWORD);
    expect(old.status).toBe(400);
    expect(old.body.errors[0].field).toBe('token');
    expect((await setPassword(newToken, GOOD_PASSWORD)).status).toBe(200);
    expect((await signIn(person.email, GOOD_PASSWORD)).status).toBe(200);

    const events = await system.dataSource.query(`SELECT actor, action, detail FROM audit_events WHERE organisation_id = $1 AND detail->>'userId' = $2 AND action LIKE 'user.%' ORDER BY seq`, [org.organisationId, person.id]);
    expect(events.map((event: { action: string }) => event.action)).toEqual(['user.invited', 'user.password-link-sent', 'user.password-set']);
    expect(events[1]).toEqual({ actor: org.users.admin.id, action: 'user.password-link-sent', detail: { userId: person.id, purpose: 'renewed-invitation' } });
    expect(events[2].detail).toMatchObject({ link: 'renewed-invitation', sessionsEnded: 0 });
    expect(JSON.stringify(events)).not.toContain(person.email);
  }, 60_000);

  it('sends at most one new link a minute per person: a double click sends one message, the next is refused with 429 and Retry-After, and a minute later it may go', async () => {
    const person = await invite('double-click');
    const [first, second] = await Promise.all([sendNewLink(person.id), sendNewLink(person.id)]);
    expect([first.status, second.status].sort()).toEqual([200, 429]);
    const refused = first.status === 429 ? first : second;
    const wait = Number(refused.headers.get('retry-after'));
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(60);
    expect(refused.body.message).toMatch(/less than 60 s ago: nothing was sent now/);
    expect(mailsTo(person.email)).toHaveLength(2);
    expect(await system.dataSource.query(`SELECT 1 FROM password_links WHERE user_id = $1`, [person.id])).toHaveLength(2);

    // Asked again within the minute: still refused.
    const later = await sendNewLink(person.id);
    expect(later.status).toBe(429);
    await backdateLinks(person.id, 61);
    expect((await sendNewLink(person.id)).status).toBe(200);
    expect(mailsTo(person.email)).toHaveLength(3);
    const sentAgain = await system.dataSource.query(`SELECT count(*)::int AS n FROM audit_events WHERE organisation_id = $1 AND action = 'user.password-link-sent' AND detail->>'userId' = $2`, [org.organisationId, person.id]);
    expect(sentAgain[0].n).toBe(2);
  }, 60_000);

  it('for someone with a password it is a reset link: the old password works until the new one is chosen, which ends their sessions', async () => {
    const approver = org.users.approver;
    const session = await system.login(org, 'approver');
    const sent = await sendNewLink(approver.id, {});
    expect(sent.status).toBe(200);
    expect(sent.body.link.purpose).toBe('password-reset');
    const mail = mailsTo(approver.email).at(-1)!;
    // The configured default language (sv) when none is asked for; the reset wording, not an invitation.
    expect(mail.subject).toMatch(/^En länk för att välja nytt lösenord till breachflow/);
    expect(mail.text).not.toMatch(/inbjud/);
    expect((await signIn(approver.email, 'correct horse battery staple')).status).toBe(200);
    expect((await system.request('GET', '/api/me', { token: session })).status).toBe(200);

    expect((await setPassword(linkIn(mail.text), GOOD_PASSWORD)).status).toBe(200);
    expect((await system.request('GET', '/api/me', { token: session })).status).toBe(401);
    expect((await signIn(approver.email, 'correct horse battery staple')).status).toBe(401);
    expect((await signIn(approver.email, GOOD_PASSWORD)).status).toBe(200);
    const [set] = await system.dataSource.query(`SELECT detail FROM audit_events WHERE organisation_id = $1 AND action = 'user.password-set' AND detail->>'userId' = $2`, [org.organisationId, approver.id]);
    expect(set.detail).toMatchObject({ link: 'password-reset' });
    expect(set.detail.sessionsEnded).toBeGreaterThanOrEqual(2);
  }, 60_000);

  it('refuses a deactivated person (409, saying why) and sends one once they are reactivated: the link their deactivation spent is replaced', async () => {
    const person = await invite('deactivated');
    expect((await system.request('PATCH', `/api/users/${person.id}`, { token: admin, body: { active: false } })).status).toBe(200);
    const refused = await sendNewLink(person.id);
    expect(refused.status).toBe(409);
    expect(refused.body.message).toBe('this person is deactivated: reactivate them first, then send a new link');
    expect(mailsTo(person.email)).toHaveLength(1);

    expect((await system.request('PATCH', `/api/users/${person.id}`, { token: admin, body: { active: true } })).status).toBe(200);
    // Reactivated, the first link is still spent: without a new one they could never get in.
    expect((await setPassword(person.firstToken, GOOD_PASSWORD)).status).toBe(400);
    expect((await sendNewLink(person.id)).status).toBe(200);
    expect((await setPassword(linkIn(mailsTo(person.email).at(-1)!.text), GOOD_PASSWORD)).status).toBe(200);
  }, 60_000);

  it('answers 404 for another organisation’s person as for no one, 403 to everyone but admins, and 400 naming a bad field', async () => {
    const other = await system.organisation();
    const theirs = await sendNewLink(other.users.viewer.id);
    const nobody = await sendNewLink('6f1d1f5e-6c2b-4c1e-9a57-3f4b2f0d9a10');
    expect(theirs.status).toBe(404);
    expect(nobody.status).toBe(404);
    expect(theirs.body.message.replace(other.users.viewer.id, '<id>')).toBe(nobody.body.message.replace('6f1d1f5e-6c2b-4c1e-9a57-3f4b2f0d9a10', '<id>'));
    expect(mailsTo(other.users.viewer.email)).toHaveLength(0);
    for (const role of ['dpo', 'responder', 'viewer'] as const) {
      expect((await sendNewLink(org.users.viewer.id, {}, await system.login(org, role))).status).toBe(403);
    }
    const bad = await sendNewLink(org.users.viewer.id, { language: 'de' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('language');
    expect((await sendNewLink('not-a-uuid')).status).toBe(400);
  }, 60_000);
});
