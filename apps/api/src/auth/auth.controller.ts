import { Body, Controller, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { SignIn } from '../../../../libs/application/src/auth/sign-in.js';
import { Sessions, type BearerTokens } from '../../../../libs/application/src/auth/sessions.js';
import { SetPassword } from '../../../../libs/application/src/users/set-password.js';
import { APP_CONFIG, type AppConfig } from '../../../../libs/platform/src/config.js';
import { setPasswordSchema, validateSetPassword } from '../users/user-requests.js';
import { validated } from '../common/validated.js';
import { CurrentSession, CurrentUser, Public, type RequestSession } from './auth.decorators.js';
import type { AuthenticatedUser } from './authenticated-user.js';
import { clientAddressOf } from './client-address.js';
import { loginSchema, validateLogin } from './login.request.js';
import { PASSWORD_SIGN_IN_OFF, refuseWhenPasswordsOff } from './password-sign-in.js';
import { refreshSchema, validateRefresh } from './refresh.request.js';
import { ApiErrorResponse } from '../openapi/error-body.schema.js';
import { ApiSignInThrottled } from '../openapi/sign-in-throttled.decorator.js';

const bearerTokensSchema = {
  type: 'object',
  required: ['accessToken', 'tokenType', 'expiresIn', 'refreshToken', 'sessionExpiresAt', 'role'],
  properties: {
    accessToken: { type: 'string', description: 'Send as `Authorization: Bearer <token>`; good for `expiresIn` seconds.' },
    tokenType: { type: 'string', enum: ['Bearer'] },
    expiresIn: { type: 'integer', minimum: 1, maximum: 900 },
    refreshToken: { type: 'string', description: 'Exchange once at POST /api/auth/refresh; a second use revokes the session.' },
    sessionExpiresAt: { type: 'string', format: 'date-time', description: 'The session ends then, however often it is refreshed.' },
    role: { type: 'string' },
  },
};

/** API clients' sign-in, token renewal and sign-out (the web app uses /api/auth/session). */
@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(
    @Inject(SignIn) private readonly signIn: SignIn,
    @Inject(Sessions) private readonly sessions: Sessions,
    @Inject(SetPassword) private readonly setPassword: SetPassword,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange e-mail and password for a 15-minute access token and a refresh token' })
  @ApiBody({ schema: loginSchema as object })
  @ApiResponse({ status: 200, description: 'the tokens and the role they carry', schema: bearerTokensSchema })
  @ApiErrorResponse(401, 'the e-mail and password do not match an active user')
  @ApiErrorResponse(403, PASSWORD_SIGN_IN_OFF)
  @ApiSignInThrottled()
  login(@Body() body: unknown, @Req() request: Request): Promise<BearerTokens> {
    refuseWhenPasswordsOff(this.config);
    const { email, password } = validated(validateLogin, body);
    return this.signIn.execute(email, password, clientAddressOf(request));
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange a refresh token (once) for a new access token and the next refresh token' })
  @ApiBody({ schema: refreshSchema as object })
  @ApiResponse({ status: 200, description: 'the new tokens; the refresh token sent is used up', schema: bearerTokensSchema })
  @ApiErrorResponse(401, 'the refresh token is unknown or already used (its whole session is then revoked), or the session ended: signed out, expired, idle, the user deactivated or their role changed')
  refresh(@Body() body: unknown, @Req() request: Request): Promise<BearerTokens> {
    const { refreshToken } = validated(validateRefresh, body);
    return this.sessions.refresh(refreshToken, clientAddressOf(request));
  }

  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out: ends the session this access token (or cookie) belongs to, and its refresh token' })
  @ApiResponse({ status: 204, description: 'signed out' })
  async logout(@CurrentUser() user: AuthenticatedUser, @CurrentSession() session: RequestSession): Promise<void> {
    await this.sessions.signOut(user, session.id);
  }

  @Post('logout-everywhere')
  @HttpCode(200)
  @ApiOperation({ summary: "Sign out everywhere: ends every session of the caller's account, on every browser and API client" })
  @ApiResponse({ status: 200, description: 'how many sessions were ended', schema: { type: 'object', required: ['sessionsEnded'], properties: { sessionsEnded: { type: 'integer', minimum: 0 } } } })
  async logoutEverywhere(@CurrentUser() user: AuthenticatedUser): Promise<{ sessionsEnded: number }> {
    return { sessionsEnded: await this.sessions.signOutEverywhere(user) };
  }

  /** Open to anyone holding a valid one-time link: an invitation, or the first admin's link. */
  @Public()
  @Post('set-password')
  @HttpCode(200)
  @ApiOperation({ summary: 'Choose a password with a one-time link (at least 12 characters, not a common one); the link is then spent' })
  @ApiBody({ schema: setPasswordSchema as object })
  @ApiResponse({ status: 200, description: 'the password is set: sign in with it' })
  @ApiErrorResponse(403, PASSWORD_SIGN_IN_OFF)
  async choosePassword(@Body() body: unknown) {
    refuseWhenPasswordsOff(this.config);
    const { token, password } = validated(validateSetPassword, body);
    const { email } = await this.setPassword.execute(token, password);
    return { email };
  }
}
