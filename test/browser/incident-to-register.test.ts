/**
 * The scenario the web app exists for, in Debian's Chromium: a responder signs in at night and
 * steps through the intake of a mass e-mail to 2,000 patients with every address visible, sees
 * the high risk and the 72-hour countdown, drafts the IMY report and submits it; an approver finds
 * it in the approvals inbox and approves it; the responder records the filing with IMY's
 * reference; the register lists it. Every page visited is screenshotted and checked with axe-core,
 * and the page's strict CSP must not refuse anything.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { en } from '../../apps/web/src/i18n/messages.en.js';
import { sv } from '../../apps/web/src/i18n/messages.sv.js';
import { toZonedInputValue } from '../../apps/web/src/i18n/time.js';
import type { SeededOrganisation } from '../../libs/persistence/src/seed/organisation-with-users.js';
import { SystemUnderTest } from '../support/system-under-test.js';
import { expectAccessible, launchChromium, reloadUntilVisible, signIn as signInAs, type Person } from './browser-session.js';

let system: SystemUnderTest;
let organisation: SeededOrganisation;
let browser: Browser;
const people: Person[] = [];

beforeAll(async () => {
  // The browser first: without Chromium the run stops here, with the reason, before any server starts.
  browser = await launchChromium();
  system = await SystemUnderTest.start();
  organisation = await system.organisation('Vårdcentralen Norrtull');
}, 120_000);

afterAll(async () => {
  await Promise.all(people.map((person) => person.close()));
  await browser?.close();
  await system?.stop();
});

const MINUTE = 60_000;

/** Signs in one of the organisation's people; the browser is closed after the run. */
async function signIn(role: 'responder' | 'approver', options: { keyboard?: boolean } = {}): Promise<Person> {
  const person = await signInAs(browser, system.baseUrl, organisation, role, options);
  people.push(person);
  return person;
}

