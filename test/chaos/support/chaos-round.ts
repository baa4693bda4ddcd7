import { randomBytes, randomUUID } from 'node:crypto';
import { AuditSeal } from '../../../libs/persistence/src/audit/audit-seal.js';
import { createOrganisationWithUsers, type SeededOrganisation } from '../../../libs/persistence/src/seed/organisation-with-users.js';
import { newIncidentBody } from '../../support/incident-bodies.js';
import { recipientCsv } from '../../support/recipient-files.js';
import { highRiskFacts, riskFacts } from '../../support/risk-facts-examples.js';
import type { ChaosStack, Component } from './chaos-stack.js';

const PASSWORD = 'correct horse battery staple';
const HOUR = 3_600_000;
/** How long a killed component stays down before it is started again. */
export const OUTAGE_MS = 4_000;
const CLIENT_PATIENCE_MS = 120_000;
const CONVERGENCE_MS = 180_000;

/** The work in flight when a component dies, sized so a round takes well under a minute. */
const WORKLOAD = { intake: 12, reminders: 4, filings: 3, noticeRecipients: 200, noticeRate: 50 } as const;

/** What a round counts: everything must end up done, once. */
export interface RoundFigures {
  killed: Component;
  incidentsAsked: number;
  incidentsLost: number;
  incidentsDuplicated: number;
  clocksMissing: number;
  remindersDue: number;
  remindersMissed: number;
  remindersSentTwice: number;
  /** The same reminder message (same Message-ID) delivered again: a kill between the SMTP server's acceptance and its record. */
  reminderRepeatsSameMessage: number;
  filingsApprovedTwice: number;
  filingsRecorded: number;
  filingsRecordedTwice: number;
  noticePeople: number;
  noticePeopleMissed: number;
  noticePeopleSentTwice: number;
  noticeRepeatsSameMessage: number;
  /** Answers 500 the clients got (a 503 while a service is away is expected and retried). */
  internalErrors: number;
  /** How far the work had gone when the component was killed: each phase was in the middle. */
  atKill: { incidentsAnswered: number; filingsRecorded: number; peopleTold: number; remindersSent: number };
  /** From the restart until every count above had settled. */
  recoveryMs: number;
}

interface Response {
  status: number;
  body: any;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(probe: () => Promise<T | undefined | false>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`chaos round: timed out waiting for ${what}`);
    await sleep(250);
  }
}

/**
 * A client that behaves as the web app does: a request that got no answer, or a 5xx, is sent
 * again (with the same Idempotency-Key where it creates something) until it is answered.
 */
class PatientClient {
  /** Answers 500: a fault. An outage must be a 503 the client may retry, never a 500. */
  internalErrors = 0;

  constructor(private readonly baseUrl: string) {}

  async once(method: string, path: string, options: { token?: string; body?: unknown; raw?: string; type?: string; headers?: Record<string, string> } = {}): Promise<Response> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined || options.raw !== undefined) headers['content-type'] = options.type ?? 'application/json';
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body: options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body)), signal: AbortSignal.timeout(30_000) });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  }

  /** Retries until an answer below 500; `attempts` tells whether an earlier try may have been done already. */
  async patiently(method: string, path: string, options: Parameters<PatientClient['once']>[2] = {}): Promise<Response & { attempts: number }> {
    const deadline = Date.now() + CLIENT_PATIENCE_MS;
    for (let attempts = 1; ; attempts += 1) {
      try {
        const response = await this.once(method, path, options);
        if (response.status < 500) return { ...response, attempts };
        if (response.status === 500) this.internalErrors += 1;
      } catch {
        // no answer: the API is down or died while answering
      }
      if (Date.now() > deadline) throw new Error(`chaos round: ${method} ${path} got no answer below 500 within ${CLIENT_PATIENCE_MS} ms`);
      await sleep(500);
    }
  }
}

function expectStatus(response: Response, expected: number, what: string): void {
  if (response.status !== expected) throw new Error(`chaos round: ${what} answered ${response.status} ${JSON.stringify(response.body)}`);
}

interface Prepared {
  org: SeededOrganisation;
  tokens: Record<'responder' | 'approver' | 'dpo', string>;
  filings: Array<{ incidentId: string; filingId: string }>;
  notice: { incidentId: string; noticeId: string };
}

