// Writes the API's OpenAPI document without a database or Temporal: Nest's preview mode builds
// the module graph (controllers, routes, decorators) without instantiating any provider.
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppModule } from '../apps/api/src/app.module.js';
import { openApiDocument } from '../apps/api/src/openapi/openapi-document.js';
import { loadConfig } from '../libs/platform/src/config.js';

const [target] = process.argv.slice(2);
if (!target) throw new Error('usage: write-openapi.js <output.json>');

// Placeholders only: in preview mode no provider reads them, and nothing connects anywhere.
const config = loadConfig({
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://preview.invalid/none',
  TEMPORAL_ADDRESS: 'preview.invalid:7233',
  JWT_SECRET: 'x'.repeat(32),
  PAYLOAD_ENCRYPTION_KEY: Buffer.alloc(32).toString('base64'),
});
const app = await NestFactory.create(AppModule.forRoot(config), { preview: true, logger: false, abortOnError: false });
const document = openApiDocument(app);
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, `${JSON.stringify(document, null, 2)}\n`);
await app.close();
