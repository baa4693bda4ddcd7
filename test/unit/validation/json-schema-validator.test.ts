import { describe, expect, it } from '@jest/globals';
import { compileValidator } from '../../../libs/domain/src/validation/json-schema-validator.js';

const validate = compileValidator<{ name: string; when: string; tags?: string[] }>({
  type: 'object',
  additionalProperties: false,
  required: ['name', 'when'],
  properties: {
    name: { type: 'string', minLength: 1 },
    when: { type: 'string', format: 'date-time' },
    tags: { type: 'array', items: { enum: ['a', 'b'] } },
  },
});

describe('the JSON Schema validator names each bad field', () => {
  it('accepts a valid body', () => {
    expect(validate({ name: 'x', when: '2026-11-24T08:00:00+01:00' })).toEqual({
      ok: true,
      value: { name: 'x', when: '2026-11-24T08:00:00+01:00' },
    });
  });

  it('names a missing field, an unknown field and a bad array item', () => {
    const result = validate({ when: 'yesterday', extra: 1, tags: ['a', 'z'] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.field).sort()).toEqual(['extra', 'name', 'tags[1]', 'when']);
  });

  it('rejects a date-time without an offset', () => {
    const result = validate({ name: 'x', when: '2026-11-24T08:00:00' });
    expect(result.ok).toBe(false);
  });
});
