import type { Role } from '../roles.js';

/** One line of an organisation's single sign-on mapping: members of this identity-provider group get this role. */
export interface SsoGroupRole {
  organisationId: string;
  /** The group exactly as the provider names it in the groups claim (case matters: `Vård-DPO` is not `vård-dpo`). */
  group: string;
  role: Role;
}

/**
 * When a person's groups match several lines of one organisation, the most privileged role wins:
 * admin first, because an admin edits this very mapping and so can reach any other role; then the
 * DPO, who may do everything an approver may and more; then approver, responder, viewer.
 */
export const ROLE_PRECEDENCE: readonly Role[] = ['admin', 'dpo', 'approver', 'responder', 'viewer'];

/** What the identity provider's groups make of a person. */
export type SsoRoleVerdict =
  | { kind: 'role'; organisationId: string; role: Role; matchedGroups: string[] }
  /** No group of theirs is mapped anywhere: they may not sign in. */
  | { kind: 'no-role' }
  /** Their groups are mapped in more than one organisation: which one they belong to is the provider's to say, not ours to guess. */
  | { kind: 'several-organisations'; organisationIds: string[] };

/**
 * The role a person's groups give them. Groups are compared exactly; each organisation's mapping is
 * its own, so a group mapped in two organisations puts its members in both, and they are refused.
 */
export function roleFromGroups(groups: readonly string[], mapping: readonly SsoGroupRole[]): SsoRoleVerdict {
  const held = new Set(groups);
  const matches = mapping.filter((line) => held.has(line.group));
  if (matches.length === 0) return { kind: 'no-role' };
  const organisationIds = [...new Set(matches.map((line) => line.organisationId))].sort();
  if (organisationIds.length > 1) return { kind: 'several-organisations', organisationIds };
  const role = ROLE_PRECEDENCE.find((candidate) => matches.some((line) => line.role === candidate))!;
  return { kind: 'role', organisationId: organisationIds[0]!, role, matchedGroups: [...new Set(matches.map((line) => line.group))].sort() };
}
