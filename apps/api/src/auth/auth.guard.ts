import { ForbiddenException, Inject, Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { ROLES, type Role } from '../../../../libs/domain/src/roles.js';
import { PUBLIC_ROUTE, REQUIRED_ROLES } from './auth.decorators.js';
import type { AuthenticatedUser } from './authenticated-user.js';

interface TokenClaims {
  sub: string;
  org: string;
  role: Role;
}

/** Global guard: every route needs a valid bearer token unless marked @Public(), then its @Roles(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(JwtService) private readonly jwt: JwtService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest();
    const [scheme, token] = String(request.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) throw new UnauthorizedException('a bearer token is required (POST /api/auth/login)');
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
}
