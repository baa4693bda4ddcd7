/**
 * Art. 34 notices end to end: recipients imported as a stream and kept sealed, a notice drafted,
 * previewed, approved by a second person and sent one message per person.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { CaseFile } from '../../libs/persistence/src/case-file.js';
import type { SeededOrganisation } from '../../libs/persistence/src/seed/organisation-with-users.js';
import { newIncidentBody } from '../support/incident-bodies.js';
import { recipientCsv } from '../support/recipient-files.js';
import { highRiskFacts } from '../support/risk-facts-examples.js';
import { eventually } from '../support/eventually.js';
import { SystemUnderTest } from '../support/system-under-test.js';

// Workflows answer on their own schedule; on a busy machine a step may take seconds.
jest.setTimeout(60_000);

let system: SystemUnderTest;
let org: SeededOrganisation;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  system = await SystemUnderTest.start();
  org = await system.organisation('Psykiatrimottagningen Exempel');
  for (const role of ['responder', 'approver', 'dpo', 'viewer'] as const) tokens[role] = await system.login(org, role);
  await api('PATCH', '/api/organisation', 'dpo', { legalName: 'Psykiatrimottagningen Exempel AB', contactName: 'Dataskyddsombudet', contactEmail: 'dso@psyk.example', contactPhone: '010-000 00 00' });
}, 60_000);

afterAll(async () => {
  await system?.stop();
});

const api = <T = any>(method: string, path: string, role: string, body?: unknown) => system.request<T>(method, path, { token: tokens[role], body });

async function upload(incidentId: string, body: string, contentType: string, role = 'responder') {
  const response = await fetch(`${system.baseUrl}/api/incidents/${incidentId}/recipients`, { method: 'POST', headers: { authorization: `Bearer ${tokens[role]}`, 'content-type': contentType }, body });
  return { status: response.status, body: (await response.json()) as any };
}

async function highRiskIncident(): Promise<string> {
  const { breach: _b, data: _d, subjects: _s, controller: _c, ...narrative } = newIncidentBody();
  const created = await api('POST', '/api/incidents', 'responder', { ...narrative, ...highRiskFacts, title: 'Massutskick med synliga mottagare' });
  expect(created.status).toBe(201);
  return created.body.id;
}

describe('importing the people to tell', () => {
  it('keeps good rows, reports each bad row by line and field, and imports nothing twice', async () => {
    const incidentId = await highRiskIncident();
    const csv = recipientCsv({ count: 1_010, badRows: [3, 50, 101, 202, 303, 404, 505, 606, 707, 808], delimiter: ';', bom: true });
    const first = await upload(incidentId, csv, 'text/csv; charset=utf-8');
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ received: 1_010, imported: 1_000, alreadyImported: 0, rejected: 10, errorsTruncated: false });
    expect(first.body.errors.map((error: { line: number }) => error.line)).toEqual([4, 51, 102, 203, 304, 405, 506, 607, 708, 809]);
    expect(first.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(expect.arrayContaining(['email', 'phone', 'language', 'personalIdentityNumber']));
    expect(JSON.stringify(first.body)).not.toContain('patient');

    const again = await upload(incidentId, csv, 'text/csv');
    expect(again.body).toMatchObject({ imported: 0, alreadyImported: 1_000, rejected: 10 });

    const json = await upload(incidentId, JSON.stringify([{ email: 'ny.patient@patients.example', language: 'sv' }, { email: 'patient1@PATIENTS.example' }, { email: 'ny.patient@patients.example' }]), 'application/json');
    expect(json.body).toMatchObject({ received: 3, imported: 1, alreadyImported: 1, rejected: 1 });
    expect(json.body.errors).toEqual([{ line: 3, field: 'email', reason: 'the same person as on line 1' }]);

    const listed = await api('GET', `/api/incidents/${incidentId}/recipients?limit=5`, 'viewer');
    expect(listed.status).toBe(200);
    expect(listed.body.total).toBe(1_001);
    expect(listed.body.items[0].masked.email).toMatch(/^p\*\*\*@p\*\*\*\.example$/);
    expect(listed.body.items[0].masked.personalIdentityNumber).toMatch(/^19\d\d\*\*\*\*-\*\*\*\d$/);
    expect(JSON.stringify(listed.body)).not.toMatch(/patient\d+@/);
  });

  it('counts every batch of a file larger than the batches in flight, and a partly known file imports only the new people', async () => {
    const incidentId = await highRiskIncident();
    const first = await upload(incidentId, recipientCsv({ count: 12_000 }), 'text/csv');
    expect(first.body).toMatchObject({ received: 12_000, imported: 12_000, alreadyImported: 0, rejected: 0 });
    const grown = await upload(incidentId, recipientCsv({ count: 23_000 }), 'text/csv');
    expect(grown.body).toMatchObject({ received: 23_000, imported: 11_000, alreadyImported: 12_000, rejected: 0 });
    expect((await api('GET', `/api/incidents/${incidentId}/recipients?limit=1`, 'viewer')).body.total).toBe(23_000);
  });

  it('refuses a type it cannot read, a file that is not an array, and a viewer', async () => {
    const incidentId = await highRiskIncident();
    expect((await upload(incidentId, 'x', 'text/plain')).status).toBe(415);
    const notArray = await upload(incidentId, '{"email": "a@b.example"', 'application/json');
    expect(notArray.status).toBe(201);
    expect(notArray.body.errors[0]).toMatchObject({ field: '(file)' });
    expect((await upload(incidentId, recipientCsv({ count: 1 }), 'text/csv', 'viewer')).status).toBe(403);
  });
});

const CONTENT = {
  nature: 'Den 24 november skickade vi ett e-postmeddelande till 2 000 patienter där alla mottagares adresser syntes.',
  consequences: 'Andra mottagare kan se att du är patient hos oss. Det kan kännas obehagligt och kan användas för bedrägeriförsök.',
  measures: 'Vi har bett mottagarna radera meddelandet och ändrat våra rutiner så att varje meddelande skickas till en person i taget.',
  advice: 'Var uppmärksam på meddelanden som påstår sig komma från oss. Vi ber dig aldrig om lösenord eller kortuppgifter.',
};

describe('a notice from draft to 1,000 messages', () => {
  it('holds the draft against Art. 34(2), previews it for one person, needs a second person to approve, and sends one message to each', async () => {
    const incidentId = await highRiskIncident();
    await upload(incidentId, recipientCsv({ count: 1_010, badRows: [3, 50, 101, 202, 303, 404, 505, 606, 707, 808] }), 'text/csv');

    const { nature: _missing, ...withoutNature } = CONTENT;
    const draft = await api('POST', `/api/incidents/${incidentId}/notices`, 'responder', { channel: 'email', content: withoutNature });
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ status: 'draft', revision: 1, missing: ['nature'], readability: { measure: 'lix' } });
    const early = await api('POST', `/api/notices/${draft.body.id}/submit`, 'responder', {});
    expect(early.status).toBe(422);
    expect(early.body.errors).toEqual([expect.objectContaining({ field: 'content.nature' })]);

    const edited = await api('PATCH', `/api/notices/${draft.body.id}`, 'responder', { content: { nature: CONTENT.nature } });
    expect(edited.body).toMatchObject({ revision: 2, missing: [] });
    expect(edited.body.readability.score).toBeGreaterThan(10);

    const recipients = (await api('GET', `/api/incidents/${incidentId}/recipients?limit=2`, 'responder')).body.items;
    const preview = await system.request('GET', `/api/notices/${draft.body.id}/preview?recipient=${recipients[0].id}&format=html`, { token: tokens.responder });
    expect(preview.status).toBe(200);
    expect(preview.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect(preview.body).toMatch(/Hej Patient \d+,/);
    expect(preview.body).toContain(CONTENT.nature);
    expect(preview.body).not.toMatch(/patient\d+@/);

    expect((await api('POST', `/api/notices/${draft.body.id}/submit`, 'responder', {})).body.status).toBe('awaiting-approval');
    expect((await api('POST', `/api/notices/${draft.body.id}/approve`, 'responder', {})).status).toBe(403);
    const approved = await api('POST', `/api/notices/${draft.body.id}/approve`, 'dpo', {});
    expect(approved.body).toMatchObject({ status: 'approved', approvedBy: org.users.dpo.id });
    const frozen = await api('PATCH', `/api/notices/${draft.body.id}`, 'responder', { content: { advice: 'Något annat.' } });
    expect(frozen.status).toBe(409);

    system.mail.clear();
    const sending = await api('POST', `/api/notices/${draft.body.id}/send`, 'responder', { ratePerSecond: 2_000 });
    expect(sending.status).toBe(202);
    expect((await api('POST', `/api/notices/${draft.body.id}/send`, 'responder', {})).status).toBe(202);
    const sent = await eventually(async () => {
      const notice = (await api('GET', `/api/notices/${draft.body.id}`, 'viewer')).body;
      return notice.status === 'sent' ? notice : undefined;
    }, { timeoutMs: 60_000, what: 'the notice to be sent' });
    expect(sent.sentAt).not.toBeNull();

    const messages = await system.mail.waitForCount(1_000, 10_000);
    expect(messages).toHaveLength(1_000);
    const addresses = new Set<string>();
    for (const message of messages) {
      expect(message.envelopeTo).toHaveLength(1);
      const [address] = message.envelopeTo;
      addresses.add(address!);
      expect(message.to).toBe(address);
      // No other recipient's address anywhere in the message.
      const others = message.raw.match(/patient\d+@patients\.example/g) ?? [];
      expect(new Set(others)).toEqual(new Set([address]));
    }
    expect(addresses.size).toBe(1_000);
    expect(new Set(messages.map((message) => message.messageId)).size).toBe(1_000);

    // The IMY report now takes its Art. 34 answers from the notices track.
    const imy = await api('POST', `/api/incidents/${incidentId}/filings`, 'responder', { track: 'gdpr-art33', language: 'sv', kind: 'initial' });
    const items = Object.fromEntries(imy.body.document.sections.flatMap((section: any) => section.items).map((item: any) => [item.id, item.value]));
    expect(items['informing.how']).toMatch(/^E-post till var och en \(1\s000 mottagare\)$/);
    expect(items['informing.informedAt']).not.toMatch(/inte/);

    const deliveries = await api('GET', `/api/notices/${draft.body.id}/deliveries?limit=3`, 'viewer');
    expect(deliveries.body.counts).toEqual({ total: 1_000, queued: 0, sent: 1_000, failed: 0, skipped: 0 });
    expect(deliveries.body.items[0].masked.email).toMatch(/\*\*\*/);
    expect(JSON.stringify(deliveries.body)).not.toMatch(/patient\d+@/);
  }, 120_000);
});

