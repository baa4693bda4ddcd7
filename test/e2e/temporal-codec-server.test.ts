/**
 * The codec server behind the Temporal Web UI: it decrypts a history's payloads for the DPO or an
 * admin, refuses everyone else, and lets only the UI's origin read its answers.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client, Connection } from '@temporalio/client';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { randomBytes } from 'node:crypto';
import { jsonPayloadOf, type JsonPayload } from '../../apps/api/src/temporal-codec/codec-request.js';
import type { SeededOrganisation } from '../../libs/persistence/src/seed/organisation-with-users.js';
import { newIncidentBody } from '../support/incident-bodies.js';
import { SystemUnderTest, TEST_PASSWORD } from '../support/system-under-test.js';

const UI_ORIGIN = 'http://localhost:18233';
let system: SystemUnderTest;
let org: SeededOrganisation;
/** The encrypted payloads of a real incident's history, as the UI would send them. */
let historyPayloads: JsonPayload[];
let incidentBody: ReturnType<typeof newIncidentBody>;

beforeAll(async () => {
  system = await SystemUnderTest.start({ config: { TEMPORAL_UI_ORIGINS: `${UI_ORIGIN},https://temporal.example.org` } });
  org = await system.organisation();
  const token = await system.login(org, 'responder');
  incidentBody = newIncidentBody();
  const created = await system.request('POST', '/api/incidents', { token, body: incidentBody });
  const connection = await Connection.connect({ address: system.config.TEMPORAL_ADDRESS });
  try {
    const history = await new Client({ connection }).workflow.getHandle(created.body.workflowId).fetchHistory();
    const started = history.events![0]!.workflowExecutionStartedEventAttributes!;
    historyPayloads = (started.input!.payloads as Payload[]).map(jsonPayloadOf);
  } finally {
    await connection.close();
  }
}, 60_000);

afterAll(async () => {
  await system?.stop();
});

const decodeAs = async (token: string | undefined, body: unknown = { payloads: historyPayloads }, headers: Record<string, string> = {}) =>
  system.request('POST', '/api/temporal-codec/decode', { token, body, headers: { 'x-namespace': system.config.TEMPORAL_NAMESPACE, origin: UI_ORIGIN, ...headers } });
