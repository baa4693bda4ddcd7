import type { Role } from '../../../../libs/domain/src/roles.js';

/** Who is calling, as carried by the bearer token. */
export interface AuthenticatedUser {
  id: string;
  organisationId: string;
  role: Role;
}