describe('not telling the people (Art. 34(3))', () => {
  it('takes a public notice for disproportionate effort, four eyes, and settles the track with the ground in the register', async () => {
    const incidentId = await highRiskIncident();
    const proposal = { ground: '34(3)(c)', reason: 'Vi saknar kontaktuppgifter till de flesta berörda; ett offentligt meddelande når dem lika effektivt.' };
    const tooEarly = await api('POST', `/api/incidents/${incidentId}/tracks/gdpr-art34/exception`, 'responder', proposal);
    expect(tooEarly.status).toBe(422);
    expect(tooEarly.body.errors).toEqual([expect.objectContaining({ field: 'ground' })]);

    const publicNotice = await api('POST', `/api/incidents/${incidentId}/notices`, 'responder', { channel: 'public', content: CONTENT });
    await api('POST', `/api/notices/${publicNotice.body.id}/submit`, 'responder', {});
    await api('POST', `/api/notices/${publicNotice.body.id}/approve`, 'approver', {});
    const proposed = await api('POST', `/api/incidents/${incidentId}/tracks/gdpr-art34/exception`, 'approver', proposal);
    expect(proposed.status).toBe(201);
    const own = await api('POST', `/api/incidents/${incidentId}/tracks/gdpr-art34/exception/${proposed.body.id}/approve`, 'approver', {});
    expect(own.status).toBe(409);
    expect(own.body.message).toMatch(/four-eyes/);
    const approved = await api('POST', `/api/incidents/${incidentId}/tracks/gdpr-art34/exception/${proposed.body.id}/approve`, 'dpo', {});
    expect(approved.body).toMatchObject({ decision: 'approved', decidedBy: org.users.dpo.id });
    const track = await eventually(async () => (await api('GET', `/api/incidents/${incidentId}`, 'viewer')).body.tracks.find((t: { kind: string; status: string }) => t.kind === 'gdpr-art34' && t.status === 'not-required'));
    expect(track).toBeDefined();

    // Published, the public notice is a page anyone can read, without personal data.
    await api('POST', `/api/notices/${publicNotice.body.id}/send`, 'responder', {});
    const published = await eventually(async () => {
      const notice = (await api('GET', `/api/notices/${publicNotice.body.id}`, 'viewer')).body;
      return notice.status === 'sent' ? notice : undefined;
    });
    const page = await fetch(published.publicUrl.replace(system.config.PUBLIC_URL, system.baseUrl));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect(await page.text()).toContain(CONTENT.nature);
    expect((await fetch(`${system.baseUrl}/public/notices/not-a-real-slug`)).status).toBe(404);

    const register = (await api('GET', '/api/register?format=json', 'dpo')).body.find((entry: { incidentId: string }) => entry.incidentId === incidentId);
    expect(register.notRequired).toEqual([expect.objectContaining({ track: 'gdpr-art34', reason: expect.stringMatching(/^Art\. 34\(3\)\(c\)/) })]);
    expect(register.tracks).toContainEqual({ track: 'gdpr-art34', outcome: 'not-required' });
  }, 60_000);
});

