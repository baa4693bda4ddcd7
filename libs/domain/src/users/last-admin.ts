import type { Refusal } from '../failures.js';
import type { Role } from '../roles.js';

export interface AccountChange {
  role?: Role;
  active?: boolean;
}

/**
 * Whether a change to a user's role or activity is refused: an organisation always keeps at
 * least one active admin, or nobody could manage its people again.
 */
export function refuseAccountChange(target: { id: string; role: Role; active: boolean }, change: AccountChange, activeAdminIds: readonly string[], actorId: string): Refusal | null {
  const staysAdmin = (change.role ?? target.role) === 'admin' && (change.active ?? target.active);
  const isActiveAdmin = target.role === 'admin' && target.active;
  if (isActiveAdmin && !staysAdmin && activeAdminIds.every((id) => id === target.id)) {
    const who = target.id === actorId ? 'you are' : 'this user is';
    return {
      kind: 'conflict',
      message: `${who} the organisation's last active admin: make another user admin first`,
      field: change.active === false ? 'active' : 'role',
    };
  }
  return null;
}
