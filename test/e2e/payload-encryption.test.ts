/** No incident fact reaches Temporal history in plaintext: the raw history holds only ciphertext. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client, Connection } from '@temporalio/client';
import { newIncidentBody } from '../support/incident-bodies.js';
import { SystemUnderTest } from '../support/system-under-test.js';

let system: SystemUnderTest;

beforeAll(async () => {
  system = await SystemUnderTest.start();
}, 60_000);

afterAll(async () => {
  await system?.stop();
});

describe('payload encryption', () => {
  it('stores every workflow payload AES-256-GCM encrypted with its key id', async () => {
    const org = await system.organisation();
    const token = await system.login(org, 'responder');
    const body = newIncidentBody();
    const created = await system.request('POST', '/api/incidents', { token, body });
    const correctedAwareAt = new Date(Date.now() - 3 * 3_600_000).toISOString();
    await system.request('PATCH', `/api/incidents/${created.body.id}/facts`, { token, body: { changes: { awareAt: correctedAwareAt } } });

    // A client without the codec sees what the Temporal server (and its Web UI) stores.
    const connection = await Connection.connect({ address: system.config.TEMPORAL_ADDRESS });
    try {
      const raw = new Client({ connection });
      const history = await raw.workflow.getHandle(created.body.workflowId).fetchHistory();
      const json = JSON.stringify(history);
      const payloads: Array<{ metadata: Record<string, unknown>; data: unknown }> = [];
      const headerFields = new Set<string>();
      // Search attributes are indexed by the server and deliberately unencrypted: they hold ids
      // only. patched() markers are written by the SDK itself and hold only the patch's name.
      // Headers never pass through the codec (the SDK skips them): ours carry only the API's
      // signature of an update, which gives nothing away.
      const collect = (value: unknown, path = ''): void => {
        if (value && typeof value === 'object' && path === 'header') {
          for (const name of Object.keys((value as { fields?: object }).fields ?? {})) headerFields.add(name);
          return;
        }
        if (!value || typeof value !== 'object' || path.endsWith('searchAttributes') || path === 'markerRecordedEventAttributes') return;
        const record = value as Record<string, unknown>;
        if (record.metadata && 'data' in record && (record.metadata as Record<string, unknown>).encoding) {
          payloads.push(record as (typeof payloads)[number]);
        }
        for (const [key, child] of Object.entries(record)) collect(child, key);
      };
      collect(history);
      expect(payloads.length).toBeGreaterThan(3);
      expect([...headerFields]).toEqual(['breachflow-update-signature']);
      for (const payload of payloads) {
        const encoding = Buffer.from(payload.metadata.encoding as Uint8Array).toString();
        expect(encoding).toBe('binary/encrypted');
        expect(Buffer.from(payload.metadata['encryption-key-id'] as Uint8Array).toString()).toBe(system.config.PAYLOAD_ENCRYPTION_KEY_ID);
        expect(Buffer.from(payload.metadata['encryption-version'] as Uint8Array).toString()).toBe('2');
      }
      const plaintextProbes = [created.body.id, body.awareAt as string, correctedAwareAt, org.organisationId];
      const decodedBytes = payloads.map((p) => Buffer.from(p.data as Uint8Array).toString('latin1')).join('\n');
      for (const probe of plaintextProbes) {
        expect(decodedBytes).not.toContain(probe);
        expect(json).not.toContain(Buffer.from(probe).toString('base64'));
      }
    } finally {
      await connection.close();
    }
  });
});
