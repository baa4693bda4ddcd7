import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import type { AppConfig } from '../../../../libs/platform/src/config.js';

/**
 * What an answer of the API itself may do in a browser: nothing. JSON and CSV load no script,
 * style or frame, and nothing frames them. Routes that answer a document (a filing's preview,
 * a notice's preview, a public notice, the web app's pages) set a policy of their own, which
 * replaces this one.
 */
export const API_CSP_DIRECTIVES = {
  'default-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};

/** One year, as HSTS preload lists ask; only ever sent when people reach us over HTTPS. */
const HSTS_MAX_AGE_SECONDS = 365 * 24 * 3600;

/** Paths whose answers carry (or may carry) personal data, so no browser or proxy may keep a copy. */
const PRIVATE_PATHS = /^\/(api|health|dev)(\/|$)/;

/** The OpenAPI UI loads its own scripts and styles; in production it is not served at all. */
const OPENAPI_UI = /^\/api\/docs(\/|$)/;

/** Whether browsers reach this API over HTTPS: PUBLIC_URL says so (TLS ends at a proxy in front of us). */
export const servedOverHttps = (config: AppConfig): boolean => config.PUBLIC_URL.startsWith('https:');

/**
 * helmet's headers on every answer (nosniff, frame and referrer policies, cross-origin isolation,
 * a deny-all Content-Security-Policy for the API's own answers, HSTS behind HTTPS), and
 * `Cache-Control: no-store` on every answer under /api, /health and /dev unless its route says
 * otherwise. Must run before the routes, which may replace a header for what they serve.
 */
export function securityHeaders(config: AppConfig): RequestHandler[] {
  const common = {
    strictTransportSecurity: servedOverHttps(config) ? { maxAge: HSTS_MAX_AGE_SECONDS, includeSubDomains: true } : false,
    // The web app frames the API's previews of filings and notices; nothing else may frame anything.
    xFrameOptions: { action: 'sameorigin' },
    referrerPolicy: { policy: 'no-referrer' },
  } as const;
  const strict = helmet({ ...common, contentSecurityPolicy: { useDefaults: false, directives: API_CSP_DIRECTIVES } });
  const openApiUi = helmet({ ...common, contentSecurityPolicy: false });
  const headers = (request: Request, response: Response, next: NextFunction) =>
    (OPENAPI_UI.test(request.path) ? openApiUi : strict)(request, response, next);
  const noStore = (request: Request, response: Response, next: NextFunction) => {
    if (PRIVATE_PATHS.test(request.path)) response.setHeader('Cache-Control', 'no-store');
    next();
  };
  return [headers, noStore];
}
