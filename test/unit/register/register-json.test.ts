import { describe, expect, it } from '@jest/globals';
import { registerToJson } from '../../../libs/domain/src/register/register-json.js';
import type { RegisterEntry } from '../../../libs/domain/src/register/register-entry.js';
import { registerEntry } from './register-fixtures.js';

/** The same entry with its keys inserted in reverse order. */
const reversedKeys = <T extends object>(value: T): T => Object.fromEntries(Object.entries(value).reverse()) as T;

describe('the register as JSON', () => {
  const first = registerEntry({ incidentId: 'a', reference: 'INC-1', awareAt: '2026-11-01T00:00:00.000Z' });
  const second = registerEntry({ incidentId: 'b', reference: 'INC-2', awareAt: '2026-11-02T00:00:00.000Z' });

  it('gives the same bytes whatever order entries, keys and unordered lists come in', () => {
    const shuffled: RegisterEntry = {
      ...reversedKeys(second),
      dataCategories: [...second.dataCategories].reverse(),
      decisions: [...second.decisions].reverse().map(reversedKeys),
      assessment: reversedKeys(second.assessment!),
    };
    expect(registerToJson([shuffled, first])).toBe(registerToJson([first, second]));
  });

  it('lists entries oldest awareness first, keys in the documented order', () => {
    const parsed = JSON.parse(registerToJson([second, first])) as RegisterEntry[];
    expect(parsed.map((entry) => entry.reference)).toEqual(['INC-1', 'INC-2']);
    expect(Object.keys(parsed[0]).slice(0, 5)).toEqual(['incidentId', 'reference', 'title', 'status', 'awareAt']);
    expect(Object.keys(parsed[0]).at(-1)).toBe('closedAt');
    expect(parsed[0].decisions.map((decision) => decision.what)).toEqual(['Drafted the initial report', 'Approved the initial report']);
  });

  it('keeps the reasons for delay in the order they were given', () => {
    const entry = registerEntry({ delayReasons: ['Second, the scope.', 'First, the weekend.'] });
    expect((JSON.parse(registerToJson([entry])) as RegisterEntry[])[0].delayReasons).toEqual(['Second, the scope.', 'First, the weekend.']);
  });

  it('exports only register fields, absent ones as null', () => {
    const withExtras = { ...registerEntry(), contactEmail: 'anna@example.test', containedAt: undefined } as unknown as RegisterEntry;
    const json = registerToJson([withExtras]);
    expect(json).not.toContain('anna@example.test');
    expect((JSON.parse(json) as RegisterEntry[])[0].containedAt).toBeNull();
  });

  it('is indented JSON ending in a newline; an empty register is an empty array', () => {
    expect(registerToJson([])).toBe('[]\n');
    const json = registerToJson([first]);
    expect(json.endsWith('}\n]\n')).toBe(true);
    expect(json).toContain('\n  {\n    "incidentId": "a",');
  });
});