/** One round: set work in motion, kill `component` in the middle of it, start it again, count. */
export async function chaosRound(stack: ChaosStack, component: Component): Promise<RoundFigures> {
  const client = new PatientClient(stack.baseUrl);
  const tag = `chaos-${component}-${randomBytes(3).toString('hex')}`;
  const prepared = await prepare(stack, client, tag);
  const { tokens } = prepared;
  let killAt = Date.now() + 10_000;

  // Reminders falling due while the component is down.
  const reminderIncidents = await Promise.all(
    Array.from({ length: WORKLOAD.reminders }, async (_, index) => {
      const awareAt = new Date(killAt + 1_000 + index * 500 - 36 * HOUR);
      // Assessed as a risk: the Art. 33 track owns the clock, and its reminders are e-mailed.
      const { breach: _b, data: _d, subjects: _s, controller: _c, ...narrative } = newIncidentBody({ title: `${tag} reminder ${index}` });
      const body = { ...narrative, ...riskFacts, occurredAt: new Date(awareAt.getTime() - 2 * HOUR).toISOString(), discoveredAt: new Date(awareAt.getTime() - HOUR).toISOString(), awareAt: awareAt.toISOString() };
      const created = await client.once('POST', '/api/incidents', { token: tokens.responder, body });
      expectStatus(created, 201, 'a reminder incident');
      return created.body as { id: string; reference: string };
    }),
  );

  // A slow start must not make the kill come before the work is in flight.
  killAt = Math.max(killAt, Date.now() + 3_000);

  // Intake: creations spread over the seconds around the kill, each retried with its key until answered.
  const progress = { incidentsAnswered: 0, filingsRecorded: 0 };
  const intake = Array.from({ length: WORKLOAD.intake }, async (_, index) => {
    await sleep(Math.max(0, killAt - 2_000 - Date.now()) + index * 400);
    const key = randomUUID();
    const body = newIncidentBody({ title: `${tag} intake ${index}` });
    const created = await client.patiently('POST', '/api/incidents', { token: tokens.responder, body, headers: { 'Idempotency-Key': key } });
    expectStatus(created, 201, `intake ${index}`);
    progress.incidentsAnswered += 1;
    return created.body.id as string;
  });

  // Approval and filing of drafts that were submitted before.
  const filing = prepared.filings.map(async ({ filingId }, index) => {
    await sleep(Math.max(0, killAt - 1_000 - Date.now()) + index * 700);
    const approved = await client.patiently('POST', `/api/filings/${filingId}/approve`, { token: tokens.approver, body: {} });
    // A 409 after a retry: the first try was done, its answer lost.
    if (!(approved.status === 200 || (approved.status === 409 && approved.attempts > 1))) expectStatus(approved, 200, 'approve');
    const recorded = await client.patiently('POST', `/api/filings/${filingId}/record`, { token: tokens.responder, body: { filedAt: new Date().toISOString(), channel: 'imy-e-service' } });
    if (!(recorded.status === 200 || (recorded.status === 409 && recorded.attempts > 1))) expectStatus(recorded, 200, 'record');
    progress.filingsRecorded += 1;
  });

  // A notice fan-out that is about half way when the component dies.
  await sleep(Math.max(0, killAt - (WORKLOAD.noticeRecipients / WORKLOAD.noticeRate / 2) * 1_000 - Date.now()));
  expectStatus(await client.patiently('POST', `/api/notices/${prepared.notice.noticeId}/send`, { token: tokens.responder, body: { ratePerSecond: WORKLOAD.noticeRate } }), 202, 'send the notice');

  await sleep(Math.max(0, killAt - Date.now()));
  const atKill = {
    ...progress,
    peopleTold: deliveriesByRecipient(stack, (_subject, to) => to.endsWith(`@${tag}.patients.example`)).size,
    remindersSent: await remindersFired(stack, reminderIncidents.map((r) => r.id)),
  };
  await stack.kill(component);
  await sleep(OUTAGE_MS);
  await stack.restart(component);
  const restartedAt = Date.now();

  const intakeIds = await Promise.all(intake);
  await Promise.all(filing);
  const incidentIds = [...intakeIds, ...reminderIncidents.map((incident) => incident.id), ...prepared.filings.map((f) => f.incidentId), prepared.notice.incidentId];

  // Converged: every incident has its clock, every reminder went out, the notice is sent, the filings are filed.
  await until(async () => (await clocksMissing(stack, incidentIds)) === 0, CONVERGENCE_MS, 'every incident to have its clock');
  await until(async () => (await remindersFired(stack, reminderIncidents.map((r) => r.id))) === WORKLOAD.reminders, CONVERGENCE_MS, 'every reminder to fire');
  await until(async () => (await client.once('GET', `/api/notices/${prepared.notice.noticeId}`, { token: tokens.responder })).body?.status === 'sent', CONVERGENCE_MS, 'the notice to be sent');
  await until(async () => (await filedCount(stack, prepared.filings.map((f) => f.filingId))) === WORKLOAD.filings, CONVERGENCE_MS, 'the filings to be recorded');
  const recoveryMs = Date.now() - restartedAt;
  // Give a late duplicate every chance to show.
  await sleep(3_000);
  return { ...(await count(stack, { component, tag, prepared, reminderIncidents, incidentIds, atKill, recoveryMs })), internalErrors: client.internalErrors };
}

