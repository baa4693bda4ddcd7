/** What of an unexpected error reaches the log: never a failed statement's parameters or a value PostgreSQL quotes. */
import { describe, expect, it } from '@jest/globals';
import { QueryFailedError } from 'typeorm';
import { loggableError } from '../../../apps/api/src/common/loggable-error.js';

describe('loggableError', () => {
  it('keeps only the kind and SQLSTATE of a failed statement, not its SQL, parameters, detail or message', () => {
    const driverError = Object.assign(new Error('invalid input syntax for type uuid: "Anna Patientsson"'), {
      code: '22P02',
      detail: 'Key (email)=(anna@example.se) already exists.',
    });
    const error = new QueryFailedError('INSERT INTO incident_facts_versions (facts) VALUES ($1)', [{ summary: 'HIV diagnosis of Anna Patientsson' }], driverError);
    const logged = JSON.stringify(loggableError(error));
    expect(loggableError(error)).toMatchObject({ type: 'QueryFailedError', code: '22P02' });
    for (const secret of ['Anna', 'HIV', 'anna@example.se', 'INSERT']) expect(logged).not.toContain(secret);
  });

  it('keeps the message and the stack frames of the code’s own errors', () => {
    const logged = loggableError(new TypeError('cannot read properties of undefined'));
    expect(logged).toMatchObject({ type: 'TypeError', message: 'cannot read properties of undefined' });
    expect(logged.stack).toMatch(/^\s+at /);
  });
});
