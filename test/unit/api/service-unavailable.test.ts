import { describe, expect, it } from '@jest/globals';
import { QueryFailedError } from 'typeorm';
import { isServiceUnavailable } from '../../../apps/api/src/common/service-unavailable.js';

const coded = (message: string, code: string | number, extra: Record<string, unknown> = {}) => Object.assign(new Error(message), { code, ...extra });

describe('a failure that means PostgreSQL or Temporal is away (503), not a fault (500)', () => {
  it.each([
    ['PostgreSQL refusing connections', coded('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['PostgreSQL starting up, wrapped by TypeORM', new QueryFailedError('SELECT 1', [], coded('the database system is starting up', '57P03'))],
    ['PostgreSQL shut down under an open connection', coded('terminating connection due to administrator command', '57P01')],
    ['a connection exception (class 08)', coded('connection failure', '08006')],
    ['node-postgres losing its connection', new Error('Connection terminated unexpectedly')],
    ['the Temporal server down, wrapped by the client', Object.assign(new Error('Failed to execute update'), { cause: coded('14 UNAVAILABLE: No connection established', 14, { details: 'No connection established' }) })],
    ['the Temporal server too slow', coded('4 DEADLINE_EXCEEDED: Deadline exceeded', 4, { details: 'Deadline exceeded' })],
  ])('%s', (_what, failure) => {
    expect(isServiceUnavailable(failure)).toBe(true);
  });

  it.each([
    ['a unique violation', new QueryFailedError('INSERT', [], coded('duplicate key value violates unique constraint', '23505'))],
    ['an invalid text representation', coded('invalid input syntax for type uuid', '22P02')],
    ['a gRPC refusal that is not an outage', coded('3 INVALID_ARGUMENT: bad', 3, { details: 'bad' })],
    ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a thrown string', 'boom'],
    ['a cycle of causes', (() => { const a: { cause?: unknown } = {}; const b = { cause: a }; a.cause = b; return a; })()],
  ])('%s is not', (_what, failure) => {
    expect(isServiceUnavailable(failure)).toBe(false);
  });
});
