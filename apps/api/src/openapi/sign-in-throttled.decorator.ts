import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ERROR_BODY } from './error-body.schema.js';

/** The header of every answer that asks the client to wait. */
export const retryAfter = { 'Retry-After': { description: 'Seconds to wait before trying again.', schema: { type: 'integer', minimum: 1 } } };

/** The sign-in routes' own refusals: throttled (429) and, when the password hashing line is full, 503; both with Retry-After. */
export const ApiSignInThrottled = () =>
  applyDecorators(
    ApiResponse({
      status: 429,
      description: 'too many failed sign-ins for this account, or from this client address: refused, right password or not, until `Retry-After` seconds have passed',
      headers: retryAfter,
      schema: { $ref: `#/components/schemas/${ERROR_BODY}` },
    }),
    ApiResponse({
      status: 503,
      description: 'too many sign-ins are waiting for their password to be checked, or PostgreSQL does not answer; retry after `Retry-After` seconds',
      headers: retryAfter,
      schema: { $ref: `#/components/schemas/${ERROR_BODY}` },
    }),
  );
