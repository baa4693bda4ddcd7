/**
 * A care provider's incident that could have caused a serious care injury, in Debian's Chromium:
 * the incident page suggests Lex Maria screening; the DPO screens it in (the statutory question,
 * the conclusion its answer leads to, a reason) and designates a responder as the Lex Maria
 * reporter in the settings; the responder (reading English) drafts the IVO report, which is
 * Swedish only, and sees a task's missing content named next to its field; an approver approves
 * the report but, not designated, is not offered to record it; the designated responder records it
 * via IVO's e-service; and the incident's timeline shows who screened it in and that it was filed.
 * Every page is checked with axe-core, and the strict CSP must refuse nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { en } from '../../apps/web/src/i18n/messages.en.js';
import { sv } from '../../apps/web/src/i18n/messages.sv.js';
import type { Role } from '../../libs/domain/src/roles.js';
import { TRACK_CATALOGUE } from '../../libs/domain/src/tracks/catalogue.js';
import type { SeededOrganisation } from '../../libs/persistence/src/seed/organisation-with-users.js';
import { newIncidentBody } from '../support/incident-bodies.js';
import { SystemUnderTest } from '../support/system-under-test.js';
import { expectAccessible, launchChromium, reloadUntilVisible, signIn as signInAs, type Person } from './browser-session.js';

const ORGANISATION = 'Region Exempel';
let system: SystemUnderTest;
let organisation: SeededOrganisation;
let browser: Browser;
const people: Person[] = [];
let incidentUrl: string;
let reference: string;

beforeAll(async () => {
  browser = await launchChromium();
  system = await SystemUnderTest.start();
  organisation = await system.organisation(ORGANISATION);
  const token = await system.login(organisation, 'responder');
  const created = await system.request('POST', '/api/incidents', {
    token,
    body: newIncidentBody({
      title: 'Journalsystemet nere på akuten',
      summary: 'Journalsystemet var otillgängligt i tio timmar; läkemedelslistor saknades på akutmottagningen.',
      careImpact: 'serious-harm-possible',
      careUnit: 'Akutmottagningen, Exempelsjukhuset',
      patientConsequences: 'Två patienter fick fördröjd behandling.',
    }),
  });
  expect(created.status).toBe(201);
  incidentUrl = `/incidents/${created.body.id}`;
  reference = created.body.reference;
}, 120_000);

afterAll(async () => {
  await Promise.all(people.map((person) => person.close()));
  await browser?.close();
  await system?.stop();
});

async function signIn(role: Role): Promise<Person> {
  const person = await signInAs(browser, system.baseUrl, organisation, role, { name: `lex-maria-${role}` });
  people.push(person);
  return person;
}

const LEX_MARIA = TRACK_CATALOGUE['lex-maria'];

describe('Lex Maria: from the suggestion to the report filed with IVO', () => {
  let dpo: Person;
  let responder: Person;
  let filingUrl: string;

  it('suggests Lex Maria screening; the DPO answers the statutory question, sees the conclusion, gives the reason and screens it in', async () => {
    dpo = await signIn('dpo');
    const { page } = dpo;
    // The decision waits for the DPO on the overview, and leads to the incident's screening.
    await page.getByRole('link', { name: sv.dashboard.toScreen(LEX_MARIA.label.sv, reference) }).click();
    await page.waitForURL(new RegExp(`${incidentUrl}#screening$`));
    await page.getByRole('heading', { name: sv.screening.titleOpen }).waitFor();
    const form = page.locator('[data-screening-form="lex-maria"]');
    await form.getByText(sv.screening['lex-maria'].question).waitFor();
    expect(await form.locator('[data-conclusion]').textContent()).toContain(sv.screening.conclusionPending);
    expectAccessible(await dpo.checkpoint('screening-suggested'));

    // Too short a reason is refused in the form, next to the field.
    await form.getByLabel(sv.screening['lex-maria'].options['could-have-caused']).check();
    expect(await form.locator('[data-conclusion]').textContent()).toContain(sv.screening['lex-maria'].applies);
    await form.getByLabel(sv.screening.reason).fill('Allvarligt.');
    await form.getByRole('button', { name: sv.screening.submit }).click();
    await form.getByRole('alert').getByRole('link', { name: sv.screening.reasonTooShort(20) }).waitFor();
    expectAccessible(await dpo.checkpoint('screening-errors'));

    await form.getByLabel(sv.screening.reason).fill('Fördröjd behandling på akuten hade kunnat leda till allvarlig vårdskada.');
    await form.getByRole('button', { name: sv.screening.submit }).click();
    await page.locator('[data-screening="lex-maria"]').getByText(sv.screening.appliesYes).waitFor();
    const track = page.locator('[data-track="lex-maria"]');
    await reloadUntilVisible(page, track.locator('[data-stage="initial"] .countdown'));
    // "Snarast" as the organisation's target: 14 days from awareness (two hours ago).
    expect(await track.locator('.countdown__time').first().textContent()).toMatch(/^13 d \d{1,2} h kvar$/);
    await page.locator('[data-task="event-analysis"]').waitFor();
    expectAccessible(await dpo.checkpoint('screened-in'));
  }, 60_000);

  it('the DPO designates the responder as Lex Maria reporter in the settings, from the organisation’s users', async () => {
    const { page } = dpo;
    await page.getByRole('link', { name: sv.nav.settings }).click();
    await page.getByRole('heading', { name: sv.settings.lexMariaTitle }).waitFor();
    expect(await page.getByLabel(sv.settings.lexMariaReportDays).inputValue()).toBe('14');
    await page.getByText(sv.settings.lexMariaReportDaysHint).waitFor();
    await page.getByLabel(`${ORGANISATION} responder (${sv.roles.responder})`).check();
    await page.getByRole('button', { name: sv.form.save }).click();
    await page.getByRole('status').getByText(sv.form.saved).waitFor();
    expectAccessible(await dpo.checkpoint('settings-reporter'));

    // The list of users is for admins and the DPO, and carries names and roles only.
    const users = await system.request('GET', '/api/organisation/users', { token: await system.login(organisation, 'dpo') });
    expect(users.status).toBe(200);
    expect(users.body.items).toHaveLength(5);
    for (const user of users.body.items) expect(Object.keys(user).sort()).toEqual(['displayName', 'id', 'role']);
    expect((await system.request('GET', '/api/organisation/users', { token: await system.login(organisation, 'responder') })).status).toBe(403);
  }, 60_000);

  it('the responder, reading English, drafts the IVO report in Swedish and submits it; a task names what it lacks next to the field', async () => {
    responder = await signIn('responder');
    const { page } = responder;
    await page.getByLabel(sv.app.language).selectOption('en');
    await page.goto(incidentUrl);
    const track = page.locator('[data-track="lex-maria"]');
    await track.getByText(en.tracks.draftedIn(en.tracks.languageName.sv)).waitFor();

    // Informing a group of patients: "mark as done" shows the API's refusal next to the field it names.
    const add = page.locator('form[aria-labelledby="add-patient-group"]');
    await add.getByLabel(en.tasks.patientInformation.group).fill('Patienter med fördröjd behandling');
    await add.getByRole('button', { name: en.tasks.patientInformation.addSubmit }).click();
    const task = page.locator('[data-task="patient-information"]');
    await task.getByRole('button', { name: en.tasks.markDone }).click();
    await task.getByRole('alert').getByRole('link', { name: /who was told/ }).waitFor();
    expect(await task.locator('.field--error').filter({ hasText: en.tasks.patientInformation.told }).locator('.field-error').textContent()).toMatch(/who was told/);
    expectAccessible(await responder.checkpoint('task-field-error'));

    await track.getByRole('button', { name: en.incident.draftReport }).click();
    await page.waitForURL(/\/filings\/[0-9a-f-]{36}$/);
    filingUrl = page.url();
    const preview = page.frameLocator('iframe.preview');
    await preview.getByText('Anmälan enligt lex Maria').first().waitFor();
    expect(await preview.locator('body').textContent()).toContain('Akutmottagningen, Exempelsjukhuset');
    expectAccessible(await responder.checkpoint('ivo-draft'));
    await page.getByRole('button', { name: en.filing.submit }).click();
    await page.locator('.status--awaiting-approval').waitFor();
  }, 60_000);

  it('an approver approves it, and is not offered to record it (only a designated reporter records a Lex Maria report)', async () => {
    const approver = await signIn('approver');
    const { page } = approver;
    await page.getByRole('link', { name: sv.nav.approvals }).click();
    const review = page.getByRole('link', { name: new RegExp(`^${sv.approvals.review}\\W+Journalsystemet`) });
    await reloadUntilVisible(page, review);
    await review.click();
    await page.getByRole('button', { name: sv.filing.approve }).click();
    await page.locator('.status--approved').waitFor();
    await page.getByText(sv.filing.designatedReporterOnly).waitFor();
    expect(await page.getByRole('button', { name: sv.filing.recordSubmit }).count()).toBe(0);
    expectAccessible(await approver.checkpoint('approved-not-designated'));
  }, 60_000);

  it('the designated responder records it via IVO’s e-service, and the timeline shows who screened it in and that it was filed', async () => {
    const { page } = responder;
    await page.goto(filingUrl);
    await page.getByRole('heading', { name: en.filing.recordTitle }).waitFor();
    const channel = page.getByLabel(en.filing.channelLabel);
    expect(await channel.locator('option').allTextContents()).toEqual([en.channel['ivo-e-service'], en.channel.post]);
    await channel.selectOption('ivo-e-service');
    await page.getByLabel(en.filing.referenceLabel).fill('IVO 3.5.1-12345/2026');
    expectAccessible(await responder.checkpoint('record-ivo'));
    await page.getByRole('button', { name: en.filing.recordSubmit }).click();
    await page.locator('.status--filed').waitFor();
    expect(await page.getByText(en.channel['ivo-e-service']).count()).toBeGreaterThan(0);

    await page.goto(incidentUrl);
    const filed = page.locator('.timeline [data-action="filing.filed"][data-timeline-track="lex-maria"]');
    await reloadUntilVisible(page, filed);
    expect(await filed.textContent()).toContain(`Filed (${LEX_MARIA.label.en})`);
    const screenedIn = page.locator('.timeline [data-action="track.screened-in"][data-timeline-track="lex-maria"]');
    expect(await screenedIn.textContent()).toContain(en.timeline.by(`${ORGANISATION} dpo`));
    await page.locator('.timeline [data-action="deadline"]').first().waitFor();
    await page.locator('[data-track="lex-maria"]').getByText(en.trackStatus.filed, { exact: true }).waitFor();
    expectAccessible(await responder.checkpoint('timeline-filed'));
  }, 60_000);

  it('met no CSP refusal and no script error on any page', () => {
    expect(people.flatMap((person) => person.problems)).toEqual([]);
  });
});
