import createClient, { type Middleware } from 'openapi-fetch';
import { ApiError, type ApiErrorBody } from './api-error.js';
import type { ApiPaths } from './response-bodies.js';

let csrfToken: string | undefined;

/** The session's CSRF token (from sign-in or GET /api/auth/session); every change sends it. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

const sendCsrfToken: Middleware = {
  onRequest({ request }) {
    if (request.method !== 'GET' && request.method !== 'HEAD' && csrfToken) request.headers.set('X-CSRF-Token', csrfToken);
    return request;
  },
};

/** The typed client: paths, parameters and bodies come from the API's OpenAPI document. */
export const api = createClient<ApiPaths>({ baseUrl: window.location.origin, credentials: 'same-origin' });
api.use(sendCsrfToken);

/** The JSON body of a successful answer, or an ApiError carrying the API's refusal. */
export async function answer<T>(request: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await request;
  if (!response.ok) throw new ApiError(response.status, (error ?? {}) as Partial<ApiErrorBody>);
  return data as T;
}
