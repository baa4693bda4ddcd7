import type { INestApplication, Type } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';

/** The controller class and method that answer one OpenAPI operation. */
export interface RouteHandler {
  controller: Type;
  handler: (...args: unknown[]) => unknown;
}

/**
 * Every controller method of the application by the operationId @nestjs/swagger gives it
 * (`<Controller>_<method>`), so that the document can be completed from the routes' own metadata.
 */
export function routeHandlersByOperationId(app: INestApplication): Map<string, RouteHandler> {
  const handlers = new Map<string, RouteHandler>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type | null;
      if (!controller) continue;
      for (const key of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[key];
        if (key !== 'constructor' && typeof handler === 'function') handlers.set(`${controller.name}_${key}`, { controller, handler: handler as RouteHandler['handler'] });
      }
    }
  }
  return handlers;
}
