import { ForbiddenException, Inject, Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { JwtService } from '@nestjs/jwt';
import { ROLES, type Role } from '../../../../libs/domain/src/roles.js';
import { SessionCheck, type AccessTokenClaims, type SessionCaller } from '../../../../libs/application/src/auth/session-check.js';
import { APP_CONFIG, type AppConfig } from '../../../../libs/platform/src/config.js';
import { PUBLIC_ROUTE, REQUIRED_ROLES, WITHOUT_SIDE_EFFECTS, type RequestSession } from './auth.decorators.js';
import { passesCsrfCheck, sessionTokenOf } from './browser-session.js';

/**
 * Global guard: every route needs a valid session unless marked @Public(), then its @Roles().
 * API clients send a short-lived access token (signature, expiry, issuer and audience checked);
 * the web app's browser sends its session cookie, and then every state-changing request must carry
 * the session's CSRF token too (unless the route is marked @WithoutSideEffects(): it changes nothing). Either way the session must still stand (SessionCheck): not signed
 * out, its user active and still in the role it was granted.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(JwtService) private readonly jwt: JwtService,
    @Inject(SessionCheck) private readonly sessions: SessionCheck,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest();
    const { caller, sessionId, expiresAt } = await this.authenticate(request, this.reflector.getAllAndOverride<boolean>(WITHOUT_SIDE_EFFECTS, targets) === true);
    request.user = caller;
    request.session = { id: sessionId, expiresAt } satisfies RequestSession;
    const required = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (required && !required.includes(caller.role)) {
      throw new ForbiddenException(`this action needs one of the roles ${required.join(', ')}; you are ${caller.role}`);
    }
    return true;
  }

  private async authenticate(request: Request, withoutSideEffects: boolean): Promise<SessionCaller> {
    if (request.headers.authorization !== undefined) {
      const [scheme, token] = request.headers.authorization.split(' ');
      if (scheme !== 'Bearer' || !token) throw new UnauthorizedException('the Authorization header must be "Bearer <token>"');
      let claims: AccessTokenClaims;
      try {
        claims = await this.jwt.verifyAsync<AccessTokenClaims>(token);
      } catch {
        throw new UnauthorizedException('the bearer token is invalid or has expired (renew it at POST /api/auth/refresh)');
      }
      if (!ROLES.includes(claims.role)) throw new UnauthorizedException('the bearer token carries an unknown role');
      return this.sessions.bearer(claims);
    }
    const cookie = sessionTokenOf(request);
    if (!cookie) throw new UnauthorizedException('a bearer token is required (POST /api/auth/login), or a session (POST /api/auth/session)');
    if (!withoutSideEffects && !passesCsrfCheck(this.config, request, cookie)) throw new ForbiddenException('this request needs the X-CSRF-Token of your session');
    return this.sessions.browser(cookie);
  }
}
