import { ApiResponse } from '@nestjs/swagger';
import { REFUSAL_KINDS } from '../../../../libs/domain/src/failures.js';

/** The name of the error body's schema under `components.schemas`. */
export const ERROR_BODY = 'ErrorBody';

/**
 * Every error the API answers has this shape (see HttpExceptionFilter). A refusal adds its `kind`
 * and may add particulars of its own (e.g. the `missing` gaps of a register entry), hence the
 * open object; a 500 adds the `requestId` to quote when reporting it.
 */
export const errorBodySchema = {
  type: 'object',
  required: ['statusCode', 'error', 'message'],
  properties: {
    statusCode: { type: 'integer', minimum: 400, maximum: 599 },
    error: { type: 'string', description: 'The reason phrase of the status.' },
    message: { type: 'string', description: 'What was refused and why, said to a person.' },
    kind: { type: 'string', enum: [...REFUSAL_KINDS], description: "A rule's refusal: why the system refused the request." },
    errors: {
      type: 'array',
      description: 'Each field at fault (a JSON path into the body, or the parameter or header name).',
      items: {
        type: 'object',
        required: ['field', 'message'],
        properties: { field: { type: 'string' }, message: { type: 'string' } },
      },
    },
    requestId: { type: 'string', description: 'The X-Request-Id of an unexpected failure, as logged.' },
  },
  additionalProperties: true,
} as const;

/** A response object whose body is the error body. */
export function errorResponse(description: string) {
  return { description, content: { 'application/json': { schema: { $ref: `#/components/schemas/${ERROR_BODY}` } } } };
}

/** Documents a status a route answers on its own (not one the document derives), with the error body. */
export const ApiErrorResponse = (status: number, description: string) => ApiResponse({ status, description, schema: { $ref: `#/components/schemas/${ERROR_BODY}` } });
