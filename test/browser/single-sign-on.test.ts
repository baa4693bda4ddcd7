/**
 * Single sign-on in Debian's Chromium, against a real OpenID Connect provider (oidc-provider, in
 * this process, with a login page a person fills in): an admin, signed in with a password, maps a
 * group of the provider to a role on the Organisation page; a member of that group signs in with
 * the organisation's account from a deep link and lands on it with that role (the menu is the
 * role's, and the admin sees the account, named as the provider names it); someone in no mapped
 * group comes back to the sign-in page, told why in plain Swedish, without a session. A second
 * API on the same database with PASSWORD_SIGN_IN=off shows only the organisation's account. Every
 * page of ours is checked with axe-core, and the strict CSP must refuse nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { sv } from '../../apps/web/src/i18n/messages.sv.js';
import type { SeededOrganisation } from '../../libs/persistence/src/seed/organisation-with-users.js';
import { SystemUnderTest } from '../support/system-under-test.js';
import { LOGIN_FORM, TestIdentityProvider } from '../support/test-identity-provider.js';
import { expectAccessible, launchChromium, Person, signIn as signInAs } from './browser-session.js';

const RESPONDERS = 'incidentgruppen';
const ANNA = { subject: 'anna.andersson', email: 'anna.andersson@region-norr.test', name: 'Anna Andersson' };
const BERTIL = { subject: 'bertil.berg', email: 'bertil.berg@region-norr.test', name: 'Bertil Berg' };

let idp: TestIdentityProvider;
/** Passwords and single sign-on both on. */
let system: SystemUnderTest;
/** The same database, passwords off. */
let ssoOnly: SystemUnderTest;
let organisation: SeededOrganisation;
let browser: Browser;
const people: Person[] = [];

beforeAll(async () => {
  // The browser first: without Chromium the run stops here, with the reason, before any server starts.
  browser = await launchChromium();
  const ports = [await SystemUnderTest.freePort(), await SystemUnderTest.freePort()];
  idp = await TestIdentityProvider.start(
    ports.map((port) => `http://127.0.0.1:${port}/api/auth/oidc/callback`),
    { loginForm: true },
  );
  idp.accounts.set(ANNA.subject, { email: ANNA.email, email_verified: true, name: ANNA.name, groups: [RESPONDERS, 'lunchklubben'] });
  idp.accounts.set(BERTIL.subject, { email: BERTIL.email, email_verified: true, name: BERTIL.name, groups: ['lunchklubben'] });
  // One JWT_SECRET for both, as in a deployment of several instances; no workflow is involved.
  const sso = { JWT_SECRET: randomBytes(32).toString('hex'), OIDC_ISSUER: idp.issuer, OIDC_CLIENT_ID: idp.clientId, OIDC_CLIENT_SECRET: idp.clientSecret, OIDC_SCOPES: 'openid email profile groups' };
  system = await SystemUnderTest.start({ worker: false, port: ports[0], config: { ...sso, PUBLIC_URL: `http://127.0.0.1:${ports[0]}` } });
  ssoOnly = await SystemUnderTest.start({ worker: false, port: ports[1], config: { ...sso, PUBLIC_URL: `http://127.0.0.1:${ports[1]}`, PASSWORD_SIGN_IN: 'off' } });
  organisation = await system.organisation('Region Norr');
}, 120_000);

afterAll(async () => {
  await Promise.all(people.map((person) => person.close()));
  await browser?.close();
  await ssoOnly?.stop();
  await system?.stop();
  await idp?.stop();
});

async function keep(person: Person | Promise<Person>): Promise<Person> {
  const opened = await person;
  people.push(opened);
  return opened;
}

/** From our sign-in page (checked with axe-core) to the provider's login page, where `subject` signs in. */
async function signInWithOrganisationAccount(person: Person, subject: string): Promise<void> {
  const { page } = person;
  await page.getByRole('heading', { name: sv.signIn.title, level: 1 }).waitFor();
  const button = page.getByRole('link', { name: sv.signIn.withOrganisationAccount });
  await button.waitFor();
  expectAccessible(await person.checkpoint('sign-in'));
  await button.click();
  // The provider's page, not ours: no axe check, but the person fills it in as anyone would.
  await page.getByRole('heading', { name: LOGIN_FORM.title }).waitFor();
  expect(new URL(page.url()).origin).toBe(idp.issuer);
  await page.getByLabel(LOGIN_FORM.userName).fill(subject);
  await page.getByRole('button', { name: LOGIN_FORM.submit }).click();
}

