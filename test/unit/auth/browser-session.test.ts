import { describe, expect, it } from '@jest/globals';
import type { Request } from 'express';
import { csrfTokenFor, passesCsrfCheck, sessionCookieOptions, sessionTokenOf } from '../../../apps/api/src/auth/browser-session.js';
import type { AppConfig } from '../../../libs/platform/src/config.js';

const config = { JWT_SECRET: 'a'.repeat(32), SESSION_TTL_SECONDS: 3600, PUBLIC_URL: 'http://localhost:3000' } as AppConfig;
const request = (parts: { method?: string; secure?: boolean; headers?: Record<string, string> }) => ({ method: 'GET', secure: false, headers: {}, ...parts }) as unknown as Request;

describe('the browser session cookie', () => {
  it('is httpOnly, SameSite=Strict, for the whole site, as long as the session may last', () => {
    expect(sessionCookieOptions(config, request({}))).toEqual({ httpOnly: true, sameSite: 'strict', secure: false, path: '/', maxAge: 3_600_000 });
  });

  it('is Secure when the request came over HTTPS or the public address is https', () => {
    expect(sessionCookieOptions(config, request({ secure: true })).secure).toBe(true);
    expect(sessionCookieOptions({ ...config, PUBLIC_URL: 'https://breachflow.example' }, request({})).secure).toBe(true);
  });

  it('is read from the Cookie header among others', () => {
    expect(sessionTokenOf(request({ headers: { cookie: 'theme=dark; breachflow_session=abc.def.ghi' } }))).toBe('abc.def.ghi');
    expect(sessionTokenOf(request({ headers: { cookie: 'theme=dark' } }))).toBeUndefined();
    expect(sessionTokenOf(request({}))).toBeUndefined();
  });
});

describe('the CSRF check', () => {
  const session = 'abc.def.ghi';
  const token = csrfTokenFor(config, session);

  it('lets reads through and asks every change for the token of this very session', () => {
    expect(passesCsrfCheck(config, request({ method: 'GET' }), session)).toBe(true);
    expect(passesCsrfCheck(config, request({ method: 'HEAD' }), session)).toBe(true);
    for (const method of ['POST', 'PATCH', 'PUT', 'DELETE']) {
      expect(passesCsrfCheck(config, request({ method }), session)).toBe(false);
      expect(passesCsrfCheck(config, request({ method, headers: { 'x-csrf-token': token } }), session)).toBe(true);
      expect(passesCsrfCheck(config, request({ method, headers: { 'x-csrf-token': csrfTokenFor(config, 'another.session.token') } }), session)).toBe(false);
      expect(passesCsrfCheck(config, request({ method, headers: { 'x-csrf-token': `${token}x` } }), session)).toBe(false);
    }
  });

  it('depends on the secret: a token made under another secret fails', () => {
    expect(csrfTokenFor({ ...config, JWT_SECRET: 'b'.repeat(32) }, session)).not.toBe(token);
  });
});
