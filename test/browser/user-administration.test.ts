/**
 * An admin manages the organisation's people in the web app, in Debian's Chromium: invites a
 * person, who follows the e-mailed one-time link in a browser of their own, chooses a password and
 * signs in; the admin gives them another role (their session ends with it) and then deactivates
 * them, and the page they still have open is refused at its next request. The admin cannot demote
 * themselves as the last admin and is told why. An invitation left unused until it expired: the admin
 * sends a new link from the page (a second one within the minute is refused, in words), and the
 * person chooses a password with it, not with the first. Signing out everywhere ends the admin's session in
 * a second browser and an API client's token. Every page is checked with axe-core, and the strict
 * CSP must refuse nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { sv } from '../../apps/web/src/i18n/messages.sv.js';
import type { SeededOrganisation } from '../../libs/persistence/src/seed/organisation-with-users.js';
import { SystemUnderTest } from '../support/system-under-test.js';
import { expectAccessible, launchChromium, Person, signIn as signInAs } from './browser-session.js';

const INVITEE = { name: 'Ingrid Inbjuden', password: 'tre ord som Ingrid minns' };
const LATECOMER = { name: 'Sen Svensson', email: 'sen.svensson@vardcentralen-solna.test', password: 'fyra ord som Sen minns' };
const u = sv.users;

let system: SystemUnderTest;
let organisation: SeededOrganisation;
let browser: Browser;
const people: Person[] = [];

beforeAll(async () => {
  // The browser first: without Chromium the run stops here, with the reason, before any server starts.
  browser = await launchChromium();
  // No workflow is involved: invitations are mailed by the API itself.
  system = await SystemUnderTest.start({ worker: false });
  organisation = await system.organisation('Vårdcentralen Solna');
}, 120_000);

afterAll(async () => {
  await Promise.all(people.map((person) => person.close()));
  await browser?.close();
  await system?.stop();
});

async function keep(person: Person | Promise<Person>): Promise<Person> {
  const opened = await person;
  people.push(opened);
  return opened;
}

/** Signs in through the form, as someone who is not one of the seeded people. */
async function signInWithForm(person: Person, email: string, password: string): Promise<void> {
  const { page } = person;
  await page.getByRole('heading', { name: sv.signIn.title }).waitFor();
  await page.getByLabel(sv.signIn.email).fill(email);
  await page.getByLabel(sv.signIn.password).fill(password);
  await page.getByRole('button', { name: sv.signIn.submit }).click();
}

