import { ConflictException, ForbiddenException, HttpException, UnprocessableEntityException } from '@nestjs/common';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { REFUSAL } from '../../../../workflows/tracks/filing-track.messages.js';

/**
 * A workflow's validators refuse human steps with a typed failure; the caller gets the
 * validator's own message with the matching status (403 wrong role, 409 state conflict,
 * 422 missing information). Anything else is rethrown.
 */
export function asHttpRefusal(error: unknown): never {
  if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
    const { type, message } = error.cause;
    if (type === REFUSAL.forbidden) throw new ForbiddenException(message);
    if (type === REFUSAL.unprocessable) throw new UnprocessableEntityException(message);
    throw new ConflictException(message);
  }
  if (error instanceof WorkflowUpdateFailedError) throw new ConflictException(error.cause?.message ?? error.message);
  if (error instanceof WorkflowNotFoundError) throw new ConflictException('this track has no running workflow (it is not owed, or already settled)');
  if (error instanceof HttpException) throw error;
  throw error;
}
