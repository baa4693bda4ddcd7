/** The rule that turns an identity provider's groups into one role in one organisation. */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { ROLES } from '../../../libs/domain/src/roles.js';
import { ROLE_PRECEDENCE, roleFromGroups, type SsoGroupRole } from '../../../libs/domain/src/users/sso-group-roles.js';

const NORR = '00000000-0000-4000-8000-00000000000a';
const SYD = '00000000-0000-4000-8000-00000000000b';
const mapping: SsoGroupRole[] = [
  { organisationId: NORR, group: 'norr-incidentgrupp', role: 'responder' },
  { organisationId: NORR, group: 'norr-chefer', role: 'approver' },
  { organisationId: NORR, group: 'norr-dso', role: 'dpo' },
  { organisationId: NORR, group: 'norr-it-admin', role: 'admin' },
  { organisationId: NORR, group: 'alla-anstallda', role: 'viewer' },
  { organisationId: SYD, group: 'syd-incidentgrupp', role: 'responder' },
];

describe('roleFromGroups', () => {
  it('gives the role of the one matching group, in its organisation', () => {
    expect(roleFromGroups(['norr-chefer', 'lunchklubben'], mapping)).toEqual({ kind: 'role', organisationId: NORR, role: 'approver', matchedGroups: ['norr-chefer'] });
  });

  it('gives the most privileged role when several groups match: admin, DPO, approver, responder, viewer', () => {
    expect(roleFromGroups(['alla-anstallda', 'norr-incidentgrupp'], mapping)).toMatchObject({ role: 'responder', matchedGroups: ['alla-anstallda', 'norr-incidentgrupp'] });
    expect(roleFromGroups(['norr-dso', 'norr-chefer', 'alla-anstallda'], mapping)).toMatchObject({ role: 'dpo' });
    expect(roleFromGroups(['norr-dso', 'norr-it-admin'], mapping)).toMatchObject({ role: 'admin' });
  });

  it('refuses a person none of whose groups is mapped, and a person without groups', () => {
    expect(roleFromGroups(['lunchklubben'], mapping)).toEqual({ kind: 'no-role' });
    expect(roleFromGroups([], mapping)).toEqual({ kind: 'no-role' });
    expect(roleFromGroups(['norr-chefer'], [])).toEqual({ kind: 'no-role' });
  });

  it('compares group names exactly: another case or spacing is another group', () => {
    expect(roleFromGroups(['Norr-Chefer', ' norr-chefer'], mapping)).toEqual({ kind: 'no-role' });
  });

  it('refuses groups that map into two organisations, naming both, rather than pick one', () => {
    expect(roleFromGroups(['norr-it-admin', 'syd-incidentgrupp'], mapping)).toEqual({ kind: 'several-organisations', organisationIds: [NORR, SYD] });
    const shared = [...mapping, { organisationId: SYD, group: 'alla-anstallda', role: 'viewer' as const }];
    expect(roleFromGroups(['alla-anstallda'], shared)).toMatchObject({ kind: 'several-organisations' });
  });

  it('ranks every role exactly once', () => {
    expect([...ROLE_PRECEDENCE].sort()).toEqual([...ROLES].sort());
  });

  it('never gives a role no matching line carries, and never one below a matching line', () => {
    const line = fc.record({ group: fc.constantFrom('a', 'b', 'c', 'd'), role: fc.constantFrom(...ROLES) });
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), fc.subarray(['a', 'b', 'c', 'd', 'e']), (lines, groups) => {
        const verdict = roleFromGroups(groups, lines.map((entry) => ({ ...entry, organisationId: NORR })));
        const matching = lines.filter((entry) => groups.includes(entry.group));
        if (matching.length === 0) return verdict.kind === 'no-role';
        if (verdict.kind !== 'role') return false;
        const rank = (role: string) => ROLE_PRECEDENCE.indexOf(role as never);
        return matching.some((entry) => entry.role === verdict.role) && matching.every((entry) => rank(entry.role) >= rank(verdict.role));
      }),
    );
  });
});
