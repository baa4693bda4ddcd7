/**
 * An address the mail server refuses for good (550 at RCPT TO) is recorded once and skipped:
 * a reminder, an Art. 34 notice and the daily digest reach everyone else, the refused address is
 * tried exactly once, and the DPO and admins are told whose address bounces. One the server keeps
 * deferring (452) is retried, then given up on the same way.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Client } from '@temporalio/client';
import { randomBytes, randomUUID } from 'node:crypto';
import { IDEMPOTENCY_KEY_HEADER } from '../../libs/platform/src/mail/message-identity.js';
import type { DailyDigestOutcome } from '../../workflows/digest/daily-digest.workflow.js';
import type { SeededOrganisation } from '../../libs/persistence/src/seed/organisation-with-users.js';
import { eventually } from '../support/eventually.js';
import { newIncidentBody } from '../support/incident-bodies.js';
import { highRiskFacts, riskFacts } from '../support/risk-facts-examples.js';
import { SystemUnderTest } from '../support/system-under-test.js';

jest.setTimeout(90_000);

const HOUR = 3_600_000;
const BOUNCING = /^bounce-/;
const DEFERRED = /^full-/;
/** Kept small so that giving up on an address the server keeps deferring happens within the test (1 s + 2 s of backoff). */
const DEFERRED_ATTEMPTS = 3;
const KEY_HEADER = IDEMPOTENCY_KEY_HEADER.toLowerCase();
/** Long enough for Temporal to have retried a failed activity several times (its first retry comes after a second). */
const RETRY_WINDOW_MS = 5_000;

let system: SystemUnderTest;

beforeAll(async () => {
  system = await SystemUnderTest.start({
    rejectRecipient: (address) => BOUNCING.test(address),
    deferRecipient: (address) => DEFERRED.test(address),
    config: { STAFF_MAIL_DEFERRED_ATTEMPTS: String(DEFERRED_ATTEMPTS) },
  });
}, 60_000);

afterAll(async () => {
  await system?.stop();
});

/** Another person with this role in the organisation, under the given address. */
async function addUser(org: SeededOrganisation, role: 'responder' | 'approver' | 'dpo', email: string): Promise<{ id: string; email: string }> {
  const id = randomUUID();
  await system.dataSource.query(
    `INSERT INTO users (id, organisation_id, email, display_name, role, password_hash)
     SELECT $1, organisation_id, $2, $3, role, password_hash FROM users WHERE id = $4`,
    [id, email, `Colleague ${id.slice(0, 8)}`, org.users[role].id],
  );
  return { id, email };
}

const domainOf = (org: SeededOrganisation) => org.users.responder.email.split('@')[1]!;

/** An incident whose Art. 33 clock started `hours` ago: past 50 %, the responders' reminder fires at once. */
async function incidentAwareHoursAgo(token: string, hours: number, facts: object = riskFacts): Promise<{ id: string; reference: string }> {
  const awareAt = Date.now() - hours * HOUR;
  const { breach: _b, data: _d, subjects: _s, controller: _c, ...narrative } = newIncidentBody({
    occurredAt: new Date(awareAt - 10 * HOUR).toISOString(),
    discoveredAt: new Date(awareAt - HOUR).toISOString(),
    awareAt: new Date(awareAt).toISOString(),
  });
  const created = await system.request('POST', '/api/incidents', { token, body: { ...narrative, ...facts } });
  expect(created.status).toBe(201);
  return eventually(async () => {
    const incident = (await system.request('GET', `/api/incidents/${created.body.id}`, { token })).body;
    return incident.tracks.some((t: { kind: string; live: boolean }) => t.kind === 'gdpr-art33' && t.live) ? incident : undefined;
  }, { what: 'the Art. 33 track to start' });
}

const refusedRows = (userId: string): Promise<Array<{ idempotency_key: string; failure: string; response_code: number }>> =>
  system.dataSource.query('SELECT idempotency_key, failure, response_code FROM refused_emails WHERE recipient_user_id = $1 ORDER BY idempotency_key', [userId]);

