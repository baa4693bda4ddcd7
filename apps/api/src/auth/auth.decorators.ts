import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Role } from '../../../../libs/domain/src/roles.js';
import type { AuthenticatedUser } from './authenticated-user.js';

export const PUBLIC_ROUTE = 'breachflow:public';
export const REQUIRED_ROLES = 'breachflow:roles';
export const WITHOUT_SIDE_EFFECTS = 'breachflow:without-side-effects';

/** Opens a route to unauthenticated callers (login, health, docs). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** Restricts a route to the given roles; without it every authenticated role may call. */
export const Roles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);

/**
 * A POST that changes nothing (the codec server's decode and encode): the session cookie alone
 * authorises it, without the CSRF token another site's page cannot send anyway — such a page can
 * make the request but never read the answer, which only the origins CORS names may read.
 */
export const WithoutSideEffects = () => SetMetadata(WITHOUT_SIDE_EFFECTS, true);

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
