/**
 * The OpenAPI document is valid OpenAPI 3.0 and lists, for every operation, the statuses its
 * route can answer. Validated with @seriousme/openapi-schema-validator: it checks the document
 * against the OpenAPI Initiative's own JSON Schema for 3.0 (with Ajv, which the API already
 * uses), where swagger-parser adds a dereferencing layer and a larger dependency tree we don't need.
 */
import 'reflect-metadata';
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { OpenAPIObject, OperationObject } from '@nestjs/swagger';
import { Validator } from '@seriousme/openapi-schema-validator';
import { previewOpenApiDocument } from '../../../apps/api/src/openapi/preview-openapi-document.js';

let document: OpenAPIObject;
const operations: Array<{ name: string; method: string; path: string; operation: OperationObject }> = [];

beforeAll(async () => {
  document = await previewOpenApiDocument();
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item) as Array<[string, OperationObject]>) operations.push({ name: `${method.toUpperCase()} ${path}`, method, path, operation });
  }
}, 30_000);

const statuses = (operation: OperationObject) => Object.keys(operation.responses);
const isAuthenticated = (operation: OperationObject) => (operation.security ?? []).length > 0;

describe('the OpenAPI document', () => {
  it('is valid against the OpenAPI 3.0 schema', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document) as unknown as Record<string, unknown>);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.0');
  });

  it('uses no JSON Schema 2020 keyword that OpenAPI 3.0 does not have', () => {
    const text = JSON.stringify(document);
    for (const keyword of ['"const":', '"if":', '"then":', '"$schema":', '"examples":']) expect(text).not.toContain(keyword);
    expect(text).not.toMatch(/"exclusiveM(in|ax)imum":\s*-?\d/);
  });

  it('gives every operation a success response (a redirect, for single sign-on) and a 500 with the error body', () => {
    expect(operations.length).toBeGreaterThan(50);
    const redirecting = operations.filter(({ operation }) => statuses(operation).includes('302')).map(({ name }) => name);
    expect(redirecting).toEqual(['GET /api/auth/oidc/start', 'GET /api/auth/oidc/callback']);
    for (const { name, operation } of operations) {
      const success = redirecting.includes(name) ? /^302$/ : /^2\d\d$/;
      expect({ name, success: statuses(operation).some((status) => success.test(status)) }).toEqual({ name, success: true });
      expect({ name, body: JSON.stringify(operation.responses['500']) }).toEqual({ name, body: expect.stringContaining('#/components/schemas/ErrorBody') });
    }
  });

  it('documents 401 on every authenticated operation, 400 wherever input is taken, 404 wherever the path names something', () => {
    for (const { name, path, operation } of operations) {
      const takesInput = operation.requestBody !== undefined || (operation.parameters ?? []).length > 0;
      expect({ name, documented: statuses(operation).filter((status) => ['400', '401', '404'].includes(status)) }).toEqual({
        name,
        documented: [...(takesInput ? ['400'] : []), ...(isAuthenticated(operation) || name === 'POST /api/auth/login' || name === 'POST /api/auth/session' || name === 'POST /api/auth/refresh' ? ['401'] : []), ...(path.includes('{') ? ['404'] : [])],
      });
    }
  });

  it('documents 403 on every state-changing authenticated operation (roles, the session CSRF token) and on role-restricted reads', () => {
    const forbidden = (name: string) => operations.find((candidate) => candidate.name === name)!.operation.responses['403'];
    for (const { name, method, operation } of operations) {
      if (isAuthenticated(operation) && method !== 'get') expect({ name, has403: forbidden(name) !== undefined }).toEqual({ name, has403: true });
    }
    expect(forbidden('GET /api/organisation/users')).toBeDefined();
    expect(forbidden('GET /api/notices/{id}/letters')).toBeDefined();
    expect(forbidden('GET /api/incidents/{id}')).toBeUndefined();
  });

  it('documents the statuses of the refusals a use-case can raise, and none it cannot', () => {
    const documented = (name: string) => statuses(operations.find((candidate) => candidate.name === name)!.operation);
    expect(documented('POST /api/filings/{id}/approve')).toEqual(expect.arrayContaining(['403', '404', '409', '422']));
    expect(documented('PATCH /api/incidents/{id}/facts')).toContain('409');
    expect(documented('POST /api/incidents')).toContain('422');
    expect(documented('GET /api/incidents/{id}')).not.toEqual(expect.arrayContaining(['409']));
    expect(documented('GET /api/risk/facts-schema')).toEqual(['200', '500']);
    // A route that reads the case file or asks a workflow answers 503 while PostgreSQL or Temporal is away.
    expect(documented('GET /api/incidents/{id}')).toContain('503');
  });

  it('opens public operations to callers without credentials and offers a bearer token or the session cookie elsewhere', () => {
    const security = (name: string) => operations.find((candidate) => candidate.name === name)!.operation.security;
    expect(security('GET /api/risk/facts-schema')).toBeUndefined();
    expect(security('POST /api/auth/login')).toBeUndefined();
    expect(security('POST /api/risk/assess')).toEqual([{ bearer: [] }, { cookie: [] }]);
  });
});