describe('a recipient address as a canary', () => {
  it('never reaches Temporal history, the API’s listings or its error messages', async () => {
    const canary = 'canary.4711@canary-hospital.example';
    const incidentId = await highRiskIncident();
    const report = await upload(incidentId, `email;phone;name\n${canary};;Kanarie Fågel\n${canary.replace('4711', '4712')};0701;Bad Phone\n`, 'text/csv');
    expect(report.body).toMatchObject({ imported: 1, rejected: 1 });
    const notice = await api('POST', `/api/incidents/${incidentId}/notices`, 'responder', { channel: 'email', content: CONTENT });
    await api('POST', `/api/notices/${notice.body.id}/submit`, 'responder', {});
    await api('POST', `/api/notices/${notice.body.id}/approve`, 'approver', {});
    await api('POST', `/api/notices/${notice.body.id}/send`, 'responder', {});
    await eventually(async () => ((await api('GET', `/api/notices/${notice.body.id}`, 'viewer')).body.status === 'sent' ? true : undefined));
    expect(system.mail.messages.some((message) => message.envelopeTo[0] === canary)).toBe(true);

    const seen = [
      JSON.stringify(report.body),
      JSON.stringify((await api('GET', `/api/incidents/${incidentId}/recipients`, 'viewer')).body),
      JSON.stringify((await api('GET', `/api/notices/${notice.body.id}/deliveries`, 'viewer')).body),
      JSON.stringify((await api('GET', `/api/notices/${notice.body.id}`, 'viewer')).body),
      JSON.stringify((await api('GET', `/api/incidents/${incidentId}/timeline`, 'viewer')).body),
      JSON.stringify((await api('GET', `/api/notices/${notice.body.id}/preview?recipient=not-a-uuid`, 'viewer')).body),
    ];
    for (const text of seen) expect(text).not.toMatch(/canary\.471/);

    const { Client, Connection } = await import('@temporalio/client');
    const { AesGcmPayloadCodec } = await import('../../libs/platform/src/payload-codec.js');
    const { payloadKeysOf } = await import('../../libs/platform/src/payload-keys.js');
    // As the Web UI's codec server reads history: markers, headers and search attributes are shown as stored.
    const codec = new AesGcmPayloadCodec(payloadKeysOf(system.config), { unencrypted: 'pass-through' });
    const connection = await Connection.connect({ address: system.config.TEMPORAL_ADDRESS });
    try {
      const client = new Client({ connection });
      const incident = (await api('GET', `/api/incidents/${incidentId}`, 'viewer')).body;
      for (const workflowId of [`notice-delivery-${notice.body.id}`, incident.workflowId]) {
        const history = await client.workflow.getHandle(workflowId).fetchHistory();
        const payloads: Array<{ metadata: Record<string, Uint8Array>; data: Uint8Array }> = [];
        const collect = (value: unknown): void => {
          if (!value || typeof value !== 'object') return;
          const record = value as Record<string, unknown>;
          if (record.metadata && 'data' in record && (record.metadata as Record<string, unknown>).encoding) payloads.push(record as (typeof payloads)[number]);
          for (const child of Object.values(record)) collect(child);
        };
        collect(history);
        const decoded = await codec.decode(payloads);
        const plain = decoded.map((payload) => Buffer.from(payload.data ?? new Uint8Array()).toString('utf8')).join('\n');
        expect(plain.length).toBeGreaterThan(0);
        expect(plain).not.toContain('canary');
        expect(JSON.stringify(history)).not.toContain('canary');
      }
    } finally {
      await connection.close();
    }

    // Once the notices are done and the retention has passed, the contact details are purged; the deliveries stay provable.
    const purged = await system.app.get(CaseFile).read.recipients.purgeExpired(new Date(Date.now() + 91 * 86_400_000), 90);
    expect(purged).toBeGreaterThanOrEqual(1);
    const listed = (await api('GET', `/api/incidents/${incidentId}/recipients`, 'viewer')).body.items;
    expect(listed).toEqual([expect.objectContaining({ purged: true, masked: expect.objectContaining({ email: 'c***@c***.example' }) })]);
    expect((await api('GET', `/api/notices/${notice.body.id}/preview?recipient=${listed[0].id}`, 'viewer')).status).toBe(409);
    expect((await api('GET', `/api/notices/${notice.body.id}/deliveries`, 'viewer')).body.counts).toMatchObject({ sent: 1 });
  }, 60_000);
});

