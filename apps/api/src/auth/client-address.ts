import type { Request } from 'express';

/**
 * The client's address sign-in failures are counted against: Express's `request.ip`, which follows
 * X-Forwarded-For only through the proxies TRUST_PROXY names (create-api-app.ts), so a client cannot
 * pick a fresh address per guess by sending the header itself.
 */
export function clientAddressOf(request: Request): string {
  return request.ip ?? request.socket.remoteAddress ?? 'unknown';
}
