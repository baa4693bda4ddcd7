/** The password policy and the rule that an organisation always keeps an active admin. */
import { describe, expect, it } from '@jest/globals';
import { refuseAccountChange } from '../../../libs/domain/src/users/last-admin.js';
import { passwordProblem } from '../../../libs/domain/src/users/password-policy.js';

describe('passwordProblem', () => {
  it.each([
    ['elva tecken', /at least 12/],
    ['Password1234', /most common/],
    ['LÖSENORD1234', /most common/],
    ['breachflow-demo', /most common/],
    ['aaaaaaaaaaaaaaaa', /repeated/],
    ['abababababababab', /repeated/],
    [' leading space here', /space/],
    ['x'.repeat(1025), /at most 1024/],
  ])('refuses %j', (password, problem) => {
    expect(passwordProblem(password)).toMatch(problem);
  });

  it('accepts a passphrase of twelve characters or more', () => {
    expect(passwordProblem('tre ord räcker')).toBeNull();
    expect(passwordProblem('x7!Kq2#mP9zL')).toBeNull();
  });
});

describe('refuseAccountChange', () => {
  const admin = { id: 'a', role: 'admin' as const, active: true };
  it('refuses to demote or deactivate the last active admin, naming the field', () => {
    expect(refuseAccountChange(admin, { role: 'dpo' }, ['a'], 'a')).toMatchObject({ kind: 'conflict', field: 'role', message: expect.stringMatching(/^you are/) });
    expect(refuseAccountChange(admin, { active: false }, ['a'], 'other')).toMatchObject({ kind: 'conflict', field: 'active', message: expect.stringMatching(/^this user is/) });
  });

  it('allows it while another active admin remains, and any change that keeps the admin', () => {
    expect(refuseAccountChange(admin, { role: 'dpo' }, ['a', 'b'], 'a')).toBeNull();
    expect(refuseAccountChange(admin, { role: 'admin', active: true }, ['a'], 'a')).toBeNull();
    expect(refuseAccountChange({ id: 'v', role: 'viewer', active: true }, { active: false }, ['a'], 'a')).toBeNull();
  });
});
