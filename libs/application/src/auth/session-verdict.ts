import type { SessionStanding } from '../../../persistence/src/repositories/session.repository.js';

/**
 * Why a session may not be used now, or undefined when it may: it must exist, be neither revoked
 * nor expired (nor idle, where idleness counts), and its user must still be active, in the same
 * organisation, with the role the session was granted. A demoted approver's session ends with the
 * demotion instead of carrying the old role until it expires.
 */
export function sessionProblem(standing: SessionStanding | null, now: Date, idleSeconds: number | undefined): string | undefined {
  if (!standing) return 'the session does not exist';
  if (standing.revokedAt) return 'the session was signed out';
  if (standing.expiresAt.getTime() <= now.getTime()) return 'the session has expired';
  if (idleSeconds !== undefined && standing.lastUsedAt.getTime() + idleSeconds * 1000 <= now.getTime()) {
    return `the session ended after ${Math.round(idleSeconds / 60)} minutes without use`;
  }
  if (!standing.userActive) return 'the account is deactivated';
  if (standing.userOrganisationId !== standing.organisationId) return 'the account moved to another organisation';
  if (standing.userRole !== standing.grantedRole) return `your role has changed from ${standing.grantedRole} to ${standing.userRole}`;
  return undefined;
}
