import { createHmac, timingSafeEqual } from 'node:crypto';
import type { CookieOptions, Request } from 'express';
import { parseCookie } from 'cookie';
import type { AppConfig } from '../../../../libs/platform/src/config.js';

/**
 * The browser's session: a server session's id and secret (`<id>.<secret>`, only the secret's hash
 * is stored), kept in an httpOnly cookie that scripts cannot read; the server checks it on every
 * request, so signing out or deactivating the user ends it at once. SameSite=Strict keeps other
 * sites from sending it; the CSRF token (an HMAC of the cookie, so nothing more is stored) must
 * also accompany every state-changing request, in the `X-CSRF-Token` header.
 */
export const SESSION_COOKIE = 'breachflow_session';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function sessionTokenOf(request: Request): string | undefined {
  const header = request.headers.cookie;
  return header ? parseCookie(header)[SESSION_COOKIE] || undefined : undefined;
}

export function sessionCookieOptions(config: AppConfig, request: Request): CookieOptions {
  return {
    httpOnly: true,
    sameSite: 'strict',
    // Secure whenever the browser reaches us over HTTPS: directly, or behind a TLS-terminating proxy named in PUBLIC_URL.
    secure: request.secure || config.PUBLIC_URL.startsWith('https:'),
    path: '/',
    maxAge: config.SESSION_TTL_SECONDS * 1000,
  };
}

export function csrfTokenFor(config: AppConfig, sessionToken: string): string {
  return createHmac('sha256', config.JWT_SECRET).update(`csrf:${sessionToken}`).digest('base64url');
}

/** True when the request may proceed: safe methods always; others only with the session's CSRF token. */
export function passesCsrfCheck(config: AppConfig, request: Request, sessionToken: string): boolean {
  if (SAFE_METHODS.has(request.method)) return true;
  const given = request.headers[CSRF_HEADER];
  if (typeof given !== 'string') return false;
  const expected = Buffer.from(csrfTokenFor(config, sessionToken));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
