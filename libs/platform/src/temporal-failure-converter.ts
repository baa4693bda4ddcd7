import { DefaultFailureConverter } from '@temporalio/common';

/**
 * Failures carry their message and stack trace inside an encoded payload, so the payload codec
 * encrypts them like any other payload: an error that quotes an incident's facts never sits in
 * history in plaintext. Loaded by path (the SDK requires it in the worker and bundles it into the
 * workflows), so it is a module of its own.
 */
export const failureConverter = new DefaultFailureConverter({ encodeCommonAttributes: true });
