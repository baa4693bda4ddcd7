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

let sessionEnded: (() => void) | undefined;

/** What to do when the server says the session has ended (signed out elsewhere, deactivated, role changed, idle). */
export function onSessionEnded(handler: (() => void) | undefined): void {
  sessionEnded = handler;
}

// The server checks the session on every request: a 401 outside sign-in itself means it has ended.
const noticeEndedSession: Middleware = {
  onResponse({ request, response }) {
    if (response.status === 401 && !new URL(request.url).pathname.startsWith('/api/auth/')) sessionEnded?.();
    return response;
  },
};

/** The typed client: paths, parameters and bodies come from the API's OpenAPI document. */
export const api = createClient<ApiPaths>({ baseUrl: window.location.origin, credentials: 'same-origin' });
api.use(sendCsrfToken);
api.use(noticeEndedSession);

/** The JSON body of a successful answer, or an ApiError carrying the API's refusal. */
export async function answer<T>(request: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await request;
  if (!response.ok) throw new ApiError(response.status, (error ?? {}) as Partial<ApiErrorBody>);
  return data as T;
}
