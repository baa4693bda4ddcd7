import { NestFactory } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { loadConfig } from '../../../../libs/platform/src/config.js';
import { AppModule } from '../app.module.js';
import { openApiDocument } from './openapi-document.js';

/**
 * The API's OpenAPI document without a database or Temporal: Nest's preview mode builds the
 * module graph (controllers, routes, decorators) without instantiating any provider.
 */
export async function previewOpenApiDocument(): Promise<OpenAPIObject> {
  // Placeholders only: in preview mode no provider reads them, and nothing connects anywhere.
  const config = loadConfig({
    NODE_ENV: 'production',
    DATABASE_URL: 'postgres://preview.invalid/none',
    TEMPORAL_ADDRESS: 'preview.invalid:7233',
    JWT_SECRET: 'x'.repeat(32),
    PAYLOAD_ENCRYPTION_KEY: Buffer.alloc(32).toString('base64'),
    AUDIT_HMAC_KEY: Buffer.alloc(32).toString('base64'),
    TEMPORAL_UPDATE_SIGNING_KEY: Buffer.alloc(32).toString('base64'),
  });
  const app = await NestFactory.create(AppModule.forRoot(config), { preview: true, logger: false, abortOnError: false });
  try {
    return openApiDocument(app);
  } finally {
    await app.close();
  }
}
