import { defaultPayloadConverter, workflowInfo, type Next, type UpdateInput, type WorkflowInboundCallsInterceptor, type WorkflowInterceptorsFactory } from '@temporalio/workflow';
import { hexToBytes } from '@noble/hashes/utils.js';
import { refuse } from '../libs/domain/src/failures.js';
import { refusalFailure } from './refusal-failure.js';
import { refuseUpdateSignature, UPDATE_SIGNATURE_HEADER } from './update-signature.js';

/**
 * The worker writes its TEMPORAL_UPDATE_SIGNING_KEY (hex) into the workflow bundle it builds in
 * memory when it starts (see apps/worker/src/create-worker.ts): the key reaches the sandbox without
 * passing through workflow input, so it is never in history, where anyone holding the payload key
 * could read it. A bundle built without it refuses every update.
 */
declare const __BREACHFLOW_UPDATE_SIGNING_KEY__: string | undefined;
const signingKey = typeof __BREACHFLOW_UPDATE_SIGNING_KEY__ === 'string' ? hexToBytes(__BREACHFLOW_UPDATE_SIGNING_KEY__) : undefined;

function signatureHeaderOf(input: UpdateInput): unknown {
  const payload = input.headers[UPDATE_SIGNATURE_HEADER];
  if (!payload) return undefined;
  try {
    return defaultPayloadConverter.fromPayload(payload);
  } catch {
    return undefined;
  }
}

/**
 * Every update must be signed by the API: checked before the update's own validator, so a forged
 * update is rejected before it is accepted and leaves no trace in history. Validators do not run
 * on replay, so histories recorded before signing existed replay unchanged.
 */
class SignedUpdatesInbound implements WorkflowInboundCallsInterceptor {
  validateUpdate(input: UpdateInput, next: Next<WorkflowInboundCallsInterceptor, 'validateUpdate'>): void {
    const update = { workflowId: workflowInfo().workflowId, updateName: input.name, updateId: input.updateId, args: input.args };
    const reason = refuseUpdateSignature(signingKey, update, signatureHeaderOf(input), Date.now());
    if (reason) throw refusalFailure(refuse('forbidden', reason));
    next(input);
  }
}

export const interceptors: WorkflowInterceptorsFactory = () => ({ inbound: [new SignedUpdatesInbound()] });
