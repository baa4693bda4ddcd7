import { ForbiddenException, Inject, Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { JwtService } from '@nestjs/jwt';
import { ROLES, type Role } from '../../../../libs/domain/src/roles.js';
import { APP_CONFIG, type AppConfig } from '../../../../libs/platform/src/config.js';
import { PUBLIC_ROUTE, REQUIRED_ROLES, WITHOUT_SIDE_EFFECTS } from './auth.decorators.js';
import type { AuthenticatedUser } from './authenticated-user.js';
import { passesCsrfCheck, sessionTokenOf } from './browser-session.js';

interface TokenClaims {
  sub: string;
  org: string;
  role: Role;
}

/**
 * Global guard: every route needs a valid access token unless marked @Public(), then its @Roles().
 * API clients send it as a bearer token; the web app's browser sends it in the session cookie,
 * and then every state-changing request must carry the session's CSRF token too.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(JwtService) private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest();
    const token = this.accessToken(request, this.reflector.getAllAndOverride<boolean>(WITHOUT_SIDE_EFFECTS, targets) === true);
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token);
    } catch {
      throw new UnauthorizedException('the bearer token is invalid or has expired');
    }
    if (!ROLES.includes(claims.role)) throw new UnauthorizedException('the bearer token carries an unknown role');
    const user: AuthenticatedUser = { id: claims.sub, organisationId: claims.org, role: claims.role };
    request.user = user;
    const required = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (required && !required.includes(user.role)) {
      throw new ForbiddenException(`this action needs one of the roles ${required.join(', ')}; you are ${user.role}`);
    }
    return true;
  }

  private accessToken(request: Request, withoutSideEffects: boolean): string {
    if (request.headers.authorization !== undefined) {
      const [scheme, token] = request.headers.authorization.split(' ');
      if (scheme !== 'Bearer' || !token) throw new UnauthorizedException('the Authorization header must be "Bearer <token>"');
      return token;
    }
    const session = sessionTokenOf(request);
    if (!session) throw new UnauthorizedException('a bearer token is required (POST /api/auth/login), or a session (POST /api/auth/session)');
    if (!withoutSideEffects && !passesCsrfCheck(this.config, request, session)) throw new ForbiddenException('this request needs the X-CSRF-Token of your session');
    return session;
  }
}
