/**
 * Sign-in as an attacker meets it: guessing passwords for one account, spraying one address's
 * guesses across many accounts, rotating a forged X-Forwarded-For, and flooding the password
 * hashing. Failures are counted, successes are not; every failure is in the audit trail by id.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { AuditEvent } from '../../libs/persistence/src/entities/audit-event.entity.js';
import type { SeededOrganisation } from '../../libs/persistence/src/seed/organisation-with-users.js';
import { scryptLoad } from '../../libs/platform/src/password-hasher.js';
import { PasswordHashingGate } from '../../libs/platform/src/password-hashing-gate.js';
import { eventually } from '../support/eventually.js';
import { SystemUnderTest, TEST_PASSWORD, type HttpResult } from '../support/system-under-test.js';

/** Behind a proxy on loopback: each test signs in from its own forwarded address, so their counts stay apart. */
// Each sign-in hashes a password (scrypt, 128 MiB): seconds apiece on a busy machine.
jest.setTimeout(30_000);

let proxied: SystemUnderTest;
/** No trusted proxy (the default): X-Forwarded-For is the client's own word and is ignored. */
let direct: SystemUnderTest;
let organisation: SeededOrganisation;

beforeAll(async () => {
  proxied = await SystemUnderTest.start({ worker: false, config: { TRUST_PROXY: 'loopback' } });
  direct = await SystemUnderTest.start({ worker: false });
  organisation = await proxied.organisation();
}, 60_000);

afterAll(async () => {
  await proxied?.stop();
  await direct?.stop();
});

const freshAddress = () => `198.51.100.${Math.floor(Math.random() * 254) + 1}`;
let addressCounter = 0;
/** A documentation-range address no other test in this file uses. */
const nextAddress = () => `203.0.113.${(addressCounter += 1)}`;

function signIn(system: SystemUnderTest, email: string, password: string, from?: string, path = '/api/auth/login'): Promise<HttpResult> {
  return system.request('POST', path, { body: { email, password }, headers: from ? { 'x-forwarded-for': from } : {} });
}

function expectThrottled(result: HttpResult, window = proxied.config.SIGN_IN_THROTTLE_WINDOW_SECONDS): void {
  expect(result.status).toBe(429);
  const retryAfter = Number(result.headers.get('retry-after'));
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(window);
  expect(result.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
}

async function auditOf(system: SystemUnderTest, action: string): Promise<AuditEvent[]> {
  return system.dataSource.getRepository(AuditEvent).find({ where: { action }, order: { seq: 'ASC' } });
}

describe('one account', () => {
  it('answers 401 to its first 10 wrong passwords, then 429 with Retry-After to the next 20, even to the right password, on both sign-in routes', async () => {
    const email = organisation.users.viewer.email;
    const from = nextAddress();
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 30; attempt += 1) {
      const result = await signIn(proxied, email, `guess-${attempt}`, from);
      statuses.push(result.status);
      if (result.status === 429) expectThrottled(result);
    }
    expect(statuses).toEqual([...Array(10).fill(401), ...Array(20).fill(429)]);
    // The account is closed from every address, for the browser's sign-in too, right password or not.
    expectThrottled(await signIn(proxied, email, TEST_PASSWORD, nextAddress()));
    expectThrottled(await signIn(proxied, email.toUpperCase(), TEST_PASSWORD, nextAddress(), '/api/auth/session'));
  }, 60_000);

  it('counts failures only: 31 right passwords in a row (past both limits) all sign in, and a success forgets the failures before it', async () => {
    const email = organisation.users.responder.email;
    const from = nextAddress();
    for (let attempt = 0; attempt < 31; attempt += 1) expect((await signIn(proxied, email, TEST_PASSWORD, from)).status).toBe(200);
    for (let attempt = 0; attempt < 9; attempt += 1) expect((await signIn(proxied, email, 'wrong', from)).status).toBe(401);
    expect((await signIn(proxied, email, TEST_PASSWORD, from)).status).toBe(200);
    for (let attempt = 0; attempt < 9; attempt += 1) expect((await signIn(proxied, email, 'wrong', from)).status).toBe(401);
    expect((await signIn(proxied, email, TEST_PASSWORD, from)).status).toBe(200);
  }, 90_000);
});

describe('one address', () => {
  it('answers 429 to its 31st wrong password spread over many accounts (5 each, under the per-account limit), and then to any account', async () => {
    const from = nextAddress();
    const sprayed = await proxied.organisation();
    const accounts = [...Object.values(sprayed.users).map((user) => user.email), `nobody-${randomBytes(4).toString('hex')}@example.test`];
    expect(accounts).toHaveLength(6);
    for (let attempt = 0; attempt < 30; attempt += 1) {
      expect((await signIn(proxied, accounts[attempt % accounts.length]!, `spray-${attempt}`, from)).status).toBe(401);
    }
    expectThrottled(await signIn(proxied, accounts[0]!, 'spray-31', from));
    expectThrottled(await signIn(proxied, sprayed.users.dpo.email, TEST_PASSWORD, from, '/api/auth/session'));
    // The same accounts from another address are not closed: the address was.
    expect((await signIn(proxied, sprayed.users.dpo.email, TEST_PASSWORD, nextAddress())).status).toBe(200);
  }, 90_000);

  it('cannot dodge the count with a forged X-Forwarded-For when no proxy is trusted', async () => {
    const other = await direct.organisation();
    const accounts = Object.values(other.users).map((user) => user.email);
    for (let attempt = 0; attempt < 30; attempt += 1) {
      expect((await signIn(direct, accounts[attempt % accounts.length]!, `forged-${attempt}`, freshAddress())).status).toBe(401);
    }
    expectThrottled(await signIn(direct, accounts[0]!, 'forged-31', freshAddress()), direct.config.SIGN_IN_THROTTLE_WINDOW_SECONDS);
    const [closing] = (await auditOf(direct, 'auth.sign-in-throttled')).slice(-1);
    expect(closing?.detail).toMatchObject({ scope: 'address', clientAddress: '127.0.0.1' });
  }, 90_000);
});