describe('a reminder to three responders, one of whom bounces', () => {
  it('reaches the other two, records the bounce once without retrying it, and tells the DPO and the admin', async () => {
    const org = await system.organisation();
    const second = await addUser(org, 'responder', `second@${domainOf(org)}`);
    const bouncing = await addUser(org, 'responder', `bounce-${randomBytes(3).toString('hex')}@${domainOf(org)}`);
    const responder = await system.login(org, 'responder');
    const incident = await incidentAwareHoursAgo(responder, 40);

    const reminderTo = (address: string) => system.mail.waitFor((m) => m.envelopeTo.includes(address) && (m.headers[KEY_HEADER] ?? '').startsWith(`reminder:${incident.id}:`), 30_000);
    await reminderTo(org.users.responder.email);
    await reminderTo(second.email);
    const [refused] = await eventually(async () => ((await refusedRows(bouncing.id)).length > 0 ? refusedRows(bouncing.id) : undefined), { what: 'the bounce to be recorded' });
    expect(refused).toEqual({ idempotency_key: `reminder:${incident.id}:gdpr-art33:p50:${bouncing.id}`, failure: 'EENVELOPE RCPT TO 550', response_code: 550 });

    // The DPO and the admin are told whose address bounces (by name), in the app and by e-mail.
    for (const role of ['dpo', 'admin'] as const) {
      const alert = await system.mail.waitFor((m) => m.envelopeTo.includes(org.users[role].email) && (m.headers[KEY_HEADER] ?? '').startsWith(`email-refused:${bouncing.id}:`), 30_000);
      expect(alert.text).toContain('EENVELOPE RCPT TO 550');
      expect(alert.raw).not.toContain(bouncing.email);
    }
    const inbox = await system.request('GET', '/api/notifications', { token: await system.login(org, 'dpo') });
    expect(inbox.body.items.filter((n: { kind: string }) => n.kind === 'email-refused')).toHaveLength(1);
    // The bouncing responder still has the reminder in the app.
    const [{ count }] = await system.dataSource.query(`SELECT count(*)::int AS count FROM notifications WHERE user_id = $1 AND kind = 'reminder'`, [bouncing.id]);
    expect(count).toBe(1);

    await new Promise((resolve) => setTimeout(resolve, RETRY_WINDOW_MS));
    expect(system.mail.refusalsOf(bouncing.email)).toBe(1);
    expect(await refusedRows(bouncing.id)).toHaveLength(1);
  });
});

describe('a reminder to a responder whose mailbox stays full', () => {
  it('is retried, sent to everyone else once, and given up on after the configured attempts, recorded with them', async () => {
    const org = await system.organisation();
    const full = await addUser(org, 'responder', `full-${randomBytes(3).toString('hex')}@${domainOf(org)}`);
    const incident = await incidentAwareHoursAgo(await system.login(org, 'responder'), 40);

    await system.mail.waitFor((m) => m.envelopeTo.includes(org.users.responder.email) && (m.headers[KEY_HEADER] ?? '').startsWith(`reminder:${incident.id}:`), 30_000);
    const [given] = await eventually(async () => ((await refusedRows(full.id)).length > 0 ? refusedRows(full.id) : undefined), { timeoutMs: 30_000, what: 'the deferred address to be given up' });
    expect(given).toEqual({ idempotency_key: `reminder:${incident.id}:gdpr-art33:p50:${full.id}`, failure: `EENVELOPE RCPT TO 452 (${DEFERRED_ATTEMPTS} attempts)`, response_code: 452 });
    expect(system.mail.refusalsOf(full.email)).toBe(DEFERRED_ATTEMPTS);
    await system.mail.waitFor((m) => m.envelopeTo.includes(org.users.dpo.email) && (m.headers[KEY_HEADER] ?? '').startsWith(`email-refused:${full.id}:`), 10_000);

    await new Promise((resolve) => setTimeout(resolve, RETRY_WINDOW_MS));
    expect(system.mail.refusalsOf(full.email)).toBe(DEFERRED_ATTEMPTS);
    // The retries sent nobody a second reminder.
    expect(system.mail.messages.filter((m) => m.envelopeTo.includes(org.users.responder.email) && (m.headers[KEY_HEADER] ?? '').startsWith(`reminder:${incident.id}:`))).toHaveLength(1);
  });
});

const NOTICE_CONTENT = {
  nature: 'Den 24 november skickade vi ett e-postmeddelande till 2 000 patienter där alla mottagares adresser syntes.',
  consequences: 'Andra mottagare kan se att du är patient hos oss. Det kan kännas obehagligt och kan användas för bedrägeriförsök.',
  measures: 'Vi har bett mottagarna radera meddelandet och ändrat våra rutiner så att varje meddelande skickas till en person i taget.',
  advice: 'Var uppmärksam på meddelanden som påstår sig komma från oss. Vi ber dig aldrig om lösenord eller kortuppgifter.',
};

