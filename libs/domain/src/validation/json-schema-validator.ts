import { Ajv2020, type ErrorObject, type SchemaObject } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { FieldError } from './field-error.js';

// ajv-formats ships CommonJS; under ESM its default export arrives wrapped.
type FormatsPlugin = (ajv: Ajv2020, formats: string[]) => Ajv2020;
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as FormatsPlugin;

export type Validation<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };
export type Validator<T> = (input: unknown) => Validation<T>;

const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
addFormats(ajv, ['date-time', 'email', 'uuid']);

/** Turns ajv's JSON-pointer paths into the dotted field names a person reads in an error. */
function fieldOf(error: ErrorObject): string {
  const segments = error.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (error.keyword === 'additionalProperties') segments.push(String(error.params.additionalProperty));
  if (error.keyword === 'required') segments.push(String(error.params.missingProperty));
  return segments.reduce((path, s) => (/^\d+$/.test(s) ? `${path}[${s}]` : path ? `${path}.${s}` : s), '') || '(body)';
}

function messageOf(error: ErrorObject): string {
  switch (error.keyword) {
    case 'additionalProperties':
      return 'is not an allowed field';
    case 'required':
      return 'is required';
    case 'enum':
      return `must be one of: ${(error.params.allowedValues as unknown[]).join(', ')}`;
    case 'format':
      return error.params.format === 'date-time'
        ? 'must be an ISO-8601 date-time with a UTC offset, e.g. 2026-11-24T08:30:00+01:00'
        : `must be a valid ${error.params.format}`;
    default:
      return error.message ?? 'is invalid';
  }
}

/** Compiles a JSON Schema (draft 2020-12) once; the returned function names every bad field. */
export function compileValidator<T>(schema: SchemaObject): Validator<T> {
  const validate = ajv.compile(schema);
  return (input: unknown) => {
    if (validate(input)) return { ok: true, value: input as T };
    const seen = new Set<string>();
    const errors: FieldError[] = [];
    for (const error of validate.errors ?? []) {
      // oneOf/anyOf branches repeat the same complaint; keep the first per field and keyword.
      if (error.keyword === 'oneOf' || error.keyword === 'anyOf' || error.keyword === 'if') continue;
      const field = fieldOf(error);
      const key = `${field}\u0000${error.keyword}`;
      if (seen.has(key)) continue;
      seen.add(key);
      errors.push({ field, message: messageOf(error) });
    }
    return { ok: false, errors };
  };
}
