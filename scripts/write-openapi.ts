// Writes the API's OpenAPI document at build time, without a database or Temporal.
import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { previewOpenApiDocument } from '../apps/api/src/openapi/preview-openapi-document.js';

const [target] = process.argv.slice(2);
if (!target) throw new Error('usage: write-openapi.js <output.json>');

const document = await previewOpenApiDocument();
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, `${JSON.stringify(document, null, 2)}\n`);