describe('from the first question to the register', () => {
  let responder: Person;
  let incidentUrl: string;
  let filingUrl: string;

  it('a responder signs in and steps through the intake, with the live assessment beside the answers', async () => {
    responder = await signIn('responder');
    const { page } = responder;
    expectAccessible(await responder.checkpoint('dashboard'));
    await page.getByRole('link', { name: sv.nav.newIncident }).click();

    const next = async (label: string) => {
      expectAccessible(await responder.checkpoint(label));
      await page.getByRole('button', { name: sv.form.continue }).click();
    };
    const q = sv.intake;
    await page.getByRole('heading', { name: q.describe.title }).waitFor();
    // Continuing without answers names both fields in the error summary, linked to each.
    await page.getByRole('button', { name: sv.form.continue }).click();
    await page.getByRole('alert').getByRole('link', { name: new RegExp(q.describe.titleLabel) }).waitFor();
    expectAccessible(await responder.checkpoint('describe-errors'));
    await page.getByLabel(q.describe.titleLabel).fill('Utskick till 2 000 patienter med synliga adresser');
    await page.getByLabel(q.describe.summaryLabel).fill('Ett nyhetsbrev gick till 2 000 patienter med alla e-postadresser synliga i fältet Till.');
    await next('describe');

    await page.getByLabel(q.kind.confidentiality).check();
    await page.getByRole('group', { name: q.kind.maliciousLabel }).getByLabel(sv.form.no).check();
    await next('kind');

    await page.getByLabel(q.recipients.exposure['known-recipients']).check();
    await page.getByRole('group', { name: q.recipients.trustedLabel }).getByLabel(sv.form.no).check();
    await next('recipients');

    await page.getByLabel(q.categories.contact).check();
    await page.getByLabel(q.categories.health).check();
    await page.getByLabel(q.data.identifiability.maximum).check();
    await next('data');

    await page.getByLabel(q.protection.options.none).check();
    await next('protection');

    await page.getByLabel(q.subjects.countLabel).fill('2000');
    await page.getByLabel(q.subjects.categories.patients, { exact: true }).check();
    await next('subjects');

    await page.getByLabel(q.care.options.none, { exact: true }).check();
    await next('care');

    await page.getByLabel(q.role.controller).check();
    await next('role');

    const now = Date.now();
    await page.getByLabel(q.when.discoveredLabel).fill(toZonedInputValue(new Date(now - 60 * MINUTE).toISOString(), 'Europe/Stockholm'));
    await page.getByLabel(q.when.awareLabel).fill(toZonedInputValue(new Date(now - 30 * MINUTE).toISOString(), 'Europe/Stockholm'));
    await next('when');

    await page.getByRole('heading', { name: q.checkTitle }).waitFor();
    const live = page.locator('.assessment-preview');
    await live.locator('.badge--high-risk').waitFor();
    expect(await live.locator('.badge').textContent()).toBe(sv.outcome['high-risk']);
    expectAccessible(await responder.checkpoint('check-answers'));

    // A double click sends the same Idempotency-Key twice: one incident.
    await page.getByRole('button', { name: q.create }).dblclick();
    await page.waitForURL(/\/incidents\/[0-9a-f-]{36}$/);
    incidentUrl = page.url();
    const token = await system.login(organisation, 'responder');
    const list = await system.request('GET', '/api/incidents', { token });
    expect(list.body.total).toBe(1);
  }, 120_000);

  it('shows the high risk and the 72-hour countdown, and drafts the IMY report', async () => {
    const { page } = responder;
    await page.locator('h1 .badge--high-risk').waitFor();
    const art33 = page.locator('[data-track="gdpr-art33"]');
    await reloadUntilVisible(page, art33.locator('.countdown'));
    const countdown = (await art33.locator('.countdown__time').textContent()) ?? '';
    expect(countdown).toMatch(/^7[01] h \d{1,2} min kvar$/);
    expect(await art33.locator('.countdown').getAttribute('data-urgency')).toBe('ok');
    expectAccessible(await responder.checkpoint('incident'));

    await reloadUntilVisible(page, art33.getByRole('button', { name: sv.incident.draftReport }));
    await art33.getByRole('button', { name: sv.incident.draftReport }).click();
    await page.waitForURL(/\/filings\/[0-9a-f-]{36}$/);
    filingUrl = page.url();
    await page.getByRole('heading', { name: sv.filing.missingTitle }).waitFor();
    const preview = page.frameLocator('iframe.preview');
    await preview.locator('body').waitFor();
    expect(await preview.locator('body').textContent()).toContain('Utskick till 2 000 patienter');
    expect(await page.getByRole('link', { name: sv.filing.downloadPdf }).getAttribute('href')).toMatch(/format=pdf$/);
    expectAccessible(await responder.checkpoint('draft'));

    // What is not known yet follows later (Art. 33(4)): said in the report, rendered as revision 2.
    await page.getByLabel(sv.filing.informationToFollow).fill('Hur många som öppnat utskicket utreds med e-postleverantören.');
    await page.getByRole('button', { name: sv.filing.rerender }).click();
    await page.getByText(sv.filing.revision(2)).waitFor();
    expect(await preview.locator('body').textContent()).toContain('utreds med e-postleverantören');

    await page.getByRole('button', { name: sv.filing.submit }).click();
    await page.locator('.status--awaiting-approval').waitFor();
    expectAccessible(await responder.checkpoint('submitted'));

    // The dashboard: the incident with its nearest deadline counting down.
    await page.getByRole('link', { name: sv.nav.dashboard }).click();
    await page.getByRole('link', { name: 'Utskick till 2 000 patienter med synliga adresser' }).waitFor();
    expect(await page.locator('.dashboard__incidents .countdown__time').first().textContent()).toMatch(/kvar$/);
    expectAccessible(await responder.checkpoint('dashboard-open-incident'));
  }, 120_000);

  it('an approver finds it in the inbox and approves it; its author is not offered the approval', async () => {
    const approver = await signIn('approver', { keyboard: true });
    const { page } = approver;
    await page.getByRole('link', { name: sv.nav.approvals }).click();
    await page.getByRole('heading', { name: sv.approvals.title }).waitFor();
    const review = page.getByRole('link', { name: new RegExp(`^${sv.approvals.review}`) });
    await reloadUntilVisible(page, review);
    expectAccessible(await approver.checkpoint('approvals-inbox'));
    await review.click();
    await page.getByRole('button', { name: sv.filing.approve }).click();
    await page.locator('.status--approved').waitFor();
    expectAccessible(await approver.checkpoint('approved'));
  }, 120_000);

  it('the responder records the filing with IMY’s reference, and the register lists it', async () => {
    const { page } = responder;
    await page.goto(filingUrl);
    await page.getByRole('heading', { name: sv.filing.recordTitle }).waitFor();
    expect(await page.getByRole('button', { name: sv.filing.approve }).count()).toBe(0);
    await page.getByLabel(sv.filing.referenceLabel).fill('IMY-2026-4711');
    expectAccessible(await responder.checkpoint('record'));
    await page.getByRole('button', { name: sv.filing.recordSubmit }).click();
    await page.locator('.status--filed').waitFor();
    expectAccessible(await responder.checkpoint('filed'));

    await page.getByRole('link', { name: sv.nav.register }).click();
    const row = page.getByRole('row', { name: /Utskick till 2 000 patienter/ });
    await reloadUntilVisible(page, row);
    expect(await row.textContent()).toContain('IMY-2026-4711');
    expectAccessible(await responder.checkpoint('register'));

    await page.goto(incidentUrl);
    await page.locator('[data-track="gdpr-art33"]').getByText(sv.trackStatus.filed, { exact: true }).waitFor();
    expectAccessible(await responder.checkpoint('incident-filed'));
  }, 120_000);

  it('switches to English and back, remembering the choice across a reload', async () => {
    const { page } = responder;
    await page.getByLabel(sv.app.language).selectOption('en');
    await page.getByRole('heading', { name: en.assessment.title }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.reload();
    await page.locator('[data-track="gdpr-art33"]').getByText(en.trackStatus.filed, { exact: true }).waitFor();
    expectAccessible(await responder.checkpoint('incident-english'));
    await page.getByLabel(en.app.language).selectOption('sv');
    await page.getByRole('heading', { name: sv.assessment.title }).waitFor();
  }, 60_000);

  it('signs out: the next page is the sign-in form', async () => {
    const { page } = responder;
    await page.getByRole('button', { name: sv.app.signOut, exact: true }).click();
    await page.getByRole('heading', { name: sv.signIn.title }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: sv.signIn.title }).waitFor();
  }, 60_000);

  it('met no CSP refusal and no script error on any page', () => {
    expect(people.flatMap((person) => person.problems)).toEqual([]);
  });
});
