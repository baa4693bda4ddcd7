import { Body, Controller, Delete, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiCookieAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { SignIn } from '../../../../libs/application/src/auth/sign-in.js';
import { APP_CONFIG, type AppConfig } from '../../../../libs/platform/src/config.js';
import { CurrentUser, Public } from './auth.decorators.js';
import type { AuthenticatedUser } from './authenticated-user.js';
import { csrfTokenFor, SESSION_COOKIE, sessionCookieOptions, sessionTokenOf } from './browser-session.js';
import { loginSchema, validateLogin } from './login.request.js';
import { validated } from '../common/validated.js';
import { ApiErrorResponse } from '../openapi/error-body.schema.js';

/** What the web app knows about its session: who is signed in and the CSRF token to send with changes. */
export interface BrowserSessionView {
  user: AuthenticatedUser;
  csrfToken: string;
  expiresAt: string;
}

/** The web app's sign-in: a session cookie instead of a bearer token (see browser-session.ts). */
@ApiTags('auth')
@Controller('api/auth/session')
export class SessionController {
  constructor(
    @Inject(SignIn) private readonly signIn: SignIn,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in from a browser: sets the httpOnly session cookie and answers the CSRF token' })
  @ApiBody({ schema: loginSchema as object })
  @ApiResponse({ status: 200, description: 'signed in: the session cookie is set' })
  @ApiErrorResponse(401, 'the e-mail and password do not match a user')
  async create(@Body() body: unknown, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<BrowserSessionView> {
    const { email, password } = validated(validateLogin, body);
    const { accessToken, user } = await this.signIn.session(email, password);
    response.cookie(SESSION_COOKIE, accessToken, sessionCookieOptions(this.config, request));
    return this.view(user, accessToken);
  }

  @Get()
  @ApiCookieAuth()
  @ApiOperation({ summary: "The browser's session: who is signed in and the CSRF token its changes must carry" })
  current(@CurrentUser() user: AuthenticatedUser, @Req() request: Request): BrowserSessionView {
    return this.view(user, sessionTokenOf(request) ?? '');
  }

  /** Open to anyone, so that an expired session can still be cleared. */
  @Public()
  @Delete()
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out: clears the session cookie' })
  remove(@Req() request: Request, @Res({ passthrough: true }) response: Response): void {
    const { maxAge: _maxAge, ...options } = sessionCookieOptions(this.config, request);
    response.clearCookie(SESSION_COOKIE, options);
  }

  private view(user: AuthenticatedUser, sessionToken: string): BrowserSessionView {
    return {
      user,
      csrfToken: csrfTokenFor(this.config, sessionToken),
      expiresAt: new Date(Date.now() + this.config.JWT_TTL_SECONDS * 1000).toISOString(),
    };
  }
}
