import { Body, Controller, Delete, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiCookieAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { SignIn } from '../../../../libs/application/src/auth/sign-in.js';
import { SessionCheck } from '../../../../libs/application/src/auth/session-check.js';
import { SessionEndedError } from '../../../../libs/application/src/auth/session-ended-error.js';
import { Sessions } from '../../../../libs/application/src/auth/sessions.js';
import { APP_CONFIG, type AppConfig } from '../../../../libs/platform/src/config.js';
import { CurrentSession, CurrentUser, Public, type RequestSession } from './auth.decorators.js';
import type { AuthenticatedUser } from './authenticated-user.js';
import { csrfTokenFor, SESSION_COOKIE, sessionCookieOptions, sessionTokenOf } from './browser-session.js';
import { clientAddressOf } from './client-address.js';
import { loginSchema, validateLogin } from './login.request.js';
import { PASSWORD_SIGN_IN_OFF, refuseWhenPasswordsOff } from './password-sign-in.js';
import { validated } from '../common/validated.js';
import { ApiErrorResponse } from '../openapi/error-body.schema.js';
import { ApiSignInThrottled } from '../openapi/sign-in-throttled.decorator.js';

/** What the web app knows about its session: who is signed in and the CSRF token to send with changes. */
export interface BrowserSessionView {
  user: AuthenticatedUser;
  csrfToken: string;
  /** When the session ends at the latest; it ends sooner after SESSION_IDLE_SECONDS without a request, or when revoked. */
  expiresAt: string;
}

/** The web app's sign-in: a server session in a cookie instead of a bearer token (see browser-session.ts). */
@ApiTags('auth')
@Controller('api/auth/session')
export class SessionController {
  constructor(
    @Inject(SignIn) private readonly signIn: SignIn,
    @Inject(Sessions) private readonly sessions: Sessions,
    @Inject(SessionCheck) private readonly check: SessionCheck,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in from a browser: sets the httpOnly session cookie and answers the CSRF token' })
  @ApiBody({ schema: loginSchema as object })
  @ApiResponse({ status: 200, description: 'signed in: the session cookie is set' })
  @ApiErrorResponse(401, 'the e-mail and password do not match an active user')
  @ApiErrorResponse(403, PASSWORD_SIGN_IN_OFF)
  @ApiSignInThrottled()
  async create(@Body() body: unknown, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<BrowserSessionView> {
    refuseWhenPasswordsOff(this.config);
    const { email, password } = validated(validateLogin, body);
    const { cookieValue, user, expiresAt } = await this.signIn.session(email, password, clientAddressOf(request));
    response.cookie(SESSION_COOKIE, cookieValue, sessionCookieOptions(this.config, request));
    return this.view(user, cookieValue, expiresAt);
  }

  @Get()
  @ApiCookieAuth()
  @ApiOperation({ summary: "The browser's session: who is signed in and the CSRF token its changes must carry" })
  current(@CurrentUser() user: AuthenticatedUser, @CurrentSession() session: RequestSession, @Req() request: Request): BrowserSessionView {
    return this.view(user, sessionTokenOf(request) ?? '', session.expiresAt);
  }

  /** Open to anyone, so that an ended session's cookie can still be cleared; a session that still stands is ended too. */
  @Public()
  @Delete()
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out: ends the session and clears its cookie' })
  async remove(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<void> {
    const cookie = sessionTokenOf(request);
    if (cookie) {
      try {
        const { caller, sessionId } = await this.check.browser(cookie);
        await this.sessions.signOut(caller, sessionId);
      } catch (error) {
        if (!(error instanceof SessionEndedError)) throw error;
      }
    }
    const { maxAge: _maxAge, ...options } = sessionCookieOptions(this.config, request);
    response.clearCookie(SESSION_COOKIE, options);
  }

  private view(user: AuthenticatedUser, cookieValue: string, expiresAt: Date): BrowserSessionView {
    return { user, csrfToken: csrfTokenFor(this.config, cookieValue), expiresAt: expiresAt.toISOString() };
  }
}
