/**
 * A notice keeps going when its worker dies: SIGKILL the worker process in the middle of sending
 * 1,000 e-mails, start a new one, and every person still gets the notice exactly once — at most
 * one message each, and a message repeated by the retry is the same message (same Message-ID).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { eventually } from '../support/eventually.js';
import { newIncidentBody } from '../support/incident-bodies.js';
import { recipientCsv } from '../support/recipient-files.js';
import { highRiskFacts } from '../support/risk-facts-examples.js';
import { SystemUnderTest } from '../support/system-under-test.js';
import { configEnv } from '../support/test-config.js';

const workerMain = fileURLToPath(new URL('../../dist/apps/worker/src/main.js', import.meta.url));
let system: SystemUnderTest;
const workers: ChildProcess[] = [];

function startWorkerProcess(): ChildProcess {
  const child = spawn(process.execPath, [workerMain], { env: { ...process.env, ...configEnv(system.config), LOG_LEVEL: 'warn' }, stdio: 'inherit' });
  workers.push(child);
  return child;
}

beforeAll(async () => {
  system = await SystemUnderTest.start({ worker: false });
}, 60_000);

afterAll(async () => {
  for (const worker of workers) if (worker.exitCode === null && worker.signalCode === null) worker.kill('SIGKILL');
  await system?.stop();
});

describe('a worker killed while a notice is being sent', () => {
  it('is replaced and the notice reaches each of the 1,000 people once', async () => {
    const org = await system.organisation();
    const tokens = { responder: await system.login(org, 'responder'), dpo: await system.login(org, 'dpo') };
    const api = (method: string, path: string, role: keyof typeof tokens, body?: unknown) => system.request(method, path, { token: tokens[role], body });
    await api('PATCH', '/api/organisation', 'dpo', { contactName: 'Dataskyddsombudet', contactEmail: 'dso@example.se' });
    const { breach: _b, data: _d, subjects: _s, controller: _c, ...narrative } = newIncidentBody();
    const incidentId = (await api('POST', '/api/incidents', 'responder', { ...narrative, ...highRiskFacts })).body.id as string;
    const imported = await fetch(`${system.baseUrl}/api/incidents/${incidentId}/recipients`, { method: 'POST', headers: { authorization: `Bearer ${tokens.responder}`, 'content-type': 'text/csv' }, body: recipientCsv({ count: 1_000 }) });
    expect(((await imported.json()) as { imported: number }).imported).toBe(1_000);
    const content = { nature: 'Ett utskick visade alla mottagare.', consequences: 'Andra kan se att du är patient.', measures: 'Vi har ändrat rutinen.', advice: 'Var vaksam på bedrägeriförsök.' };
    const noticeId = (await api('POST', `/api/incidents/${incidentId}/notices`, 'responder', { channel: 'email', content })).body.id as string;
    await api('POST', `/api/notices/${noticeId}/submit`, 'responder', {});
    expect((await api('POST', `/api/notices/${noticeId}/approve`, 'dpo', {})).status).toBe(200);

    const first = startWorkerProcess();
    // 100 messages a second: the sending takes about ten seconds, long enough to kill it midway.
    expect((await api('POST', `/api/notices/${noticeId}/send`, 'responder', { ratePerSecond: 100 })).status).toBe(202);
    await eventually(async () => system.mail.messages.length >= 300, { timeoutMs: 60_000, what: '300 messages before the kill' });
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));
    const atKill = system.mail.messages.length;
    expect(atKill).toBeLessThan(1_000);

    startWorkerProcess();
    await eventually(async () => ((await api('GET', `/api/notices/${noticeId}`, 'responder')).body.status === 'sent' ? true : undefined), { timeoutMs: 120_000, what: 'the notice to be sent by the second worker' });

    const messages = system.mail.messages;
    const byRecipient = new Map<string, Set<string>>();
    for (const message of messages) {
      expect(message.envelopeTo).toHaveLength(1);
      const ids = byRecipient.get(message.envelopeTo[0]!) ?? new Set<string>();
      ids.add(message.messageId!);
      byRecipient.set(message.envelopeTo[0]!, ids);
    }
    expect(byRecipient.size).toBe(1_000);
    // Nobody got two different messages: a repeat (a kill between the server's acceptance and its record) is the same message.
    expect([...byRecipient.values()].every((ids) => ids.size === 1)).toBe(true);
    const repeats = messages.length - 1_000;
    // At most the messages in flight when the worker died can repeat.
    expect(repeats).toBeLessThanOrEqual(8);
    console.info(`notice durability: killed after ${atKill} messages; ${messages.length} received for 1,000 people (${repeats} repeated under the same Message-ID)`);
    const deliveries = await api('GET', `/api/notices/${noticeId}/deliveries?limit=1`, 'responder');
    expect(deliveries.body.counts).toMatchObject({ total: 1_000, sent: 1_000, queued: 0, failed: 0 });
  }, 240_000);
});
