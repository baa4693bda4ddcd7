import { ApiResponse } from '@nestjs/swagger';
import { NEW_PASSWORD_LINK_INTERVAL_SECONDS } from '../../../../libs/application/src/users/password-link-too-soon.js';
import { ERROR_BODY } from './error-body.schema.js';
import { retryAfter } from './sign-in-throttled.decorator.js';

/** A new one-time link asked for too soon after the last one (429, with Retry-After). */
export const ApiPasswordLinkTooSoon = () =>
  ApiResponse({
    status: 429,
    description: `a new link was sent to this person less than ${NEW_PASSWORD_LINK_INTERVAL_SECONDS} s ago: nothing was sent; try again after \`Retry-After\` seconds`,
    headers: retryAfter,
    schema: { $ref: `#/components/schemas/${ERROR_BODY}` },
  });