describe('an Art. 34 notice with one bouncing address', () => {
  it('is sent to everyone else and ends sent, the bounce failed once with its code and never retried', async () => {
    const org = await system.organisation();
    const [responder, dpo] = [await system.login(org, 'responder'), await system.login(org, 'dpo')];
    await system.request('PATCH', '/api/organisation', { token: dpo, body: { legalName: 'Vårdcentralen Exempel AB', contactName: 'Dataskyddsombudet', contactEmail: 'dso@vc.example', contactPhone: '010-000 00 00' } });
    const incident = await incidentAwareHoursAgo(responder, 1, highRiskFacts);
    const tag = randomBytes(3).toString('hex');
    const people = [`first.${tag}@patients.example`, `bounce-${tag}@patients.example`, `third.${tag}@patients.example`];
    const imported = await fetch(`${system.baseUrl}/api/incidents/${incident.id}/recipients`, {
      method: 'POST',
      headers: { authorization: `Bearer ${responder}`, 'content-type': 'application/json' },
      body: JSON.stringify(people.map((email) => ({ email, language: 'sv' }))),
    });
    expect(((await imported.json()) as { imported: number }).imported).toBe(3);

    const draft = await system.request('POST', `/api/incidents/${incident.id}/notices`, { token: responder, body: { channel: 'email', content: NOTICE_CONTENT } });
    expect(draft.status).toBe(201);
    expect((await system.request('POST', `/api/notices/${draft.body.id}/submit`, { token: responder, body: {} })).body.status).toBe('awaiting-approval');
    expect((await system.request('POST', `/api/notices/${draft.body.id}/approve`, { token: dpo, body: {} })).body.status).toBe('approved');
    expect((await system.request('POST', `/api/notices/${draft.body.id}/send`, { token: responder, body: {} })).status).toBe(202);

    await eventually(async () => (await system.request('GET', `/api/notices/${draft.body.id}`, { token: responder })).body.status === 'sent', { timeoutMs: 60_000, what: 'the notice to be sent' });
    for (const address of [people[0]!, people[2]!]) await system.mail.waitFor((m) => m.envelopeTo.includes(address), 10_000);
    const deliveries = (await system.request('GET', `/api/notices/${draft.body.id}/deliveries`, { token: responder })).body;
    expect(deliveries.counts).toEqual({ total: 3, queued: 0, sent: 2, failed: 1, skipped: 0 });
    const failed = deliveries.items.filter((item: { status: string }) => item.status === 'failed');
    expect(failed).toEqual([expect.objectContaining({ attempts: 1, failure: 'EENVELOPE RCPT TO 550' })]);
    expect(JSON.stringify(deliveries)).not.toContain(people[1]);

    await new Promise((resolve) => setTimeout(resolve, RETRY_WINDOW_MS));
    expect(system.mail.refusalsOf(people[1]!)).toBe(1);
  });
});

describe('the daily digest with one broken organisation and one bouncing DPO', () => {
  it("reaches the other organisation's people, records the bounce once, and gives the broken organisation up at once", async () => {
    const [broken, healthy] = [await system.organisation(), await system.organisation()];
    const bouncingDpo = await addUser(healthy, 'dpo', `bounce-dpo-${randomBytes(3).toString('hex')}@${domainOf(healthy)}`);
    await incidentAwareHoursAgo(await system.login(broken, 'responder'), 2);
    const healthyIncident = await incidentAwareHoursAgo(await system.login(healthy, 'responder'), 2);
    // A time zone no deadline can be shown in, written around the settings endpoint: the broken organisation's digest throws.
    await system.dataSource.query(`UPDATE organisations SET time_zone = 'Mars/Olympus' WHERE id = $1`, [broken.organisationId]);

    const client = system.app.get(Client);
    const outcome = await client.workflow
      .execute<() => Promise<DailyDigestOutcome>>('dailyDigestWorkflow', { taskQueue: system.config.TEMPORAL_TASK_QUEUE, workflowId: `daily-digest-${randomUUID()}`, args: [] })
      // The database is shared with later test files, whose digests go to every organisation: leave none broken.
      .finally(() => system.dataSource.query(`UPDATE organisations SET time_zone = 'Europe/Stockholm' WHERE id = $1`, [broken.organisationId]));
    // Given up at once (it cannot succeed), not after half an hour of retries; the healthy one is not among the failed.
    expect(outcome.failedOrganisations).toContain(broken.organisationId);
    expect(outcome.failedOrganisations).not.toContain(healthy.organisationId);
    expect(outcome.refused).toBeGreaterThanOrEqual(1);

    for (const role of ['approver', 'dpo'] as const) {
      const digest = await system.mail.waitFor((m) => m.envelopeTo.includes(healthy.users[role].email) && m.text.includes(healthyIncident.reference), 10_000);
      expect(digest.envelopeTo).toEqual([healthy.users[role].email]);
    }
    const brokenPeople = [broken.users.approver.email, broken.users.dpo.email];
    expect(system.mail.messages.some((m) => brokenPeople.includes(m.envelopeTo[0]!) && (m.headers[KEY_HEADER] ?? '').startsWith('digest:'))).toBe(false);
    const refused = await refusedRows(bouncingDpo.id);
    expect(refused).toEqual([expect.objectContaining({ failure: 'EENVELOPE RCPT TO 550' })]);
    expect(refused[0]!.idempotency_key).toMatch(new RegExp(`^digest:\\d{4}-\\d{2}-\\d{2}:${bouncingDpo.id}$`));
    expect(system.mail.refusalsOf(bouncingDpo.email)).toBe(1);
    // The healthy organisation's other DPO is told their colleague's address bounces.
    await system.mail.waitFor((m) => m.envelopeTo.includes(healthy.users.dpo.email) && (m.headers[KEY_HEADER] ?? '').startsWith(`email-refused:${bouncingDpo.id}:`), 10_000);
  });
});
