import { createHmac, timingSafeEqual } from 'node:crypto';
import type { CookieOptions, Request } from 'express';
import { parseCookie } from 'cookie';
import type { AppConfig } from '../../../../libs/platform/src/config.js';
import type { PendingLogin } from './oidc-client.js';

/**
 * A single sign-on between leaving for the provider and coming back: its state, nonce and PKCE
 * verifier, in an httpOnly cookie signed with an HMAC under JWT_SECRET (so nothing is stored
 * server-side and any API instance can finish it). It lives 10 minutes, is sent only to the
 * callback's path, and is `SameSite=Lax`: the provider's redirect back is a cross-site
 * navigation, which a Strict cookie would not accompany. A cookie another site planted or edited
 * fails its HMAC; one copied from another browser is useless without that browser's code.
 */
export const PENDING_LOGIN_COOKIE = 'breachflow_sso';
const PATH = '/api/auth/oidc';
const LIFETIME_MS = 10 * 60 * 1000;

export function pendingLoginCookieOptions(config: AppConfig, request: Request): CookieOptions {
  return { httpOnly: true, sameSite: 'lax', secure: request.secure || config.PUBLIC_URL.startsWith('https:'), path: PATH, maxAge: LIFETIME_MS };
}

export function pendingLoginCookie(config: AppConfig, pending: PendingLogin, now = Date.now()): string {
  const payload = Buffer.from(JSON.stringify({ ...pending, expiresAt: now + LIFETIME_MS })).toString('base64url');
  return `${payload}.${signature(config, payload)}`;
}

/** The pending login the request's cookie carries, if its signature holds and it has not expired. */
export function pendingLoginOf(config: AppConfig, request: Request, now = Date.now()): PendingLogin | undefined {
  const header = request.headers.cookie;
  const value = header ? parseCookie(header)[PENDING_LOGIN_COOKIE] : undefined;
  const [payload, given, ...rest] = (value ?? '').split('.');
  if (!payload || !given || rest.length > 0) return undefined;
  const expected = Buffer.from(signature(config, payload));
  const actual = Buffer.from(given);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return undefined;
  const { expiresAt, ...pending } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as PendingLogin & { expiresAt: number };
  return expiresAt > now ? pending : undefined;
}

function signature(config: AppConfig, payload: string): string {
  return createHmac('sha256', config.JWT_SECRET).update(`sso-pending-login:${payload}`).digest('base64url');
}
