/**
 * Temporal cannot be used to go around the API: an update sent straight to Temporal is refused
 * unless it carries the API's signature, whether the sender lacks the payload key (plaintext) or
 * holds it (encrypted, but unsigned, signed under another key, or signed long ago).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client, Connection, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { randomBytes } from 'node:crypto';
import { SignedUpdatesInterceptor } from '../../apps/api/src/temporal/signed-updates.interceptor.js';
import { encryptedDataConverter } from '../../libs/platform/src/temporal.js';
import { recordFactsVersionUpdate, type IncidentState } from '../../workflows/messages.js';
import { newIncidentBody } from '../support/incident-bodies.js';
import { SystemUnderTest } from '../support/system-under-test.js';

let system: SystemUnderTest;
let connection: Connection;
let workflowId: string;
let incidentId: string;

beforeAll(async () => {
  system = await SystemUnderTest.start();
  connection = await Connection.connect({ address: system.config.TEMPORAL_ADDRESS });
  const org = await system.organisation();
  const token = await system.login(org, 'responder');
  const created = await system.request('POST', '/api/incidents', { token, body: newIncidentBody() });
  expect(created.status).toBe(201);
  workflowId = created.body.workflowId;
  incidentId = created.body.id;
}, 60_000);

afterAll(async () => {
  await connection?.close();
  await system?.stop();
});

const signingKey = () => Buffer.from(system.config.TEMPORAL_UPDATE_SIGNING_KEY, 'base64');
/** A client that holds the payload key (it reads and writes encrypted payloads), with what it signs updates with. */
const clientWithCodec = (signer?: SignedUpdatesInterceptor) =>
  new Client({ connection, namespace: system.config.TEMPORAL_NAMESPACE, dataConverter: encryptedDataConverter(system.config), interceptors: { workflow: signer ? [signer] : [] } });
/** A facts version the workflow would take if nothing checked who sent it: newer than any it has seen. */
const forgedFacts = () => ({ version: 90 + Math.floor(Math.random() * 1000), awareAt: new Date(Date.now() - 3_600_000).toISOString() });

async function refusalOf(update: Promise<unknown>): Promise<WorkflowUpdateFailedError> {
  const error = await update.then(
    () => undefined,
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
  return error as WorkflowUpdateFailedError;
}

async function factsVersionNow(): Promise<number> {
  const state = (await clientWithCodec().workflow.getHandle(workflowId).query<IncidentState>('incidentState')) as IncidentState;
  return state.factsVersion;
}

async function acceptedUpdates(): Promise<number> {
  const history = await new Client({ connection }).workflow.getHandle(workflowId).fetchHistory();
  return (history.events ?? []).filter((event) => event.workflowExecutionUpdateAcceptedEventAttributes).length;
}

describe('an update sent straight to Temporal, around the API', () => {
  it('is refused when it is plaintext (a client without the payload key), and changes nothing', async () => {
    const before = { version: await factsVersionNow(), accepted: await acceptedUpdates() };
    const withoutCodec = new Client({ connection, namespace: system.config.TEMPORAL_NAMESPACE });
    // The rejection itself comes back encrypted (failures are encoded too): the sender cannot even read why.
    await expect(withoutCodec.workflow.getHandle(workflowId).executeUpdate(recordFactsVersionUpdate, { args: [forgedFacts()] })).rejects.toThrow(
      'Unknown encoding: binary/encrypted',
    );
    expect(await factsVersionNow()).toBe(before.version);
    expect(await acceptedUpdates()).toBe(before.accepted);
  });

  it('is refused, even signed, when it is plaintext: the signature cannot stand in for the payload key', async () => {
    const before = { version: await factsVersionNow(), accepted: await acceptedUpdates() };
    const signedButPlain = new Client({ connection, namespace: system.config.TEMPORAL_NAMESPACE, interceptors: { workflow: [new SignedUpdatesInterceptor(signingKey())] } });
    await expect(signedButPlain.workflow.getHandle(workflowId).executeUpdate(recordFactsVersionUpdate, { args: [forgedFacts()] })).rejects.toThrow(
      'Unknown encoding: binary/encrypted',
    );
    expect(await factsVersionNow()).toBe(before.version);
    expect(await acceptedUpdates()).toBe(before.accepted);
  });

  it.each([
    ['without any signature', undefined, 'the update is not signed by the API'],
    ['signed under another key', () => new SignedUpdatesInterceptor(randomBytes(32)), "the update's signature does not match it"],
    ['signed with the right key an hour ago', () => new SignedUpdatesInterceptor(signingKey(), () => new Date(Date.now() - 3_600_000)), "the update's signature is too old or from the future"],
  ])('is refused as forbidden when it is encrypted with the payload key but %s', async (_how, signer, reason) => {
    const before = { version: await factsVersionNow(), accepted: await acceptedUpdates() };
    const refusal = await refusalOf(clientWithCodec(signer?.()).workflow.getHandle(workflowId).executeUpdate(recordFactsVersionUpdate, { args: [forgedFacts()] }));
    expect(refusal.cause).toBeInstanceOf(ApplicationFailure);
    expect((refusal.cause as ApplicationFailure).type).toBe('breachflow.refusal.forbidden');
    expect(refusal.cause?.message).toBe(reason);
    expect(await factsVersionNow()).toBe(before.version);
    // Refused by the validator: not even accepted into history.
    expect(await acceptedUpdates()).toBe(before.accepted);
  });

  it('is refused when a signed update is replayed with other arguments (the signature covers them)', async () => {
    // An interceptor that signs what it is given, then sends something else under the same header.
    const signer = new SignedUpdatesInterceptor(signingKey());
    const tampering = {
      startUpdate: (input: Parameters<SignedUpdatesInterceptor['startUpdate']>[0], next: Parameters<SignedUpdatesInterceptor['startUpdate']>[1]) =>
        signer.startUpdate(input, (signed) => next({ ...signed, args: [{ ...(signed.args[0] as object), version: 5_000 }] })),
    };
    const client = new Client({ connection, namespace: system.config.TEMPORAL_NAMESPACE, dataConverter: encryptedDataConverter(system.config), interceptors: { workflow: [tampering] } });
    const refusal = await refusalOf(client.workflow.getHandle(workflowId).executeUpdate(recordFactsVersionUpdate, { args: [forgedFacts()] }));
    expect(refusal.cause?.message).toBe("the update's signature does not match it");
  });

  it('is taken when the API signed it (the control: the same update, signed with the API key, passes)', async () => {
    const facts = forgedFacts();
    const state = await clientWithCodec(new SignedUpdatesInterceptor(signingKey())).workflow.getHandle(workflowId).executeUpdate(recordFactsVersionUpdate, { args: [facts] });
    expect(state.factsVersion).toBe(facts.version);
  });

  it('still lets the API take its steps (its own client signs them)', async () => {
    const org = await system.organisation();
    const token = await system.login(org, 'responder');
    const created = await system.request('POST', '/api/incidents', { token, body: newIncidentBody() });
    const corrected = await system.request('PATCH', `/api/incidents/${created.body.id}/facts`, {
      token,
      body: { changes: { awareAt: new Date(Date.now() - 2 * 3_600_000).toISOString() } },
    });
    expect(corrected.status).toBe(200);
    expect(incidentId).not.toBe(created.body.id);
  });
});
