import { Inject, Injectable } from '@nestjs/common';
import * as oidc from 'openid-client';
import type { VerifiedIdentity } from '../../../../libs/application/src/auth/sso-sign-in.js';
import { APP_CONFIG, type AppConfig } from '../../../../libs/platform/src/config.js';

/** What the browser must bring back from the provider for the sign-in to be this one: kept in the pending-login cookie. */
export interface PendingLogin {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** Where in the web app the person was going (a path of ours). */
  returnTo: string;
}

/**
 * Why the protocol part of a single sign-on failed, as the sign-in page words it:
 * - `sso-unavailable`: the provider could not be reached (discovery, token or userinfo endpoint);
 * - `sso-cancelled`: the provider answered with an error instead of a code (the person cancelled, or was not allowed);
 * - `sso-failed`: the answer did not check out (state, code, ID token signature, issuer, audience, nonce, expiry).
 */
export type SsoProtocolFailure = 'sso-unavailable' | 'sso-cancelled' | 'sso-failed';

export class SsoProtocolError extends Error {
  constructor(
    readonly code: SsoProtocolFailure,
    cause: unknown,
  ) {
    super(`single sign-on: ${code}`, { cause });
    this.name = 'SsoProtocolError';
  }
}

const DISCOVERY_TIMEOUT_SECONDS = 10;

/**
 * breachflow as an OpenID Connect relying party (openid-client): the authorization code flow with
 * PKCE (S256), state and nonce, a confidential client (client_secret_basic). The provider's
 * metadata is discovered at the first sign-in and kept; a failed discovery is tried again at the
 * next one, so the API starts whether or not the provider answers.
 */
@Injectable()
export class OidcClient {
  private configuration: Promise<oidc.Configuration> | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get enabled(): boolean {
    return this.config.OIDC_ISSUER !== undefined;
  }

  /** Registered at the provider as the client's redirect URI. */
  get redirectUri(): string {
    return this.config.OIDC_REDIRECT_URI ?? new URL('/api/auth/oidc/callback', this.config.PUBLIC_URL).href;
  }

  /** The provider's authorization URL for a new sign-in, and what its answer must match. */
  async start(returnTo: string): Promise<{ url: URL; pending: PendingLogin }> {
    const configuration = await this.discovered();
    const pending: PendingLogin = { state: oidc.randomState(), nonce: oidc.randomNonce(), codeVerifier: oidc.randomPKCECodeVerifier(), returnTo };
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: this.redirectUri,
      scope: this.config.OIDC_SCOPES,
      code_challenge: await oidc.calculatePKCECodeChallenge(pending.codeVerifier),
      code_challenge_method: 'S256',
      state: pending.state,
      nonce: pending.nonce,
    });
    return { url, pending };
  }

  /**
   * Checks the provider's answer (the callback's query) against the pending login, exchanges the
   * code, verifies the ID token (signature, `iss`, `aud`, `exp`, `nonce`) and reads who it is.
   * The groups and e-mail address come from the ID token, or from userinfo when the token lacks them.
   */
  async identity(callbackQuery: string, pending: PendingLogin): Promise<VerifiedIdentity> {
    const configuration = await this.discovered();
    const currentUrl = new URL(this.redirectUri);
    currentUrl.search = callbackQuery;
    try {
      const tokens = await oidc.authorizationCodeGrant(configuration, currentUrl, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      let claims: Record<string, unknown> = { ...tokens.claims()! };
      const subject = claims.sub as string;
      if ((claimAt(claims, this.config.OIDC_GROUPS_CLAIM) === undefined || claims.email === undefined) && configuration.serverMetadata().userinfo_endpoint) {
        // The provider decides what goes in the ID token; userinfo answers for the same subject (checked by openid-client).
        claims = { ...(await oidc.fetchUserInfo(configuration, tokens.access_token, subject)), ...claims };
      }
      return {
        issuer: configuration.serverMetadata().issuer,
        subject,
        email: typeof claims.email === 'string' ? claims.email : undefined,
        emailVerified: typeof claims.email_verified === 'boolean' ? claims.email_verified : undefined,
        name: typeof claims.name === 'string' ? claims.name : undefined,
        groups: groupsOf(claimAt(claims, this.config.OIDC_GROUPS_CLAIM)),
      };
    } catch (error) {
      throw new SsoProtocolError(failureOf(error), error);
    }
  }

  private discovered(): Promise<oidc.Configuration> {
    this.configuration ??= this.discover().catch((error: unknown) => {
      this.configuration = undefined;
      throw new SsoProtocolError('sso-unavailable', error);
    });
    return this.configuration;
  }

  private discover(): Promise<oidc.Configuration> {
    const issuer = new URL(this.config.OIDC_ISSUER!);
    // The ID token's signature is checked against the provider's published keys: openid-client
    // skips that by default for a token straight from the token endpoint (OpenID Connect lets TLS
    // vouch for it), but an http:// provider on loopback has no TLS, and the check costs one
    // fetch of the keys, kept for five minutes. An HMAC-signed ID token (HS256) is refused.
    const execute = [oidc.enableNonRepudiationChecks];
    // The configuration allows http:// only for a provider on this machine (config.ts).
    if (issuer.protocol === 'http:') execute.push(oidc.allowInsecureRequests);
    return oidc.discovery(issuer, this.config.OIDC_CLIENT_ID!, undefined, oidc.ClientSecretBasic(this.config.OIDC_CLIENT_SECRET!), { execute, timeout: DISCOVERY_TIMEOUT_SECONDS });
  }
}

/** A claim by name, or by a dotted path into nested objects (`realm_access.roles`). */
function claimAt(claims: Record<string, unknown>, path: string): unknown {
  if (path in claims) return claims[path];
  return path.split('.').reduce<unknown>((value, key) => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), claims);
}

/** The groups claim as a list of names: an array of strings, or one string; anything else is no groups. */
function groupsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((group): group is string => typeof group === 'string');
  return [];
}

function failureOf(error: unknown): SsoProtocolFailure {
  if (error instanceof oidc.AuthorizationResponseError) return 'sso-cancelled';
  if (providerDidNotAnswer(error)) return 'sso-unavailable';
  if (error instanceof oidc.ClientError && error.code === 'OAUTH_RESPONSE_IS_NOT_CONFORM' && isServerError(error.cause)) return 'sso-unavailable';
  return 'sso-failed';
}

/**
 * fetch's own failure (`TypeError: fetch failed`: refused, reset, DNS) or its timeout (a
 * `TimeoutError`), as it comes or as the cause of a library's error. openid-client passes the
 * first through and wraps the second (`OAUTH_TIMEOUT`), but either of another realm (a test
 * runner's sandbox) it does not recognise, and wraps as "something went wrong"; hence by name,
 * through the causes.
 */
function providerDidNotAnswer(error: unknown): boolean {
  let current = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth += 1) {
    const { name, message, cause } = current as { name?: unknown; message?: unknown; cause?: unknown };
    if ((name === 'TypeError' && message === 'fetch failed') || name === 'TimeoutError') return true;
    current = cause;
  }
  return false;
}

function isServerError(response: unknown): boolean {
  return response instanceof Response && response.status >= 500;
}
