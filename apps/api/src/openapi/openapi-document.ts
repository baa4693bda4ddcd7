import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';

/** The API's OpenAPI document: served at /api/docs and, at build time, the source of the web app's typed client. */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('breachflow API')
      .setDescription('Personal data breach notification and risk assessment (GDPR Art. 32-34)')
      .setVersion('0.1.0')
      .addBearerAuth()
      .addCookieAuth('breachflow_session')
      .build(),
  );
}
