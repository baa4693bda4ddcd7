import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { SsoSignIn, SsoSignInRefusedError } from '../../../../libs/application/src/auth/sso-sign-in.js';
import { APP_CONFIG, type AppConfig } from '../../../../libs/platform/src/config.js';
import { loggableError } from '../common/loggable-error.js';
import { AnswersWithoutServices } from '../openapi/answers-without-services.decorator.js';
import { Public } from './auth.decorators.js';
import { SESSION_COOKIE, sessionCookieOptions } from './browser-session.js';
import { clientAddressOf } from './client-address.js';
import { OidcClient, SsoProtocolError } from './oidc-client.js';
import { PENDING_LOGIN_COOKIE, pendingLoginCookie, pendingLoginCookieOptions, pendingLoginOf } from './pending-login-cookie.js';

/** How a person may sign in here, for the sign-in page. */
export interface SignInMethods {
  password: boolean;
  sso: boolean;
}

/** A path of the web app to return to after signing in: ours only (`/…`, never `//host` or `/\host`), so the flow is no open redirect. */
const RETURN_TO = /^\/(?![/\\])[!#-~]{0,500}$/;
const locationHeader = { Location: { description: 'Where the browser goes next.', schema: { type: 'string' } } };

/** Single sign-on with the organisation's OpenID Connect provider; it ends in the same browser session a password opens. */
@ApiTags('auth')
@Controller('api/auth')
export class SingleSignOnController {
  constructor(
    @Inject(OidcClient) private readonly oidc: OidcClient,
    @Inject(SsoSignIn) private readonly ssoSignIn: SsoSignIn,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @AnswersWithoutServices()
  @Get('methods')
  @ApiOperation({ summary: 'How people sign in here: with a password, with the organisation’s account (single sign-on), or both' })
  @ApiResponse({
    status: 200,
    description: 'the sign-in methods switched on; single sign-on starts at GET /api/auth/oidc/start',
    schema: { type: 'object', required: ['password', 'sso'], properties: { password: { type: 'boolean' }, sso: { type: 'boolean' } } },
  })
  methods(): SignInMethods {
    return { password: this.config.PASSWORD_SIGN_IN === 'on', sso: this.oidc.enabled };
  }

  @Public()
  @AnswersWithoutServices()
  @Get('oidc/start')
  @ApiOperation({ summary: 'Start single sign-on: redirects the browser to the identity provider (authorization code with PKCE, state and nonce)' })
  @ApiQuery({ name: 'returnTo', required: false, description: 'A path of the web app to land on once signed in (default `/`)', schema: { type: 'string', maxLength: 501 } })
  @ApiResponse({
    status: 302,
    description: 'to the identity provider, with a short-lived pending-login cookie; or, when single sign-on is not configured or the provider does not answer, to the sign-in page with `sso-error` (`sso-off`, `sso-unavailable`)',
    headers: locationHeader,
  })
  async start(@Query('returnTo') returnTo: unknown, @Req() request: Request, @Res() response: Response): Promise<void> {
    if (!this.oidc.enabled) return this.toSignInPage(response, 'sso-off');
    try {
      const { url, pending } = await this.oidc.start(typeof returnTo === 'string' && RETURN_TO.test(returnTo) ? returnTo : '/');
      response.cookie(PENDING_LOGIN_COOKIE, pendingLoginCookie(this.config, pending), pendingLoginCookieOptions(this.config, request));
      response.redirect(302, url.href);
    } catch (error) {
      this.failed(request, response, error);
    }
  }

  @Public()
  @Get('oidc/callback')
  @ApiOperation({ summary: 'Where the identity provider sends the browser back: checks the answer, signs the person in with the role their groups map to, and redirects to the web app' })
  @ApiQuery({ name: 'code', required: false, schema: { type: 'string' } })
  @ApiQuery({ name: 'state', required: false, schema: { type: 'string' } })
  @ApiQuery({ name: 'error', required: false, schema: { type: 'string' }, description: "The provider's refusal instead of a code" })
  @ApiResponse({
    status: 302,
    description:
      'signed in: the session cookie is set and the browser goes to the web app; or refused: to the sign-in page with `sso-error` — ' +
      '`sso-off`, `sso-expired` (no pending sign-in in this browser, or older than 10 minutes), `sso-failed` (state, code or ID token did not check out), ' +
      '`sso-cancelled` (the provider refused), `sso-unavailable` (the provider did not answer), `no-role` (no group of theirs maps to a role), ' +
      '`several-organisations`, `deactivated`, `account-conflict`, `email-missing`',
    headers: locationHeader,
  })
  async callback(@Req() request: Request, @Res() response: Response): Promise<void> {
    const { maxAge: _maxAge, ...pendingOptions } = pendingLoginCookieOptions(this.config, request);
    // Used once, whatever happens next.
    response.clearCookie(PENDING_LOGIN_COOKIE, pendingOptions);
    if (!this.oidc.enabled) return this.toSignInPage(response, 'sso-off');
    const pending = pendingLoginOf(this.config, request);
    if (!pending) return this.toSignInPage(response, 'sso-expired');
    try {
      const query = request.originalUrl.includes('?') ? request.originalUrl.slice(request.originalUrl.indexOf('?')) : '';
      const identity = await this.oidc.identity(query, pending);
      const { cookieValue } = await this.ssoSignIn.execute(identity, clientAddressOf(request));
      response.cookie(SESSION_COOKIE, cookieValue, sessionCookieOptions(this.config, request));
      response.redirect(302, pending.returnTo);
    } catch (error) {
      this.failed(request, response, error);
    }
  }

  private failed(request: Request, response: Response, error: unknown): void {
    if (error instanceof SsoSignInRefusedError) return this.toSignInPage(response, error.code);
    const code = error instanceof SsoProtocolError ? error.code : 'sso-failed';
    // The cause is for the operator (what the provider answered, which check failed); the person sees the code's words.
    (request as Request & { log?: Logger }).log?.warn({ sso: code, err: loggableError(error instanceof SsoProtocolError ? error.cause : error) }, 'single sign-on failed');
    this.toSignInPage(response, code);
  }

  private toSignInPage(response: Response, code: string): void {
    response.redirect(302, `/?sso-error=${encodeURIComponent(code)}`);
  }
}