describe('signing in with the organisation’s account', () => {
  let admin: Person;

  it('an admin, signed in with a password, maps the provider’s group to a role on the Organisation page', async () => {
    admin = await keep(signInAs(browser, system.baseUrl, organisation, 'admin', { name: 'sso-admin' }));
    const { page } = admin;
    await page.getByRole('navigation').getByRole('link', { name: sv.nav.settings }).click();
    const section = page.getByRole('region', { name: sv.settings.ssoTitle });
    await section.getByText(sv.settings.ssoNone).waitFor();
    await section.getByRole('button', { name: sv.settings.ssoAdd }).click();
    await section.getByLabel(sv.settings.ssoGroup, { exact: true }).fill(RESPONDERS);
    await section.getByLabel(sv.settings.ssoRole, { exact: true }).selectOption('responder');
    expectAccessible(await admin.checkpoint('sso-groups'));
    await section.getByRole('button', { name: sv.settings.ssoSave }).click();
    await section.getByRole('status').filter({ hasText: sv.form.saved }).waitFor();
    expectAccessible(await admin.checkpoint('sso-groups-saved'));

    const mapping = await system.request('GET', '/api/organisation/sso-groups', { token: await system.login(organisation, 'admin') });
    expect(mapping.body.groups).toEqual([{ group: RESPONDERS, role: 'responder' }]);
  }, 60_000);

  it('a member of the group follows a link, signs in at the provider and lands on it with the mapped role', async () => {
    const anna = await keep(Person.open(browser, 'sso-member', system.baseUrl));
    const { page } = anna;
    await page.goto('/register');
    await signInWithOrganisationAccount(anna, ANNA.subject);

    await page.getByRole('heading', { name: sv.register.title, level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/register');
    await page.getByText(sv.app.signedInAs(sv.roles.responder), { exact: true }).waitFor();
    // A responder's menu: a new incident, but no approvals and no Users page.
    const menu = page.getByRole('navigation');
    await menu.getByRole('link', { name: sv.nav.newIncident }).waitFor();
    expect(await menu.getByRole('link', { name: sv.nav.approvals }).count()).toBe(0);
    expect(await menu.getByRole('link', { name: sv.nav.users }).count()).toBe(0);
    expectAccessible(await anna.checkpoint('signed-in'));
    expect((await page.request.get('/api/auth/session')).status()).toBe(200);

    // The admin sees the account the sign-in created: the provider's name for her, the mapped role, no invitation outstanding.
    await admin.page.getByRole('navigation').getByRole('link', { name: sv.nav.users }).click();
    const row = admin.page.locator(`tr[data-user="${ANNA.email}"]`);
    await row.getByRole('rowheader', { name: ANNA.name }).waitFor();
    expect(await row.getByLabel(sv.users.roleFor(ANNA.name)).inputValue()).toBe('responder');
    await row.getByRole('cell').filter({ hasText: new RegExp(`^${sv.users.active}${sv.users.signsInWithSso}$`) }).waitFor();
    expect(await row.getByText(sv.users.invitationPending).count()).toBe(0);
    expectAccessible(await admin.checkpoint('users-with-sso-account'));
  }, 60_000);

  it('someone in no mapped group comes back to the sign-in page, told why in plain Swedish, and is not signed in', async () => {
    const bertil = await keep(Person.open(browser, 'sso-no-group', system.baseUrl));
    const { page } = bertil;
    await page.goto('/');
    await signInWithOrganisationAccount(bertil, BERTIL.subject);

    const refusal = page.getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.getByRole('heading').textContent()).toBe('Inloggningen med organisationens konto gick inte');
    expect(await refusal.locator('p').textContent()).toBe('Ditt konto är inte med i någon grupp som ger behörighet i breachflow. Be organisationens administratör om behörighet.');
    await page.getByRole('heading', { name: sv.signIn.title, level: 1 }).waitFor();
    expectAccessible(await bertil.checkpoint('refused'));
    // The code is read once: the address loses it, so a reload does not say it again.
    expect(new URL(page.url()).search).toBe('');
    expect((await page.request.get('/api/auth/session')).status()).toBe(401);
    await page.reload();
    await page.getByRole('link', { name: sv.signIn.withOrganisationAccount }).waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
  }, 60_000);
});

describe('passwords switched off', () => {
  it('the sign-in page offers only the organisation’s account, which signs the person in', async () => {
    const anna = await keep(Person.open(browser, 'sso-only', ssoOnly.baseUrl));
    const { page } = anna;
    await page.goto('/');
    await page.getByText(sv.signIn.passwordsOff).waitFor();
    await page.getByRole('link', { name: sv.signIn.withOrganisationAccount }).waitFor();
    expect(await page.getByLabel(sv.signIn.email).count()).toBe(0);
    expect(await page.getByLabel(sv.signIn.password).count()).toBe(0);
    expect(await page.getByRole('button', { name: sv.signIn.submit }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: sv.signIn.orWithPassword }).count()).toBe(0);
    expect(await page.locator('form').count()).toBe(0);
    await signInWithOrganisationAccount(anna, ANNA.subject);
    await page.getByRole('heading', { name: sv.dashboard.title, level: 1 }).waitFor();
    await page.getByText(sv.app.signedInAs(sv.roles.responder), { exact: true }).waitFor();
    expectAccessible(await anna.checkpoint('dashboard'));
  }, 60_000);

  it('met no CSP refusal and no script error on any page', () => {
    expect(people.flatMap((person) => person.problems)).toEqual([]);
  });
});
