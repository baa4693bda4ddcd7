/**
 * Payload keys rotate with incidents in flight: an incident started under key 1 continues after
 * key 2 becomes current and the worker restarts; what is written from then on is under key 2,
 * and what was written before still reads.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client, Connection } from '@temporalio/client';
import { randomBytes } from 'node:crypto';
import { SignedUpdatesInterceptor } from '../../apps/api/src/temporal/signed-updates.interceptor.js';
import { createWorker, type RunningWorker } from '../../apps/worker/src/create-worker.js';
import { Mailer } from '../../libs/platform/src/mail/mailer.js';
import type { AppConfig } from '../../libs/platform/src/config.js';
import { encryptedDataConverter } from '../../libs/platform/src/temporal.js';
import { recordFactsVersionUpdate, type IncidentState } from '../../workflows/messages.js';
import { newIncidentBody } from '../support/incident-bodies.js';
import { SystemUnderTest } from '../support/system-under-test.js';

const key1 = randomBytes(32).toString('base64');
const key2 = randomBytes(32).toString('base64');
let system: SystemUnderTest;
let rotatedWorker: { running: RunningWorker; done: Promise<void> } | undefined;
let connection: Connection;

beforeAll(async () => {
  system = await SystemUnderTest.start({ config: { PAYLOAD_ENCRYPTION_KEY: key1, PAYLOAD_ENCRYPTION_KEY_ID: 'key-1' } });
  connection = await Connection.connect({ address: system.config.TEMPORAL_ADDRESS });
}, 60_000);

afterAll(async () => {
  if (rotatedWorker) {
    rotatedWorker.running.worker.shutdown();
    await rotatedWorker.done;
    rotatedWorker.running.context.get(Mailer).close();
    await rotatedWorker.running.context.close();
    await rotatedWorker.running.connection.close();
  }
  await connection?.close();
  await system?.stop();
});

const keyIdsIn = async (workflowId: string): Promise<string[]> => {
  const history = await new Client({ connection }).workflow.getHandle(workflowId).fetchHistory();
  const ids: string[] = [];
  const collect = (value: unknown, path = ''): void => {
    if (!value || typeof value !== 'object' || path === 'header' || path.endsWith('searchAttributes') || path === 'markerRecordedEventAttributes') return;
    const record = value as Record<string, unknown>;
    const metadata = record.metadata as Record<string, Uint8Array> | undefined;
    if (metadata?.encoding && 'data' in record) ids.push(Buffer.from(metadata['encryption-key-id'] ?? new Uint8Array()).toString() || 'none');
    for (const [key, child] of Object.entries(record)) collect(child, key);
  };
  for (const event of history.events ?? []) collect(event);
  return ids;
};

describe('payload key rotation with an incident in flight', () => {
  it('continues the incident under key 2 once it is current, still reading what key 1 wrote', async () => {
    const org = await system.organisation();
    const token = await system.login(org, 'responder');
    const created = await system.request('POST', '/api/incidents', { token, body: newIncidentBody() });
    expect(created.status).toBe(201);
    const workflowId: string = created.body.workflowId;
    // Key 2 becomes current; key 1 stays configured for what it wrote. The worker restarts on it,
    // with no cached workflow, so it must replay the history key 1 wrote. What key 1 wrote is read
    // once its worker has stopped: an activity it was finishing may still add to the history before.
    await system.stopWorker();
    const before = await keyIdsIn(workflowId);
    expect(before.length).toBeGreaterThan(1);
    expect(new Set(before)).toEqual(new Set(['key-1']));
    const rotated: AppConfig = { ...system.config, PAYLOAD_ENCRYPTION_KEYS: `key-2:${key2}` };
    const running = await createWorker(rotated);
    rotatedWorker = { running, done: running.worker.run() };

    // The API, restarted on the same configuration, signs and sends the next step.
    const api = new Client({
      connection,
      namespace: rotated.TEMPORAL_NAMESPACE,
      dataConverter: encryptedDataConverter(rotated),
      interceptors: { workflow: [new SignedUpdatesInterceptor(Buffer.from(rotated.TEMPORAL_UPDATE_SIGNING_KEY, 'base64'))] },
    });
    const handle = api.workflow.getHandle(workflowId);
    const state: IncidentState = await handle.executeUpdate(recordFactsVersionUpdate, { args: [{ version: 2, awareAt: new Date(Date.now() - 5 * 3_600_000).toISOString() }] });
    expect(state.factsVersion).toBe(2);
    expect(state.status).toBe('open');
    // The moved clock is recorded by an activity after the update: the workflow keeps running under key 2.
    let after: string[] = [];
    for (let attempt = 0; attempt < 50; attempt += 1) {
      after = await keyIdsIn(workflowId);
      if (after.slice(before.length).filter((id) => id === 'key-2').length >= 3) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(after.slice(0, before.length)).toEqual(before);
    const written = after.slice(before.length);
    expect(written.length).toBeGreaterThanOrEqual(3);
    expect(new Set(written)).toEqual(new Set(['key-2']));
    expect((await handle.query<IncidentState>('incidentState')).factsVersion).toBe(2);

    // Without key 1 the history could no longer be read: rotation needs the old key until its workflows close.
    const withoutKey1 = new Client({ connection, namespace: rotated.TEMPORAL_NAMESPACE, dataConverter: encryptedDataConverter({ ...rotated, PAYLOAD_ENCRYPTION_KEY: key2, PAYLOAD_ENCRYPTION_KEY_ID: 'key-2', PAYLOAD_ENCRYPTION_KEYS: undefined }) });
    const history = await withoutKey1.workflow.getHandle(workflowId).fetchHistory();
    const firstInput = history.events![0]!.workflowExecutionStartedEventAttributes!.input!.payloads!;
    const { AesGcmPayloadCodec } = await import('../../libs/platform/src/payload-codec.js');
    await expect(new AesGcmPayloadCodec({ currentKeyId: 'key-2', keys: { 'key-2': Buffer.from(key2, 'base64') } }).decode(firstInput as never)).rejects.toThrow(
      'no payload key configured for key id key-1',
    );
  }, 60_000);
});