describe('letters and text messages', () => {
  it('previews a letter as a PDF, releases the letters to one print batch, and refuses SMS without a provider, saying so', async () => {
    const incidentId = await highRiskIncident();
    await upload(incidentId, recipientCsv({ count: 3 }), 'text/csv');
    const approvedNotice = async (channel: string) => {
      const notice = await api('POST', `/api/incidents/${incidentId}/notices`, 'responder', { channel, content: CONTENT });
      await api('POST', `/api/notices/${notice.body.id}/submit`, 'responder', {});
      await api('POST', `/api/notices/${notice.body.id}/approve`, 'approver', {});
      return notice.body.id as string;
    };
    const sent = (id: string) => eventually(async () => ((await api('GET', `/api/notices/${id}`, 'viewer')).body.status === 'sent' ? true : undefined));

    const letter = await approvedNotice('letter');
    const recipient = (await api('GET', `/api/incidents/${incidentId}/recipients?limit=1`, 'viewer')).body.items[0];
    const pdf = await fetch(`${system.baseUrl}/api/notices/${letter}/preview?recipient=${recipient.id}&format=pdf`, { headers: { authorization: `Bearer ${tokens.responder}` } });
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    expect((await api('GET', `/api/notices/${letter}/letters`, 'responder')).status).toBe(409);
    await api('POST', `/api/notices/${letter}/send`, 'responder', {});
    await sent(letter);
    const batch = await fetch(`${system.baseUrl}/api/notices/${letter}/letters`, { headers: { authorization: `Bearer ${tokens.responder}` } });
    expect(batch.status).toBe(200);
    const bytes = Buffer.from(await batch.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect((bytes.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length).toBe(3);

    const sms = await approvedNotice('sms');
    await api('POST', `/api/notices/${sms}/send`, 'responder', {});
    await sent(sms);
    const deliveries = (await api('GET', `/api/notices/${sms}/deliveries`, 'viewer')).body;
    expect(deliveries.counts).toMatchObject({ total: 3, failed: 3, sent: 0 });
    expect(deliveries.items[0].failure).toBe('no-sms-provider-configured');
  });
});

describe('the checklist and the inbox', () => {
  it('judges the contact point as it is now, lets a text be cleared, and lists notices awaiting approval across incidents', async () => {
    const incidentId = await highRiskIncident();
    await api('PATCH', '/api/organisation', 'dpo', { contactName: null });
    try {
      const draft = await api('POST', `/api/incidents/${incidentId}/notices`, 'responder', { channel: 'email', content: CONTENT });
      expect(draft.body.missing).toEqual(['contactPoint']);
      expect((await api('POST', `/api/notices/${draft.body.id}/submit`, 'responder', {})).body.errors).toEqual([expect.objectContaining({ field: 'organisation.contactName' })]);
      await api('PATCH', '/api/organisation', 'dpo', { contactName: 'Dataskyddsombudet' });
      expect((await api('GET', `/api/notices/${draft.body.id}`, 'viewer')).body.missing).toEqual([]);

      const cleared = await api('PATCH', `/api/notices/${draft.body.id}`, 'responder', { content: { advice: null } });
      expect(cleared.body).toMatchObject({ revision: 2, missing: ['advice'] });
      expect(cleared.body.content.advice).toBeUndefined();
      await api('PATCH', `/api/notices/${draft.body.id}`, 'responder', { content: { advice: CONTENT.advice } });
      expect((await api('POST', `/api/notices/${draft.body.id}/submit`, 'responder', {})).body.status).toBe('awaiting-approval');

      const inbox = await api('GET', '/api/notices?status=awaiting-approval', 'approver');
      expect(inbox.body.items.map((notice: { id: string }) => notice.id)).toContain(draft.body.id);
      expect((await api('GET', '/api/notices?status=nonsense', 'approver')).status).toBe(400);
    } finally {
      await api('PATCH', '/api/organisation', 'dpo', { contactName: 'Dataskyddsombudet' });
    }
  });
});
