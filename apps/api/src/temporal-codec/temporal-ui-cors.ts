import type { NextFunction, Request, Response } from 'express';
import type { AppConfig } from '../../../../libs/platform/src/config.js';

export const CODEC_SERVER_PATH = '/api/temporal-codec/';

/**
 * CORS for the codec server only: the Temporal Web UI runs on an origin of its own and calls it
 * from the operator's browser, with the session cookie ("include credentials") or a bearer token
 * ("pass access token"). Only the origins in TEMPORAL_UI_ORIGINS may read its answers; every other
 * route of the API stays same-origin. A preflight is answered here, before authentication, as
 * browsers send it without credentials.
 */
export function temporalUiCors(config: Pick<AppConfig, 'TEMPORAL_UI_ORIGINS'>) {
  const allowed = new Set((config.TEMPORAL_UI_ORIGINS ?? '').split(',').filter((origin) => origin !== ''));
  return (request: Request, response: Response, next: NextFunction): void => {
    if (!request.path.startsWith(CODEC_SERVER_PATH)) return next();
    const origin = request.headers.origin;
    if (origin !== undefined) response.vary('Origin');
    const admitted = origin !== undefined && allowed.has(origin);
    if (admitted) {
      response.setHeader('Access-Control-Allow-Origin', origin);
      response.setHeader('Access-Control-Allow-Credentials', 'true');
    }
    if (request.method !== 'OPTIONS') return next();
    if (admitted) {
      response.setHeader('Access-Control-Allow-Methods', 'POST');
      response.setHeader('Access-Control-Allow-Headers', 'Content-Type, X-Namespace, Authorization');
      response.setHeader('Access-Control-Max-Age', '600');
    }
    // Without the headers above, the browser refuses the real request itself.
    response.status(204).end();
  };
}