const valueOf = (payload: JsonPayload): unknown =>
  defaultPayloadConverter.fromPayload({
    metadata: Object.fromEntries(Object.entries(payload.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64')])),
    data: Buffer.from(payload.data ?? '', 'base64'),
  });

describe('the codec server', () => {
  it('sends the UI ciphertext only (the premise: without it the history is unreadable)', () => {
    expect(historyPayloads.length).toBe(1);
    expect(Buffer.from(historyPayloads[0]!.metadata!.encoding!, 'base64').toString()).toBe('binary/encrypted');
    expect(Buffer.from(historyPayloads[0]!.data!, 'base64').toString('latin1')).not.toContain(incidentBody.awareAt as string);
  });

  it.each(['dpo', 'admin'] as const)('decrypts a history for the %s, with CORS headers for the UI', async (role) => {
    const answer = await decodeAs(await system.login(org, role));
    expect(answer.status).toBe(200);
    const [input] = answer.body.payloads as JsonPayload[];
    expect(valueOf(input!)).toMatchObject({ awareAt: incidentBody.awareAt, organisationId: org.organisationId });
    expect(answer.headers.get('access-control-allow-origin')).toBe(UI_ORIGIN);
    expect(answer.headers.get('access-control-allow-credentials')).toBe('true');
  });

  it.each(['responder', 'approver', 'viewer'] as const)('refuses the %s (403) and reveals nothing', async (role) => {
    const answer = await decodeAs(await system.login(org, role));
    expect(answer.status).toBe(403);
    expect(JSON.stringify(answer.body)).not.toContain(incidentBody.awareAt as string);
  });

  it('refuses a caller without a token or session (401), and one with a forged token', async () => {
    expect((await decodeAs(undefined)).status).toBe(401);
    const forged = Buffer.from(JSON.stringify({ alg: 'HS256' })).toString('base64url') + '.' + Buffer.from(JSON.stringify({ sub: 'x', org: org.organisationId, role: 'dpo' })).toString('base64url') + '.sig';
    expect((await decodeAs(forged)).status).toBe(401);
  });

  it('serves the browser session of a DPO without a CSRF token (it changes nothing), and refuses a responder\'s session', async () => {
    const sessionOf = async (role: 'dpo' | 'responder') => {
      const signIn = await system.request('POST', '/api/auth/session', { body: { email: org.users[role].email, password: TEST_PASSWORD } });
      expect(signIn.status).toBe(200);
      return signIn.headers.get('set-cookie')!.split(';')[0]!;
    };
    const asDpo = await decodeAs(undefined, undefined, { cookie: await sessionOf('dpo') });
    expect(asDpo.status).toBe(200);
    expect(valueOf((asDpo.body.payloads as JsonPayload[])[0]!)).toMatchObject({ awareAt: incidentBody.awareAt });
    expect((await decodeAs(undefined, undefined, { cookie: await sessionOf('responder') })).status).toBe(403);
  });

  it('answers the UI\'s preflight for its origin only', async () => {
    const preflight = (origin: string) =>
      fetch(`${system.baseUrl}/api/temporal-codec/decode`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-namespace,authorization' },
      });
    const allowed = await preflight(UI_ORIGIN);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(UI_ORIGIN);
    expect(allowed.headers.get('access-control-allow-credentials')).toBe('true');
    expect(allowed.headers.get('access-control-allow-methods')).toBe('POST');
    expect(allowed.headers.get('access-control-allow-headers')?.toLowerCase().split(', ')).toEqual(expect.arrayContaining(['content-type', 'x-namespace', 'authorization']));
    const stranger = await preflight('https://evil.example');
    expect(stranger.headers.get('access-control-allow-origin')).toBeNull();
    expect(stranger.headers.get('access-control-allow-credentials')).toBeNull();
    // The answer to another origin, even for a DPO, carries no permission for that origin to read it.
    const answer = await decodeAs(await system.login(org, 'dpo'), undefined, { origin: 'https://evil.example' });
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    // Other routes stay same-origin.
    expect((await fetch(`${system.baseUrl}/api/me`, { method: 'OPTIONS', headers: { origin: UI_ORIGIN } })).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('encodes for the UI what it decodes again, under the current key', async () => {
    const token = await system.login(org, 'dpo');
    const plain = jsonPayloadOf(defaultPayloadConverter.toPayload({ note: 'from the UI' }));
    const encoded = await system.request('POST', '/api/temporal-codec/encode', { token, body: { payloads: [plain] }, headers: { 'x-namespace': system.config.TEMPORAL_NAMESPACE } });
    expect(encoded.status).toBe(200);
    const [sealed] = encoded.body.payloads as JsonPayload[];
    expect(Buffer.from(sealed!.metadata!['encryption-key-id']!, 'base64').toString()).toBe(system.config.PAYLOAD_ENCRYPTION_KEY_ID);
    const decoded = await decodeAs(token, { payloads: [sealed] });
    expect(valueOf((decoded.body.payloads as JsonPayload[])[0]!)).toEqual({ note: 'from the UI' });
    expect((await system.request('POST', '/api/temporal-codec/encode', { token: await system.login(org, 'responder'), body: { payloads: [plain] } })).status).toBe(403);
  });

  describe('bad input is a 400 naming what is wrong, never a 500', () => {
    let token: string;
    beforeAll(async () => {
      token = await system.login(org, 'dpo');
    });

    it.each([
      ['no payloads', {}, 'payloads'],
      ['payloads that are not a list', { payloads: 'x' }, 'payloads'],
      ['data that is not base64', { payloads: [{ data: 'not base64!' }] }, 'payloads[0].data'],
      ['an unknown field', { payloads: [], extra: 1 }, 'extra'],
    ])('%s', async (_what, body, field) => {
      const answer = await decodeAs(token, body);
      expect(answer.status).toBe(400);
      expect(answer.body.errors.map((error: { field: string }) => error.field)).toContain(field);
    });

    it('a payload changed after it was encrypted, or encrypted under a key it does not hold', async () => {
      const tampered = { ...historyPayloads[0]!, data: Buffer.from(Buffer.from(historyPayloads[0]!.data!, 'base64').map((byte, i) => (i === 20 ? byte ^ 1 : byte))).toString('base64') };
      const relabelled = { ...historyPayloads[0]!, metadata: { ...historyPayloads[0]!.metadata, 'encryption-key-id': Buffer.from('key-elsewhere').toString('base64') } };
      for (const [index, payloads] of [[1, [historyPayloads[0]!, tampered]], [0, [relabelled]]] as const) {
        const answer = await decodeAs(token, { payloads });
        expect(answer.status).toBe(400);
        expect(answer.body.errors[0].field).toBe(`payloads[${index}]`);
      }
    });

    it('another namespace than this deployment\'s', async () => {
      const answer = await decodeAs(token, undefined, { 'x-namespace': `other-${randomBytes(3).toString('hex')}` });
      expect(answer.status).toBe(400);
      expect(answer.body.errors[0].field).toBe('X-Namespace');
    });
  });
});
