import { HttpStatus } from '@nestjs/common';
import type { RefusalKind } from '../../../../libs/domain/src/failures.js';

/** The one place a refusal's kind becomes an HTTP status. */
export const REFUSAL_STATUS: Readonly<Record<RefusalKind, { status: number; error: string }>> = {
  forbidden: { status: HttpStatus.FORBIDDEN, error: 'Forbidden' },
  'not-found': { status: HttpStatus.NOT_FOUND, error: 'Not Found' },
  conflict: { status: HttpStatus.CONFLICT, error: 'Conflict' },
  stale: { status: HttpStatus.CONFLICT, error: 'Conflict' },
  unprocessable: { status: HttpStatus.UNPROCESSABLE_ENTITY, error: 'Unprocessable Entity' },
  unavailable: { status: HttpStatus.SERVICE_UNAVAILABLE, error: 'Service Unavailable' },
};
