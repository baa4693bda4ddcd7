import type { Payload } from '@temporalio/common';
import { InvalidInputError } from '../../../../libs/domain/src/failures.js';
import { compileValidator } from '../../../../libs/domain/src/validation/json-schema-validator.js';
import { validated } from '../common/validated.js';

const base64 = { type: 'string', pattern: '^[A-Za-z0-9+/]*={0,2}$', maxLength: 1_400_000 } as const;

/** A payload as the Temporal Web UI sends it (protobuf JSON: metadata values and data in base64). */
const payloadSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    metadata: { type: 'object', maxProperties: 32, additionalProperties: base64 },
    data: base64,
  },
} as const;

/** The codec server's request body: `POST …/decode` and `…/encode` both take `{ payloads: [...] }`. */
export const codecRequestSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['payloads'],
  properties: { payloads: { type: 'array', maxItems: 10_000, items: payloadSchema } },
} as const;

export interface JsonPayload {
  metadata?: Record<string, string>;
  data?: string;
}

const validateCodecRequest = compileValidator<{ payloads: JsonPayload[] }>(codecRequestSchema);

export function payloadsOf(body: unknown): Payload[] {
  return validated(validateCodecRequest, body).payloads.map((payload) => ({
    metadata: Object.fromEntries(Object.entries(payload.metadata ?? {}).map(([key, value]) => [key, Buffer.from(value, 'base64')])),
    data: Buffer.from(payload.data ?? '', 'base64'),
  }));
}

export function jsonPayloadOf(payload: Payload): JsonPayload {
  return {
    metadata: Object.fromEntries(Object.entries(payload.metadata ?? {}).map(([key, value]) => [key, Buffer.from(value).toString('base64')])),
    data: Buffer.from(payload.data ?? new Uint8Array()).toString('base64'),
  };
}

/** The namespace the UI names must be ours: this codec holds only this deployment's keys. */
export function checkNamespace(given: string | undefined, ours: string): void {
  if (given !== undefined && given !== ours) {
    throw new InvalidInputError([{ field: 'X-Namespace', message: `this codec server decodes the namespace ${ours} only` }]);
  }
}
