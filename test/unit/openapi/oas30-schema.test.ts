/** JSON Schema 2020 features rewritten for OpenAPI 3.0 keep their meaning. */
import { describe, expect, it } from '@jest/globals';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { toOas30Schema } from '../../../apps/api/src/openapi/oas30-schema.js';

describe('toOas30Schema', () => {
  it('turns const into a one-value enum and a numeric exclusive bound into a flagged bound', () => {
    expect(toOas30Schema({ type: 'object', properties: { track: { const: 'nis2' }, rate: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 10 } } })).toEqual({
      type: 'object',
      properties: { track: { enum: ['nis2'] }, rate: { type: 'number', minimum: 0, exclusiveMinimum: true, maximum: 10, exclusiveMaximum: true } },
    });
  });

  it('expresses null as nullable: in a type list, beside a type, beside an enum, beside alternatives', () => {
    expect(toOas30Schema({ type: ['string', 'null'], maxLength: 5 })).toEqual({ type: 'string', nullable: true, maxLength: 5 });
    expect(toOas30Schema({ description: 'cleared with null', anyOf: [{ type: 'string' }, { type: 'null' }] })).toEqual({ description: 'cleared with null', type: 'string', nullable: true });
    expect(toOas30Schema({ anyOf: [{ enum: ['a', 'b'] }, { type: 'null' }] })).toEqual({ enum: ['a', 'b', null], nullable: true });
    expect(toOas30Schema({ anyOf: [{ oneOf: [{ type: 'string' }, { type: 'object' }] }, { type: 'null' }] })).toEqual({ oneOf: [{ type: 'string', nullable: true }, { type: 'object' }] });
  });

  it('refuses a null it cannot express rather than dropping it', () => {
    expect(() => toOas30Schema({ anyOf: [{ $ref: '#/components/schemas/X' }, { type: 'null' }] })).toThrow(/cannot express/);
  });

  it('drops $schema and $id, and makes boolean subschemas objects', () => {
    expect(toOas30Schema({ $schema: 'https://json-schema.org/draft/2020-12/schema', $id: 'x', type: 'object', properties: { any: true, none: false }, additionalProperties: false })).toEqual({
      type: 'object',
      properties: { any: {}, none: { not: {} } },
      additionalProperties: false,
    });
  });

  it('rewrites if/then/else into anyOf and not that accept exactly the same values', () => {
    const original = {
      type: 'object',
      properties: { decision: { enum: ['informed', 'will-inform'] }, informedAt: { type: 'string' }, plannedAt: { type: 'string' } },
      allOf: [{ if: { properties: { decision: { const: 'informed' } } }, then: { required: ['informedAt'] }, else: { required: ['plannedAt'] } }],
    };
    const rewritten = toOas30Schema(original);
    expect(JSON.stringify(rewritten)).not.toMatch(/"(if|then|else|const)"/);
    const ajv = new Ajv2020({ strict: false });
    const [before, after] = [ajv.compile(original), ajv.compile(rewritten)];
    const values = [{ decision: 'informed' }, { decision: 'informed', informedAt: 'x' }, { decision: 'will-inform' }, { decision: 'will-inform', plannedAt: 'y' }, { decision: 'will-inform', informedAt: 'x' }, {}];
    expect(values.map((value) => after(value))).toEqual(values.map((value) => before(value)));
    expect(values.map((value) => after(value))).toEqual([false, true, false, true, false, false]);
  });
});
