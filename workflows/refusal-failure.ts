import { ApplicationFailure } from '@temporalio/workflow';
import { refusalFailureType, type Refusal } from '../libs/domain/src/failures.js';

/** A rule's refusal as the failure an update's caller receives; the API maps its kind to a status. */
export function refusalFailure(refusal: Refusal): ApplicationFailure {
  return ApplicationFailure.create({
    type: refusalFailureType(refusal.kind),
    message: refusal.message,
    nonRetryable: true,
    details: refusal.field === undefined ? [] : [refusal.field],
  });
}
