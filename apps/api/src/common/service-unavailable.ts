/** gRPC status codes of a Temporal server that does not answer (down, restarting, too slow). */
const GRPC_UNAVAILABLE = 14;
const GRPC_DEADLINE_EXCEEDED = 4;
/** Socket errors of a PostgreSQL (or Temporal) server that is down or went away mid-request. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH']);
/** SQLSTATEs of a PostgreSQL server shutting down or starting up: admin_shutdown, crash_shutdown, cannot_connect_now. */
const POSTGRES_NOT_READY = new Set(['57P01', '57P02', '57P03']);

interface MaybeCoded {
  code?: unknown;
  details?: unknown;
  message?: unknown;
  cause?: unknown;
  driverError?: unknown;
}

function unavailable(error: MaybeCoded): boolean {
  const { code } = error;
  if (typeof code === 'number') return (code === GRPC_UNAVAILABLE || code === GRPC_DEADLINE_EXCEEDED) && typeof error.details === 'string';
  if (typeof code === 'string') return SOCKET_CODES.has(code) || POSTGRES_NOT_READY.has(code) || code.startsWith('08');
  // node-postgres says so in words when the server dies under an open connection.
  return typeof error.message === 'string' && /^Connection terminated/.test(error.message);
}

/**
 * Whether a failure means that PostgreSQL or Temporal did not answer — a moment's outage the
 * same request may be retried after (503), not a fault of the request or of the code (500).
 * Looks through the wrappers TypeORM (`driverError`) and the Temporal client (`cause`) put around it.
 */
export function isServiceUnavailable(failure: unknown): boolean {
  const seen = new Set<unknown>();
  const pending: unknown[] = [failure];
  while (pending.length > 0) {
    const next = pending.pop();
    if (typeof next !== 'object' || next === null || seen.has(next)) continue;
    seen.add(next);
    const error = next as MaybeCoded;
    if (unavailable(error)) return true;
    pending.push(error.cause, error.driverError);
  }
  return false;
}
