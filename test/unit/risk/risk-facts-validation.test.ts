import { describe, expect, it } from '@jest/globals';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { riskFactsSchema, validateRiskFacts, type RiskFacts } from '../../../libs/domain/src/risk/index.js';

const validFacts = (): RiskFacts => ({
  breach: {
    confidentiality: { exposure: 'known-recipients', recipientsTrusted: false },
    malicious: false,
  },
  data: { categories: ['identity', 'health'], identifiability: 'maximum', protection: 'none' },
  subjects: { approxCount: 12, categories: ['patients'] },
  controller: { sector: 'healthcare' },
});

function fieldsRejected(input: unknown): string[] {
  const result = validateRiskFacts(input);
  if (result.ok) throw new Error('expected the facts to be rejected');
  return result.errors.map((error) => error.field);
}

describe('the risk facts contract', () => {
  it('is a JSON Schema (draft 2020-12) that a strict validator accepts as it is, for other systems to use', () => {
    const strict = new Ajv2020({ strict: true, allErrors: true, validateFormats: false });
    expect(() => strict.compile(JSON.parse(JSON.stringify(riskFactsSchema)))).not.toThrow();
    expect(riskFactsSchema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('accepts complete, valid facts as they are', () => {
    expect(validateRiskFacts(validFacts())).toEqual({ ok: true, value: validFacts() });
  });

  it.each([
    ['at the top level', (facts: Record<string, any>) => (facts.reporter = 'x'), 'reporter'],
    ['in the breach', (facts: Record<string, any>) => (facts.breach.cause = 'phishing'), 'breach.cause'],
    ['in the confidentiality loss', (facts: Record<string, any>) => (facts.breach.confidentiality.count = 3), 'breach.confidentiality.count'],
    ['in the data', (facts: Record<string, any>) => (facts.data.records = 100), 'data.records'],
    ['in the subjects', (facts: Record<string, any>) => (facts.subjects.names = ['A']), 'subjects.names'],
    ['in the controller', (facts: Record<string, any>) => (facts.controller.name = 'Region X'), 'controller.name'],
  ])('rejects an unknown field %s and names it', (_where, addField, field) => {
    const facts = validFacts() as unknown as Record<string, any>;
    addField(facts);
    expect(fieldsRejected(facts)).toEqual([field]);
  });

  it.each([
    ['breach', (facts: Record<string, any>) => delete facts.breach],
    ['data', (facts: Record<string, any>) => delete facts.data],
    ['subjects', (facts: Record<string, any>) => delete facts.subjects],
    ['controller', (facts: Record<string, any>) => delete facts.controller],
    ['breach.malicious', (facts: Record<string, any>) => delete facts.breach.malicious],
    ['breach.confidentiality.exposure', (facts: Record<string, any>) => delete facts.breach.confidentiality.exposure],
    ['data.categories', (facts: Record<string, any>) => delete facts.data.categories],
    ['data.identifiability', (facts: Record<string, any>) => delete facts.data.identifiability],
    ['data.protection', (facts: Record<string, any>) => delete facts.data.protection],
    ['subjects.approxCount', (facts: Record<string, any>) => delete facts.subjects.approxCount],
    ['subjects.categories', (facts: Record<string, any>) => delete facts.subjects.categories],
    ['controller.sector', (facts: Record<string, any>) => delete facts.controller.sector],
  ])('names the required field %s when it is missing', (field, removeField) => {
    const facts = validFacts() as unknown as Record<string, any>;
    removeField(facts);
    expect(fieldsRejected(facts)).toEqual([field]);
  });

  it('names the required fields of an integrity and an availability loss', () => {
    const facts = validFacts() as unknown as Record<string, any>;
    facts.breach.integrity = {};
    facts.breach.availability = {};
    expect(fieldsRejected(facts).sort()).toEqual([
      'breach.availability.backupRestorable',
      'breach.availability.permanentLoss',
      'breach.integrity.possiblyMisused',
      'breach.integrity.recoverable',
    ]);
  });

  it('names a data category outside the list by its position', () => {
    const facts = validFacts() as unknown as Record<string, any>;
    facts.data.categories = ['identity', 'shoe-size'];
    expect(fieldsRejected(facts)).toEqual(['data.categories[1]']);
  });

  it('rejects an empty or repeated category list, a count below one and negative hours', () => {
    const facts = validFacts() as unknown as Record<string, any>;
    facts.data.categories = [];
    facts.subjects.categories = ['patients', 'patients'];
    facts.subjects.approxCount = 0;
    facts.breach.availability = { permanentLoss: false, backupRestorable: true, hoursUnavailable: -1 };
    expect(fieldsRejected(facts).sort()).toEqual([
      'breach.availability.hoursUnavailable',
      'data.categories',
      'subjects.approxCount',
      'subjects.categories',
    ]);
  });

  it('rejects something that is not an object at all', () => {
    expect(fieldsRejected([1, 2])).toEqual(['(body)']);
  });
});