describe('the password hashing', () => {
  it('runs at most SIGN_IN_MAX_CONCURRENT_HASHES scrypts at once under a flood of 60 parallel sign-ins, and refuses what cannot wait with 503 and Retry-After', async () => {
    const gate = proxied.app.get(PasswordHashingGate);
    expect(gate.maxConcurrent).toBe(2);
    const waiting = proxied.config.SIGN_IN_MAX_WAITING_HASHES;
    scryptLoad.resetPeak();
    // Both hashing slots held until the whole flood is in, so no hash can finish and make room
    // while the requests arrive (on a busy machine they arrive over longer than a hash takes).
    let releaseSlots!: () => void;
    const slotsHeld = new Promise<void>((resolve) => (releaseSlots = resolve));
    const holders = Array.from({ length: gate.maxConcurrent }, () => gate.run(() => slotsHeld));
    let answered = 0;
    const flood = Array.from({ length: 60 }, (_, index) =>
      signIn(proxied, `flood-${index}-${randomBytes(3).toString('hex')}@example.test`, 'x', nextAddress()).finally(() => (answered += 1)),
    );
    // Every request is in: the line is full and the rest have had their answer.
    await eventually(async () => gate.stats.waiting === waiting && answered === 60 - waiting, { what: `${waiting} sign-ins waiting and ${60 - waiting} answered`, timeoutMs: 60_000 });
    releaseSlots();
    await Promise.all(holders);
    const results = await Promise.all(flood);
    const statuses = results.map((result) => result.status);
    expect(statuses.every((status) => status === 401 || status === 503)).toBe(true);
    const busy = results.filter((result) => result.status === 503);
    expect(busy).toHaveLength(60 - waiting);
    expect(statuses.filter((status) => status === 401)).toHaveLength(waiting);
    for (const result of busy) expect(Number(result.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // Measured at scrypt itself, not by the gate: the peak number of hashes in flight in this process.
    expect(scryptLoad.peak).toBeLessThanOrEqual(2);
    expect(scryptLoad.peak).toBeGreaterThanOrEqual(1);
    expect(gate.stats.peakRunning).toBeLessThanOrEqual(2);
    console.info(`sign-in flood: 60 parallel, ${statuses.filter((s) => s === 401).length} hashed (401), ${busy.length} refused at once (503); peak concurrent scrypt ${scryptLoad.peak}`);
  }, 120_000);
});

describe('the audit trail', () => {
  it('records each failed sign-in by user id (or a fingerprint for an unknown e-mail) and the address, never the e-mail or the password', async () => {
    const from = nextAddress();
    const password = `secret-guess-${randomBytes(6).toString('hex')}`;
    const unknown = `ghost-${randomBytes(4).toString('hex')}@example.test`;
    const before = (await auditOf(proxied, 'auth.sign-in-failed')).length;
    expect((await signIn(proxied, organisation.users.approver.email, password, from)).status).toBe(401);
    expect((await signIn(proxied, unknown, password, from)).status).toBe(401);
    expect((await signIn(proxied, unknown.toUpperCase(), password, from)).status).toBe(401);
    const failures = (await auditOf(proxied, 'auth.sign-in-failed')).slice(before);
    expect(failures).toHaveLength(3);
    expect(failures[0]).toMatchObject({
      organisationId: organisation.organisationId,
      actor: 'anonymous',
      detail: { reason: 'wrong-password', userId: organisation.users.approver.id, clientAddress: from },
    });
    expect(failures[1]).toMatchObject({ organisationId: null, detail: { reason: 'unknown-account', clientAddress: from } });
    expect(failures[1]!.detail.accountFingerprint).toMatch(/^[0-9a-f]{32}$/);
    expect(failures[2]!.detail.accountFingerprint).toBe(failures[1]!.detail.accountFingerprint);
    const everything = JSON.stringify(await proxied.dataSource.getRepository(AuditEvent).find());
    expect(everything).not.toContain(password);
    expect(everything.toLowerCase()).not.toContain(unknown);
    expect(everything.toLowerCase()).not.toContain(organisation.users.approver.email);
  });

  it("records a deactivated account's right password as a failure, answered like a wrong one", async () => {
    const other = await proxied.organisation();
    await proxied.dataSource.query('UPDATE users SET active = false WHERE id = $1', [other.users.viewer.id]);
    const result = await signIn(proxied, other.users.viewer.email, TEST_PASSWORD, nextAddress());
    expect(result.status).toBe(401);
    expect(result.body.message).toBe('e-mail or password is wrong');
    const [last] = (await auditOf(proxied, 'auth.sign-in-failed')).slice(-1);
    expect(last?.detail).toMatchObject({ reason: 'deactivated-account', userId: other.users.viewer.id });
  });

  it('records the closing of a throttle once, not each refused attempt', async () => {
    const other = await proxied.organisation();
    const before = (await auditOf(proxied, 'auth.sign-in-throttled')).length;
    for (let attempt = 0; attempt < 25; attempt += 1) await signIn(proxied, other.users.admin.email, `g-${attempt}`, nextAddress());
    const closings = (await auditOf(proxied, 'auth.sign-in-throttled')).slice(before);
    expect(closings).toHaveLength(1);
    expect(closings[0]).toMatchObject({ organisationId: other.organisationId, detail: { scope: 'account', userId: other.users.admin.id } });
  }, 60_000);
});