async function prepare(stack: ChaosStack, client: PatientClient, tag: string): Promise<Prepared> {
  const org = await createOrganisationWithUsers(stack.dataSource, { name: tag, emailDomain: `${tag}.test`, password: PASSWORD, auditSeal: AuditSeal.fromConfig({ PAYLOAD_ENCRYPTION_KEY: stack.env.PAYLOAD_ENCRYPTION_KEY! }) });
  const login = async (role: 'responder' | 'approver' | 'dpo') => {
    const answer = await client.once('POST', '/api/auth/login', { body: { email: org.users[role].email, password: PASSWORD } });
    expectStatus(answer, 200, `login as ${role}`);
    return answer.body.accessToken as string;
  };
  const tokens = { responder: await login('responder'), approver: await login('approver'), dpo: await login('dpo') };
  expectStatus(await client.once('PATCH', '/api/organisation', { token: tokens.dpo, body: { contactName: 'Dataskyddsombudet', contactEmail: 'dso@example.se' } }), 200, 'organisation contact');

  const assessed = async (facts: Record<string, unknown>, title: string) => {
    const { breach: _b, data: _d, subjects: _s, controller: _c, ...narrative } = newIncidentBody({ title });
    const created = await client.once('POST', '/api/incidents', { token: tokens.responder, body: { ...narrative, ...facts } });
    expectStatus(created, 201, title);
    return created.body.id as string;
  };

  const filings = [];
  for (let index = 0; index < WORKLOAD.filings; index += 1) {
    const incidentId = await assessed(riskFacts, `${tag} filing ${index}`);
    const draft = await until(async () => {
      const answer = await client.once('POST', `/api/incidents/${incidentId}/filings`, { token: tokens.responder, body: { track: 'gdpr-art33', language: 'sv', kind: 'initial' } });
      return answer.status === 201 ? answer : undefined;
    }, 30_000, 'the Art. 33 track to take a draft');
    expectStatus(await client.once('POST', `/api/filings/${draft.body.id}/submit`, { token: tokens.responder, body: {} }), 200, 'submit');
    filings.push({ incidentId, filingId: draft.body.id as string });
  }

  const noticeIncident = await assessed(highRiskFacts, `${tag} notice`);
  const imported = await client.once('POST', `/api/incidents/${noticeIncident}/recipients`, { token: tokens.responder, raw: recipientCsv({ count: WORKLOAD.noticeRecipients, domain: `${tag}.patients.example` }), type: 'text/csv' });
  expectStatus(imported, 201, 'import recipients');
  const content = { nature: 'Ett utskick visade alla mottagare.', consequences: 'Andra kan se att du är patient.', measures: 'Vi har ändrat rutinen.', advice: 'Var vaksam på bedrägeriförsök.' };
  const notice = await until(async () => {
    const answer = await client.once('POST', `/api/incidents/${noticeIncident}/notices`, { token: tokens.responder, body: { channel: 'email', content } });
    return answer.status === 201 ? answer : undefined;
  }, 30_000, 'the Art. 34 track to take a notice');
  expectStatus(await client.once('POST', `/api/notices/${notice.body.id}/submit`, { token: tokens.responder, body: {} }), 200, 'submit the notice');
  expectStatus(await client.once('POST', `/api/notices/${notice.body.id}/approve`, { token: tokens.dpo, body: {} }), 200, 'approve the notice');
  return { org, tokens, filings, notice: { incidentId: noticeIncident, noticeId: notice.body.id as string } };
}

async function clocksMissing(stack: ChaosStack, incidentIds: string[]): Promise<number> {
  const [row] = await stack.dataSource.query(`SELECT count(*)::int AS missing FROM unnest($1::uuid[]) AS wanted(id) WHERE NOT EXISTS (SELECT 1 FROM deadline_clocks WHERE incident_id = wanted.id AND kind = 'gdpr-art33')`, [incidentIds]);
  return row.missing as number;
}