describe('an admin manages the people', () => {
  let admin: Person;
  let invitee: Person;
  // Each run has a database of its own: the address is free.
  const inviteeEmail = 'ingrid.inbjuden@vardcentralen-solna.test';

  it('the Users page is in the admin’s menu; an empty invitation names each missing field', async () => {
    admin = await keep(signInAs(browser, system.baseUrl, organisation, 'admin'));
    const { page } = admin;
    await page.getByRole('navigation').getByRole('link', { name: sv.nav.users }).click();
    await page.getByRole('heading', { name: u.title, level: 1 }).waitFor();
    await page.getByRole('row', { name: new RegExp(organisation.users.responder.email) }).waitFor();
    expectAccessible(await admin.checkpoint('users'));

    await page.getByRole('button', { name: u.invite }).click();
    const summary = page.getByRole('alert');
    for (const label of [u.email, u.displayName, u.role]) await summary.getByRole('link', { name: new RegExp(`^${label}:`) }).first().waitFor();
    expectAccessible(await admin.checkpoint('users-invitation-errors'));
  }, 120_000);

  it('invites a person: the page says where the link went and how long it works, and never shows it', async () => {
    const { page } = admin;
    await page.getByLabel(u.email, { exact: true }).fill(inviteeEmail);
    await page.getByLabel(u.displayName, { exact: true }).fill(INVITEE.name);
    await page.getByLabel(u.role, { exact: true }).selectOption('responder');
    await page.getByRole('button', { name: u.invite }).click();
    const done = page.getByRole('status').filter({ hasText: inviteeEmail });
    await done.waitFor();
    expect(await done.textContent()).toContain('24 timmar');
    const row = page.getByRole('row', { name: new RegExp(INVITEE.name) });
    await row.getByText(u.invitationPending).waitFor();
    expect(await page.content()).not.toContain('#token=');
    expectAccessible(await admin.checkpoint('users-invited'));

    const message = await system.mail.waitFor((mail) => mail.envelopeTo.includes(inviteeEmail));
    const token = /\/set-password#token=([\w-]+)/.exec(message.text)?.[1];
    expect(token).toBeDefined();

    // The invitee's own browser: a fresh context, nothing of the admin's.
    invitee = await keep(Person.open(browser, 'invitee', system.baseUrl));
    await invitee.page.goto(`/set-password#token=${token}`);
    await invitee.page.getByRole('heading', { name: sv.setPassword.title }).waitFor();
    await invitee.page.getByLabel(sv.setPassword.password, { exact: true }).fill(INVITEE.password);
    await invitee.page.getByLabel(sv.setPassword.confirmation).fill(INVITEE.password);
    await invitee.page.getByRole('button', { name: sv.setPassword.submit }).click();
    await invitee.page.getByText(sv.setPassword.done).waitFor();
    expectAccessible(await invitee.checkpoint('password-set'));
    await invitee.page.getByRole('link', { name: sv.setPassword.toSignIn }).click();
    await signInWithForm(invitee, inviteeEmail, INVITEE.password);
    await invitee.page.getByRole('heading', { name: sv.dashboard.title, level: 1 }).waitFor();
    // A responder: a new incident, no Users page.
    const menu = invitee.page.getByRole('navigation');
    await menu.getByRole('link', { name: sv.nav.newIncident }).waitFor();
    expect(await menu.getByRole('link', { name: sv.nav.users }).count()).toBe(0);
  }, 120_000);

  it('changes the role after a confirmation: the person’s session ends, and signed in again they have the new role', async () => {
    const { page } = admin;
    await page.reload();
    const row = page.getByRole('row', { name: new RegExp(INVITEE.name) });
    await row.getByText(u.active, { exact: true }).waitFor();
    expect(await row.getByText(u.invitationPending).count()).toBe(0);
    await row.getByLabel(u.roleFor(INVITEE.name)).selectOption('approver');
    await row.getByRole('button', { name: u.changeRole }).click();
    await row.getByText(u.changeRoleQuestion(INVITEE.name, sv.roles.approver)).waitFor();
    expectAccessible(await admin.checkpoint('users-change-role'));
    await row.getByRole('button', { name: u.changeRoleYes }).click();
    await page.getByRole('status').filter({ hasText: u.roleChanged(INVITEE.name, sv.roles.approver) }).waitFor();

    await invitee.page.getByRole('navigation').getByRole('link', { name: sv.nav.register }).click();
    await signInWithForm(invitee, inviteeEmail, INVITEE.password);
    await invitee.page.getByRole('navigation').getByRole('link', { name: sv.nav.approvals }).waitFor();
  }, 120_000);

  it('deactivates the person after a confirmation: the page they have open is refused at its next request, and they cannot sign in', async () => {
    const { page } = admin;
    const row = page.getByRole('row', { name: new RegExp(INVITEE.name) });
    await row.getByRole('button', { name: u.deactivate }).click();
    await row.getByText(u.deactivateQuestion(INVITEE.name)).waitFor();
    await row.getByRole('button', { name: u.deactivateYes }).click();
    await page.getByRole('status').filter({ hasText: u.deactivated(INVITEE.name) }).waitFor();
    await row.getByText(u.inactive, { exact: true }).waitFor();
    await row.getByRole('button', { name: u.reactivate }).waitFor();
    expectAccessible(await admin.checkpoint('users-deactivated'));

    // The invitee's page is still open on the approver's menu; its next request is refused.
    await invitee.page.getByRole('navigation').getByRole('link', { name: sv.nav.approvals }).click();
    await signInWithForm(invitee, inviteeEmail, INVITEE.password);
    await invitee.page.getByText(sv.signIn.wrongCredentials).first().waitFor();
  }, 120_000);

  it('the last admin cannot demote themselves: the API’s reason is shown at their row and in the summary', async () => {
    const { page } = admin;
    const own = page.locator(`tr[data-user="${organisation.users.admin.email}"]`);
    await own.getByText(u.you).waitFor();
    await own.getByRole('combobox').selectOption('viewer');
    await own.getByRole('button', { name: u.changeRole }).click();
    await own.getByText(u.changeOwnRoleQuestion(sv.roles.viewer)).waitFor();
    await own.getByRole('button', { name: u.changeRoleYes }).click();
    const reason = /last active admin: make another user admin first/;
    await page.getByRole('alert').getByRole('link', { name: reason }).waitFor();
    await own.locator('.field-error').filter({ hasText: reason }).waitFor();
    expectAccessible(await admin.checkpoint('users-last-admin'));
    // Refused: still the admin, still signed in.
    await page.reload();
    await page.getByRole('heading', { name: u.title, level: 1 }).waitFor();
  }, 120_000);

  it('an invitation left unused until it expired: a new link is sent from the page after a confirmation, the first one no longer works, and the person chooses a password with the new one', async () => {
    const { page } = admin;
    await page.getByLabel(u.email, { exact: true }).fill(LATECOMER.email);
    await page.getByLabel(u.displayName, { exact: true }).fill(LATECOMER.name);
    await page.getByLabel(u.role, { exact: true }).selectOption('viewer');
    await page.getByRole('button', { name: u.invite }).click();
    await page.getByRole('status').filter({ hasText: LATECOMER.email }).waitFor();
    const linkIn = (text: string) => /\/set-password#token=([\w-]+)/.exec(text)?.[1];
    const first = linkIn((await system.mail.waitFor((mail) => mail.envelopeTo.includes(LATECOMER.email))).text);
    expect(first).toBeDefined();
    // The person did not open it in time.
    await system.dataSource.query(`UPDATE password_links SET expires_at = now() - interval '1 minute' WHERE user_id = (SELECT id FROM users WHERE email = $1)`, [LATECOMER.email]);

    const row = page.getByRole('row', { name: new RegExp(LATECOMER.name) });
    await row.getByText(u.invitationPending).waitFor();
    await row.getByRole('button', { name: u.sendNewLink }).click();
    await row.getByText(u.sendInvitationAgainQuestion(LATECOMER.name)).waitFor();
    expectAccessible(await admin.checkpoint('users-new-link'));
    await row.getByRole('button', { name: u.sendNewLinkYes }).click();
    const sent = page.getByRole('status').filter({ hasText: u.invitationSentAgain(LATECOMER.name, LATECOMER.email) });
    await sent.waitFor();
    expect(await sent.textContent()).toContain('24 timmar');
    expect(await page.content()).not.toContain('#token=');
    const second = linkIn((await system.mail.waitFor((mail) => mail.envelopeTo.includes(LATECOMER.email) && linkIn(mail.text) !== first)).text);
    expect(second).toBeDefined();

    // A second click within the minute sends nothing, and the page says why at the person's row.
    await row.getByRole('button', { name: u.sendNewLink }).click();
    await row.getByRole('button', { name: u.sendNewLinkYes }).click();
    const tooSoon = u.newLinkTooSoon(LATECOMER.name);
    await page.getByRole('alert').getByRole('link', { name: tooSoon }).waitFor();
    await row.locator('.field-error').filter({ hasText: tooSoon }).waitFor();
    expectAccessible(await admin.checkpoint('users-new-link-too-soon'));
    expect(system.mail.messages.filter((mail) => mail.envelopeTo.includes(LATECOMER.email))).toHaveLength(2);

    // The first link, in the person's browser: refused. The new one, in a fresh browser: it works.
    const withFirst = await keep(Person.open(browser, 'latecomer-first-link', system.baseUrl));
    await withFirst.page.goto(`/set-password#token=${first}`);
    await withFirst.page.getByLabel(sv.setPassword.password, { exact: true }).fill(LATECOMER.password);
    await withFirst.page.getByLabel(sv.setPassword.confirmation).fill(LATECOMER.password);
    await withFirst.page.getByRole('button', { name: sv.setPassword.submit }).click();
    await withFirst.page.getByRole('alert').getByText(/this link is not valid/).waitFor();

    const latecomer = await keep(Person.open(browser, 'latecomer', system.baseUrl));
    await latecomer.page.goto(`/set-password#token=${second}`);
    await latecomer.page.getByLabel(sv.setPassword.password, { exact: true }).fill(LATECOMER.password);
    await latecomer.page.getByLabel(sv.setPassword.confirmation).fill(LATECOMER.password);
    await latecomer.page.getByRole('button', { name: sv.setPassword.submit }).click();
    await latecomer.page.getByText(sv.setPassword.done).waitFor();
    await latecomer.page.getByRole('link', { name: sv.setPassword.toSignIn }).click();
    await signInWithForm(latecomer, LATECOMER.email, LATECOMER.password);
    await latecomer.page.getByRole('heading', { name: sv.dashboard.title, level: 1 }).waitFor();

    // The admin's page, reloaded: no longer "invited".
    await page.reload();
    await row.getByText(u.active, { exact: true }).waitFor();
    expect(await row.getByText(u.invitationPending).count()).toBe(0);
  }, 120_000);

  it('signs out everywhere after a confirmation: this browser, a second one and an API client are all signed out', async () => {
    const secondBrowser = await keep(signInAs(browser, system.baseUrl, organisation, 'admin', { name: 'admin-second-browser' }));
    const apiClient = await system.login(organisation, 'admin');
    expect((await system.request('GET', '/api/me', { token: apiClient })).status).toBe(200);

    const { page } = admin;
    await page.getByRole('button', { name: sv.app.signOutEverywhere }).click();
    await page.getByText(sv.app.signOutEverywhereQuestion).waitFor();
    expectAccessible(await admin.checkpoint('sign-out-everywhere'));
    await page.getByRole('button', { name: sv.app.signOutEverywhereYes }).click();
    await page.getByRole('heading', { name: sv.signIn.title }).waitFor();

    await secondBrowser.page.getByRole('navigation').getByRole('link', { name: sv.nav.register }).click();
    await secondBrowser.page.getByRole('heading', { name: sv.signIn.title }).waitFor();
    expect((await system.request('GET', '/api/me', { token: apiClient })).status).toBe(401);
  }, 120_000);

  it('met no CSP refusal and no script error on any page', () => {
    expect(people.flatMap((person) => person.problems)).toEqual([]);
  });
});
