import { defaultPayloadConverter } from '@temporalio/common';
import type { Next, WorkflowClientInterceptor, WorkflowStartUpdateInput, WorkflowStartUpdateOutput } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { UPDATE_SIGNATURE_HEADER, updateSignature, type UpdateSignatureHeader } from '../../../../workflows/update-signature.js';

/**
 * Signs every update the API sends (HMAC-SHA-256 under TEMPORAL_UPDATE_SIGNING_KEY over the
 * update's name, id, workflow id, arguments and the time), in a header the workflows check in
 * their update validators. The update id is chosen here so that it is covered too.
 */
export class SignedUpdatesInterceptor implements WorkflowClientInterceptor {
  constructor(
    private readonly key: Uint8Array,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async startUpdate(input: WorkflowStartUpdateInput, next: Next<WorkflowClientInterceptor, 'startUpdate'>): Promise<WorkflowStartUpdateOutput> {
    const updateId = input.options.updateId ?? randomUUID();
    const signedAt = this.now().toISOString();
    const signature = updateSignature(this.key, { workflowId: input.workflowExecution.workflowId, updateName: input.updateName, updateId, args: input.args, signedAt });
    const header: UpdateSignatureHeader = { signedAt, signature };
    return next({
      ...input,
      options: { ...input.options, updateId },
      headers: { ...input.headers, [UPDATE_SIGNATURE_HEADER]: defaultPayloadConverter.toPayload(header) },
    });
  }
}