async function remindersFired(stack: ChaosStack, incidentIds: string[]): Promise<number> {
  const [row] = await stack.dataSource.query(`SELECT count(DISTINCT incident_id)::int AS fired FROM reminders WHERE incident_id = ANY($1::uuid[]) AND reminder_key = 'reminder:p50'`, [incidentIds]);
  return row.fired as number;
}

async function filedCount(stack: ChaosStack, filingIds: string[]): Promise<number> {
  const [row] = await stack.dataSource.query(`SELECT count(*)::int AS filed FROM filings WHERE id = ANY($1::uuid[]) AND status = 'filed'`, [filingIds]);
  return row.filed as number;
}

/** Distinct messages and all deliveries, per recipient, of the messages that match. */
function deliveriesByRecipient(stack: ChaosStack, matches: (subject: string, to: string) => boolean): Map<string, { ids: Set<string>; deliveries: number }> {
  const byRecipient = new Map<string, { ids: Set<string>; deliveries: number }>();
  for (const message of stack.mail.messages) {
    for (const to of message.envelopeTo) {
      if (!matches(message.subject, to)) continue;
      const entry = byRecipient.get(to) ?? { ids: new Set<string>(), deliveries: 0 };
      entry.ids.add(message.messageId ?? message.raw);
      entry.deliveries += 1;
      byRecipient.set(to, entry);
    }
  }
  return byRecipient;
}

async function count(
  stack: ChaosStack,
  round: { component: Component; tag: string; prepared: Prepared; reminderIncidents: Array<{ id: string; reference: string }>; incidentIds: string[]; atKill: RoundFigures['atKill']; recoveryMs: number },
): Promise<Omit<RoundFigures, 'internalErrors'>> {
  const { tag, prepared } = round;
  const titles: Array<{ title: string; stored: number }> = await stack.dataSource.query(
    `SELECT wanted.title, (SELECT count(*)::int FROM incidents WHERE title = wanted.title) AS stored FROM unnest($1::text[]) AS wanted(title)`,
    [Array.from({ length: WORKLOAD.intake }, (_, index) => `${tag} intake ${index}`)],
  );

  const responder = prepared.org.users.responder.email;
  let remindersMissed = 0;
  let remindersSentTwice = 0;
  let reminderRepeatsSameMessage = 0;
  for (const incident of round.reminderIncidents) {
    const [delivered] = [...deliveriesByRecipient(stack, (subject, to) => to === responder && subject.startsWith('Påminnelse') && subject.includes(incident.reference)).values()];
    if (!delivered) remindersMissed += 1;
    else {
      remindersSentTwice += delivered.ids.size - 1;
      reminderRepeatsSameMessage += delivered.deliveries - delivered.ids.size;
    }
  }

  const events = async (action: string): Promise<{ events: number; filings: number }> =>
    (
      await stack.dataSource.query(
        `SELECT count(*)::int AS events, count(DISTINCT detail->>'filingId')::int AS filings FROM audit_events WHERE action = $1 AND incident_id = ANY($2::uuid[])`,
        [action, prepared.filings.map((f) => f.incidentId)],
      )
    )[0];
  const approved = await events('filing.approved');
  const filed = await events('filing.filed');

  const notified = deliveriesByRecipient(stack, (_subject, to) => to.endsWith(`@${tag}.patients.example`));
  const sentTwice = [...notified.values()].reduce((sum, entry) => sum + entry.ids.size - 1, 0);
  const repeats = [...notified.values()].reduce((sum, entry) => sum + entry.deliveries - entry.ids.size, 0);

  return {
    killed: round.component,
    incidentsAsked: WORKLOAD.intake,
    incidentsLost: titles.filter((row) => row.stored === 0).length,
    incidentsDuplicated: titles.reduce((sum, row) => sum + Math.max(0, row.stored - 1), 0),
    clocksMissing: await clocksMissing(stack, round.incidentIds),
    remindersDue: WORKLOAD.reminders,
    remindersMissed,
    remindersSentTwice,
    reminderRepeatsSameMessage,
    filingsApprovedTwice: approved.events - approved.filings,
    filingsRecorded: filed.filings,
    filingsRecordedTwice: filed.events - filed.filings,
    noticePeople: WORKLOAD.noticeRecipients,
    noticePeopleMissed: WORKLOAD.noticeRecipients - notified.size,
    noticePeopleSentTwice: sentTwice,
    noticeRepeatsSameMessage: repeats,
    atKill: round.atKill,
    recoveryMs: round.recoveryMs,
  };
}
