import type { OpenAPIObject, OperationObject, ResponseObject } from '@nestjs/swagger';
import type { RefusalKind } from '../../../../libs/domain/src/failures.js';
import type { Role } from '../../../../libs/domain/src/roles.js';
import { PUBLIC_ROUTE, REQUIRED_ROLES, WITHOUT_SIDE_EFFECTS } from '../auth/auth.decorators.js';
import { REFUSAL_STATUS } from '../common/refusal-status.js';
import { ERROR_BODY, errorBodySchema, errorResponse } from './error-body.schema.js';
import { ANSWERS_WITHOUT_SERVICES } from './answers-without-services.decorator.js';
import { REFUSAL_KINDS_METADATA } from './refuses.decorator.js';
import type { RouteHandler } from './route-handlers.js';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;
/** Methods the session cookie alone does not authorise: they need the session's CSRF token too. */
const STATE_CHANGING = new Set(['put', 'post', 'delete', 'patch']);

const REFUSAL_REASONS: Record<RefusalKind, string> = {
  forbidden: "the caller's role may not take this step",
  'not-found': 'no such thing in your organisation',
  conflict: 'the thing is in a state that does not allow this',
  stale: 'you acted on a version that has since changed',
  unprocessable: 'information the rule needs is missing or wrong',
  unavailable: 'a service the step needs does not answer; retry',
};

/** Why each status can be answered, gathered per operation: the description lists every reason. */
class ErrorStatuses {
  private readonly reasons = new Map<number, string[]>();

  add(status: number, reason: string): void {
    const reasons = this.reasons.get(status) ?? [];
    if (!reasons.includes(reason)) reasons.push(reason);
    this.reasons.set(status, reasons);
  }

  responses(): Array<[string, ResponseObject]> {
    return [...this.reasons.entries()].sort(([a], [b]) => a - b).map(([status, reasons]) => [String(status), errorResponse(`${reasons.join('; ')}.`)]);
  }
}

function metadata<T>(key: string, route: RouteHandler): T | undefined {
  return (Reflect.getMetadata(key, route.handler) ?? Reflect.getMetadata(key, route.controller)) as T | undefined;
}

/** The statuses one operation can answer besides its success, derived from how its route is guarded and what it takes. */
function errorStatusesOf(method: string, path: string, operation: OperationObject, route: RouteHandler): ErrorStatuses {
  const statuses = new ErrorStatuses();
  const isPublic = metadata<boolean>(PUBLIC_ROUTE, route) === true;
  const roles = metadata<Role[]>(REQUIRED_ROLES, route);
  const refusals = metadata<RefusalKind[]>(REFUSAL_KINDS_METADATA, route) ?? [];
  const parameters = operation.parameters ?? [];

  if (!isPublic) {
    statuses.add(401, 'no bearer token or session, or one that is invalid or has expired');
    if (roles) statuses.add(403, `the step needs one of the roles ${roles.join(', ')}`);
    if (STATE_CHANGING.has(method) && metadata<boolean>(WITHOUT_SIDE_EFFECTS, route) !== true) statuses.add(403, 'a session (cookie) request without its X-CSRF-Token');
  }
  if (operation.requestBody) {
    statuses.add(400, 'the body is not valid JSON or breaks its schema or rules (each field named in `errors`)');
    statuses.add(413, 'the body is larger than the API accepts');
  }
  if (parameters.length > 0) statuses.add(400, 'a parameter is malformed (named in `errors` or in the message)');
  if (path.includes('{')) statuses.add(404, 'nothing with that id (or of that kind) in your organisation');
  for (const kind of refusals) {
    const { status } = REFUSAL_STATUS[kind];
    statuses.add(status, REFUSAL_REASONS[kind]);
  }
  statuses.add(500, 'an unexpected failure, logged under the `requestId` the body gives');
  // The guard reads the session from PostgreSQL (cached for a few seconds), so every authenticated route needs it.
  if (!isPublic || metadata<boolean>(ANSWERS_WITHOUT_SERVICES, route) !== true) statuses.add(503, 'PostgreSQL or Temporal does not answer at the moment; retry after `Retry-After` seconds');
  return statuses;
}

/**
 * Completes the document so that every operation lists every status it can answer, with the
 * error body's schema, and says how it is authenticated: the guard accepts a bearer token or
 * the browser's session cookie on every route not marked @Public(). Responses a route already
 * documents itself (e.g. the 401 of a wrong password) are kept as written.
 */
export function declareErrorResponses(document: OpenAPIObject, routes: ReadonlyMap<string, RouteHandler>): OpenAPIObject {
  document.components ??= {};
  document.components.schemas = { ...document.components.schemas, [ERROR_BODY]: errorBodySchema as object };
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const route = operation.operationId ? routes.get(operation.operationId) : undefined;
      if (!route) throw new Error(`no route handler for ${method.toUpperCase()} ${path} (operationId ${operation.operationId})`);
      if (metadata<boolean>(PUBLIC_ROUTE, route) === true) delete operation.security;
      else operation.security = [{ bearer: [] }, { cookie: [] }];
      for (const [status, response] of errorStatusesOf(method, path, operation, route).responses()) {
        operation.responses[status] ??= response;
      }
    }
  }
  return document;
}
