/**
 * Telling the people affected (Art. 34), in Debian's Chromium: on a high-risk incident a responder
 * imports 20 recipients from a CSV file with two bad rows (the report names them by line and
 * column, never their content), drafts an e-mail notice, sees the Art. 34(2) checklist (a text
 * and the organisation's contact point missing, each linked to where it is filled in), previews it
 * for one recipient and submits it; an approver reading English finds it in the approvals inbox and
 * approves it; the responder sends it and the live progress reaches all sent, with every count in
 * numbers and the deliveries masked. Every page is checked with axe-core, and the strict CSP must
 * refuse nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { en } from '../../apps/web/src/i18n/messages.en.js';
import { sv } from '../../apps/web/src/i18n/messages.sv.js';
import { noticesEn } from '../../apps/web/src/i18n/notices.en.js';
import { noticesSv } from '../../apps/web/src/i18n/notices.sv.js';
import type { Role } from '../../libs/domain/src/roles.js';
import type { SeededOrganisation } from '../../libs/persistence/src/seed/organisation-with-users.js';
import { newIncidentBody } from '../support/incident-bodies.js';
import { recipientCsv } from '../support/recipient-files.js';
import { highRiskFacts } from '../support/risk-facts-examples.js';
import { SystemUnderTest } from '../support/system-under-test.js';
import { expectAccessible, launchChromium, signIn as signInAs, type Person } from './browser-session.js';

let system: SystemUnderTest;
let organisation: SeededOrganisation;
let browser: Browser;
const people: Person[] = [];
let incidentUrl: string;
let noticeUrl: string;
const m = noticesSv;

const CONTENT = {
  nature: 'Den 24 november skickade vi ett e-brev till 2 000 patienter. Alla kunde se varandras adresser.',
  consequences: 'Andra kan se att du är patient hos oss. Någon kan försöka lura dig med falska meddelanden.',
  measures: 'Vi har bett alla att radera brevet. Nu skickar vi varje brev till en person i taget.',
  advice: 'Var vaksam på meddelanden som säger att de kommer från oss. Vi ber aldrig om lösenord.',
};

beforeAll(async () => {
  browser = await launchChromium();
  system = await SystemUnderTest.start();
  organisation = await system.organisation('Psykiatrimottagningen Norr');
  const token = await system.login(organisation, 'responder');
  const { breach: _breach, data: _data, subjects: _subjects, controller: _controller, ...narrative } = newIncidentBody();
  const created = await system.request('POST', '/api/incidents', { token, body: { ...narrative, ...highRiskFacts, title: 'Massutskick med synliga mottagare' } });
  expect(created.status).toBe(201);
  incidentUrl = `/incidents/${created.body.id}`;
}, 120_000);

afterAll(async () => {
  await Promise.all(people.map((person) => person.close()));
  await browser?.close();
  await system?.stop();
});

async function signIn(role: Role): Promise<Person> {
  const person = await signInAs(browser, system.baseUrl, organisation, role, { name: `notices-${role}` });
  people.push(person);
  return person;
}

describe('a notice to the people affected, from the recipient file to all sent', () => {
  let responder: Person;

  it('a responder imports 20 recipients; the report names the two bad rows by line and column, never their content', async () => {
    responder = await signIn('responder');
    const { page } = responder;
    await page.goto(incidentUrl);
    await page.getByRole('heading', { name: sv.noticesSummary.title, exact: true }).waitFor();
    await page.getByText(sv.noticesSummary.none).waitFor();
    expectAccessible(await responder.checkpoint('incident'));
    await page.getByRole('link', { name: sv.noticesSummary.open }).click();
    await page.getByRole('heading', { name: m.page.title, level: 1 }).waitFor();
    await page.getByText(m.recipients.none).waitFor();
    expectAccessible(await responder.checkpoint('notices-empty'));

    // Rows 4 and 13 are spoiled (a malformed address, a phone number without its country code): lines 5 and 14 of the file.
    const csv = recipientCsv({ count: 20, badRows: [4, 13], delimiter: ';', bom: true });
    await page.getByLabel(m.recipients.file).setInputFiles({ name: 'mottagare.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await page.getByRole('button', { name: m.recipients.submit, exact: true }).click();
    const report = page.locator('.import-report');
    await report.getByRole('heading', { name: m.recipients.reportTitle }).waitFor();
    // The report's heading takes focus, so a screen reader starts there.
    expect(await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } } }).document.activeElement.id)).toBe('import-report');
    const count = async (key: string) => report.locator(`[data-count="${key}"] dd`).textContent();
    expect(await count('received')).toBe('20');
    expect(await count('imported')).toBe('18');
    expect(await count('rejected')).toBe('2');
    const rows = report.getByRole('table').locator('tbody tr');
    expect(await rows.allTextContents()).toEqual([expect.stringMatching(/^5email.*inte en e-postadress/), expect.stringMatching(/^14phone.*telefonnummer i internationellt format/)]);
    expect(await page.locator('main').textContent()).not.toMatch(/patient\d+@|not-an-address|0701234567/);

    // The list, masked, with its range.
    await page.getByText(m.recipients.range(1, 18, 18)).waitFor();
    expect(await page.locator('main').textContent()).toMatch(/p\*\*\*@p\*\*\*\.example/);
    expectAccessible(await responder.checkpoint('recipients-imported'));
  }, 60_000);

  it('drafts an e-mail notice; the checklist names what Art. 34(2) still lacks, each linked to where it is filled in', async () => {
    const { page } = responder;
    await page.getByRole('link', { name: m.notices.draftNew }).click();
    await page.getByRole('heading', { name: m.editor.newTitle }).waitFor();
    await page.getByLabel(m.editor.channels.email.label, { exact: true }).check();
    // Three of the four texts: what happened is left for later.
    await page.getByLabel(m.editor.fields.consequences.label).fill(CONTENT.consequences);
    await page.getByLabel(m.editor.fields.measures.label).fill(CONTENT.measures);
    await page.getByLabel(m.editor.fields.advice.label).fill(CONTENT.advice);
    expectAccessible(await responder.checkpoint('draft-form'));
    await page.getByRole('button', { name: m.editor.create }).click();
    await page.waitForURL(/\/notices\/[0-9a-f-]{36}$/);
    noticeUrl = new URL(page.url()).pathname;

    const checklist = page.locator('.checklist');
    await checklist.waitFor();
    expect(await checklist.locator('[data-missing="true"]').evaluateAll((items) => items.map((item) => item.getAttribute('data-item')))).toEqual(['nature', 'contactPoint']);
    expect(await checklist.getByRole('link', { name: new RegExp(m.checklist.fillInSettings) }).getAttribute('href')).toBe('/settings#field-contactName');
    expect(await page.locator('.readability').textContent()).toContain(m.readability.lix);
    expectAccessible(await responder.checkpoint('draft-checklist'));

    // Submitting now is refused, and the refusal links to the missing text.
    await page.getByRole('button', { name: m.review.submit }).click();
    await page.getByRole('alert').getByRole('link').first().waitFor();
    await page.getByLabel(m.editor.fields.nature.label).fill(CONTENT.nature);
    await page.getByRole('button', { name: m.editor.save }).click();
    await page.getByText(m.editor.saved(2)).waitFor();
    await checklist.locator('[data-item="nature"][data-missing="false"]').waitFor();

    // The contact point is the organisation's: the refusal says so, linked to the settings.
    await page.getByRole('button', { name: m.review.submit }).click();
    const toSettings = page.getByRole('alert').getByRole('link');
    await toSettings.waitFor();
    expect(await toSettings.getAttribute('href')).toBe('/settings#field-contactName');
    expectAccessible(await responder.checkpoint('draft-refused'));
  }, 60_000);

  it('previews it for one recipient, then submits it once the DPO has named the contact point', async () => {
    const { page } = responder;
    const dpo = await system.login(organisation, 'dpo');
    const patched = await system.request('PATCH', '/api/organisation', { token: dpo, body: { contactName: 'Dataskyddsombudet', contactEmail: 'dso@psyk-norr.example', contactPhone: '010-000 00 00' } });
    expect(patched.status).toBe(200);
    // The checklist is measured when the notice is saved: checking again saves the same words as revision 3.
    await page.getByRole('button', { name: m.checklist.recheck }).click();
    await page.getByText(m.checklist.complete).waitFor();
    await page.getByText(sv.filing.revision(3)).waitFor();

    const picker = page.getByLabel(m.preview.recipient);
    const options = await picker.locator('option').allTextContents();
    expect(options).toHaveLength(19);
    await picker.selectOption({ index: 2 });
    const frame = page.frameLocator('iframe.preview');
    await frame.getByText(/Hej Patient \d+,/).waitFor();
    expect(await frame.locator('body').textContent()).toContain(CONTENT.nature);
    expect(await page.locator('iframe.preview').getAttribute('sandbox')).toBe('');
    await page.getByLabel(m.preview.formats.text).check();
    await page.locator('.preview-text').getByText(CONTENT.advice).waitFor();
    expect(await page.locator('.preview-text').textContent()).not.toMatch(/patient\d+@/);
    expectAccessible(await responder.checkpoint('preview'));

    await page.getByRole('button', { name: m.review.submit }).click();
    await page.locator('[data-status="awaiting-approval"]').waitFor();
    expect(await page.getByRole('button', { name: m.review.approve }).count()).toBe(0);
    expectAccessible(await responder.checkpoint('submitted'));
  }, 60_000);

  it('an approver reading English finds it in the approvals inbox and approves it', async () => {
    const approver = await signIn('approver');
    const { page } = approver;
    // What waits for the approver on the overview, then in the inbox.
    await page.getByRole('link', { name: new RegExp(`^${sv.dashboard.noticeToApprove(sv.noticesSummary.name('E-post', 'svenska'), '')}`) }).waitFor();
    await page.getByLabel(sv.app.language).selectOption('en');
    await page.getByRole('link', { name: en.nav.approvals }).click();
    const card = page.locator('.card', { hasText: en.approvals.noticesTitle });
    const review = card.getByRole('link', { name: new RegExp(`^${en.approvals.review}`) });
    await review.waitFor();
    expectAccessible(await approver.checkpoint('approvals-inbox'));
    await review.click();
    await page.getByRole('heading', { name: noticesEn.checklist.title }).waitFor();
    expectAccessible(await approver.checkpoint('notice-review'));
    await page.getByRole('button', { name: noticesEn.review.approve, exact: true }).click();
    await page.locator('[data-status="approved"]').waitFor();
    await page.getByRole('heading', { name: noticesEn.sending.title }).waitFor();
    expectAccessible(await approver.checkpoint('notice-approved'));
  }, 60_000);

  it('the responder sends it; the live progress reaches all sent, in numbers, with the deliveries masked', async () => {
    const { page } = responder;
    system.mail.clear();
    await page.goto(noticeUrl);
    await page.getByRole('button', { name: m.sending.send }).click();
    // Sending cannot be taken back: the question is asked first, and takes focus.
    const question = page.getByText(m.sending.confirm('e-post'));
    await question.waitFor();
    expect(await question.evaluate((element) => element === element.ownerDocument.activeElement)).toBe(true);
    expectAccessible(await responder.checkpoint('send-confirm'));
    // From the question, the keyboard reaches the answer next.
    await page.keyboard.press('Tab');
    expect(await page.getByRole('button', { name: m.sending.confirmYes }).evaluate((element) => element === element.ownerDocument.activeElement)).toBe(true);
    await page.keyboard.press('Enter');

    const progress = page.locator('.progress');
    await progress.getByText(m.sending.finished(18, 0, 0)).waitFor({ timeout: 30_000 });
    const count = async (key: string) => progress.locator(`[data-count="${key}"] dd`).textContent();
    expect(await count('total')).toBe('18');
    expect(await count('sent')).toBe('18');
    expect(await count('failed')).toBe('0');
    expect(await progress.locator('progress').evaluate((bar) => [(bar as unknown as { value: number }).value, (bar as unknown as { max: number }).max])).toEqual([18, 18]);
    expect(await progress.getByText(m.sending.progressText(18, 18)).count()).toBe(1);
    const deliveries = page.locator('[data-delivery="sent"]');
    expect(await deliveries.count()).toBe(18);
    expect(await page.locator('main').textContent()).not.toMatch(/patient\d+@/);
    expectAccessible(await responder.checkpoint('sent'));

    const messages = await system.mail.waitForCount(18, 10_000);
    expect(new Set(messages.map((message) => message.envelopeTo.join()))).toHaveProperty('size', 18);
  }, 60_000);

  it('met no CSP refusal and no script error on any page', () => {
    expect(people.flatMap((person) => person.problems)).toEqual([]);
  });
});
