/** An activity whose whole purpose cannot succeed stops at once; anything else is left to the retry policy. */
import { describe, expect, it } from '@jest/globals';
import { ApplicationFailure } from '@temporalio/common';
import { nonRetryableWhenPermanent } from '../../../apps/worker/src/permanent-failure.js';
import { OrganisationDigestImpossible } from '../../../libs/application/src/notifications/organisation-digest.js';

const failing = (error: Error) => () => Promise.reject(error);

describe('an activity failure', () => {
  it('is non-retryable, with the error named as its type, when the error says it is permanent', async () => {
    const failure = await nonRetryableWhenPermanent(failing(new OrganisationDigestImpossible('organisation 7 has a time zone no deadline can be shown in'))).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ nonRetryable: true, type: 'OrganisationDigestImpossible', message: 'organisation 7 has a time zone no deadline can be shown in' });
  });

  it('is passed through untouched otherwise, for Temporal to retry', async () => {
    const transient = new Error('connection terminated');
    await expect(nonRetryableWhenPermanent(failing(transient))).rejects.toBe(transient);
    await expect(nonRetryableWhenPermanent(() => Promise.resolve(3))).resolves.toBe(3);
  });
});
