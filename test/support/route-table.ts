import type { INestApplication } from '@nestjs/common';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import type { OpenAPIObject, OperationObject, ParameterObject } from '@nestjs/swagger';
import { PUBLIC_ROUTE, REQUIRED_ROLES } from '../../apps/api/src/auth/auth.decorators.js';
import { routeHandlersByOperationId, type RouteHandler } from '../../apps/api/src/openapi/route-handlers.js';
import { REFUSAL_KINDS_METADATA } from '../../apps/api/src/openapi/refuses.decorator.js';
import type { RefusalKind } from '../../libs/domain/src/failures.js';
import type { Role } from '../../libs/domain/src/roles.js';

/** One route as Nest serves it, with how the AuthGuard treats it and, when documented, its OpenAPI operation. */
export interface ApiRoute {
  method: string;
  /** OpenAPI style: `/api/incidents/{id}/tracks/{kind}/screening`. */
  path: string;
  operationId: string;
  isPublic: boolean;
  /** The @Roles of the route; undefined admits every signed-in role. */
  roles: readonly Role[] | undefined;
  /** The refusals its use-case declares (@Refuses): the business reasons a permitted role may still be refused for. */
  refusals: readonly RefusalKind[];
  pathParameters: string[];
  /** Undefined for a route kept out of the document (e.g. @ApiExcludeController): it is in the matrix all the same. */
  operation: OperationObject | undefined;
}

const guardMetadata = <T>(key: string, route: RouteHandler): T | undefined =>
  (Reflect.getMetadata(key, route.handler) ?? Reflect.getMetadata(key, route.controller)) as T | undefined;

const segments = (path: string | string[] | undefined): string[] => (Array.isArray(path) ? path : [path ?? '']).map((part) => part.replace(/^\/+|\/+$/g, ''));

/**
 * Every route of the running application, read from Nest's own route metadata (the table the
 * router is built from), not from the OpenAPI document, so a route hidden from the document is
 * still listed. Roles and public marks are read exactly as the AuthGuard reads them.
 */
export function apiRouteTable(app: INestApplication, document: OpenAPIObject): ApiRoute[] {
  const operations = new Map<string, OperationObject>();
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item) as OperationObject[]) if (operation?.operationId) operations.set(operation.operationId, operation);
  }
  const routes: ApiRoute[] = [];
  for (const [operationId, route] of routeHandlersByOperationId(app)) {
    const methodPath = Reflect.getMetadata(PATH_METADATA, route.handler) as string | string[] | undefined;
    if (methodPath === undefined) continue; // a helper method, not a route
    const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, route.handler) as RequestMethod];
    for (const controllerPath of segments(Reflect.getMetadata(PATH_METADATA, route.controller))) {
      for (const handlerPath of segments(methodPath)) {
        const path = `/${[controllerPath, handlerPath].filter(Boolean).join('/')}`.replace(/:(\w+)/g, '{$1}');
        routes.push({
          method,
          path,
          operationId,
          isPublic: guardMetadata<boolean>(PUBLIC_ROUTE, route) === true,
          roles: guardMetadata<Role[]>(REQUIRED_ROLES, route),
          refusals: guardMetadata<RefusalKind[]>(REFUSAL_KINDS_METADATA, route) ?? [],
          pathParameters: [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!),
          operation: operations.get(operationId),
        });
      }
    }
  }
  return routes;
}

/** The documented parameter of a route, for its enum or whether it is required. */
export function documentedParameter(route: ApiRoute, name: string, location: 'path' | 'query'): ParameterObject | undefined {
  return (route.operation?.parameters as ParameterObject[] | undefined)?.find((parameter) => parameter.in === location && parameter.name === name);
}

/** The values a documented parameter's schema allows (its enum, or its items' enum for an array). */
export function enumOf(parameter: ParameterObject | undefined): string[] | undefined {
  const schema = parameter?.schema as { enum?: string[]; items?: { enum?: string[] } } | undefined;
  return schema?.enum ?? schema?.items?.enum;
}
