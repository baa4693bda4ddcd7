import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { declareErrorResponses } from './error-responses.js';
import { toOas30Document } from './oas30-schema.js';
import { routeHandlersByOperationId } from './route-handlers.js';

/**
 * The API's OpenAPI 3.0 document: served at /api/docs and, at build time, the source of the web
 * app's typed client. Every operation lists every status it can answer (see error-responses.ts).
 */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('breachflow API')
      .setDescription('Personal data breach notification and risk assessment (GDPR Art. 32-34)')
      .setVersion('0.1.0')
      .addBearerAuth()
      .addCookieAuth('breachflow_session')
      .build(),
  );
  return toOas30Document(declareErrorResponses(document, routeHandlersByOperationId(app)));
}
