import type { Role } from '../../domain/src/roles.js';
import type { Actor } from '../../domain/src/tracks/filing-track-commands.js';

/** Who asks a use-case to act: a signed-in person of one organisation. */
export interface Caller {
  id: string;
  organisationId: string;
  role: Role;
}

/** The caller as the workflows' rules know an actor. */
export const actorOf = (caller: Caller): Actor => ({ userId: caller.id, role: caller.role });
