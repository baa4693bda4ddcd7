import { ApplicationFailure } from '@temporalio/common';

/**
 * Runs an activity's work, turning an error that declares itself permanent (`permanent: true`,
 * as the mail layer's and some use-cases' errors do) into a non-retryable failure: when the
 * activity's whole purpose cannot succeed, Temporal should stop at once instead of retrying to
 * the policy's limit. The message is the error's own (ids and codes only, never an address).
 */
export async function nonRetryableWhenPermanent<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Error && (error as { permanent?: unknown }).permanent === true) throw ApplicationFailure.nonRetryable(error.message, error.name);
    throw error;
  }
}
