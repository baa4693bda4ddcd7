import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Role } from '../../../../libs/domain/src/roles.js';
import type { AuthenticatedUser } from './authenticated-user.js';

export const PUBLIC_ROUTE = 'breachflow:public';
export const REQUIRED_ROLES = 'breachflow:roles';

/** Opens a route to unauthenticated callers (login, health, docs). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** Restricts a route to the given roles; without it every authenticated role may call. */
export const Roles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);

export const CurrentUser = createParamDecorator(
  (_: unknown, context: ExecutionContext): AuthenticatedUser => context.switchToHttp().getRequest().user,
);

/** The session the request rests on (its id and when it ends at the latest), set by the AuthGuard. */
export interface RequestSession {
  id: string;
  expiresAt: Date;
}

export const CurrentSession = createParamDecorator(
  (_: unknown, context: ExecutionContext): RequestSession => context.switchToHttp().getRequest().session,
);
