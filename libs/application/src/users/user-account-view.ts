import type { Role } from '../../../domain/src/roles.js';
import type { User } from '../../../persistence/src/entities/user.entity.js';

/** A user as an admin manages them: never the password hash. */
export interface UserAccountView {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  active: boolean;
  /** False while an invitation has not been accepted, and for an account that has only ever signed in with single sign-on. */
  passwordSet: boolean;
  /** Bound to an identity at the organisation's identity provider: the person signs in with the organisation's account. */
  singleSignOn: boolean;
  createdAt: string;
}

export const userAccountView = (user: User): UserAccountView => ({
  id: user.id,
  email: user.email,
  displayName: user.displayName,
  role: user.role,
  active: user.active,
  passwordSet: user.passwordHash !== null,
  singleSignOn: user.oidcSubject !== null,
  createdAt: user.createdAt.toISOString(),
});
