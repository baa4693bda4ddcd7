import type { RiskFacts } from '../../../libs/domain/src/risk/index.js';

type DeepPartial<T> = {
  [K in keyof T]?: NonNullable<T[K]> extends unknown[]
    ? T[K]
    : NonNullable<T[K]> extends object
      ? DeepPartial<NonNullable<T[K]>>
      : T[K];
};

/**
 * A plain starting point for rule tests: one misdirected letter with a customer's name and
 * address, sent by mistake to a stranger at an ordinary company. Each test changes only what
 * its rule is about, so the test reads as the rule.
 */
export function breachFacts(changes: DeepPartial<RiskFacts> = {}): RiskFacts {
  const plain: RiskFacts = {
    breach: { confidentiality: { exposure: 'known-recipients' }, malicious: false },
    data: { categories: ['identity', 'contact'], volumePerSubject: 'limited', identifiability: 'maximum', protection: 'none' },
    subjects: { approxCount: 1, categories: ['customers'] },
    controller: { sector: 'other' },
  };
  return withChanges(plain, changes);
}

/** A copy of the facts with some values changed deeply; a value of undefined removes that key. */
export function withChanges(facts: RiskFacts, changes: DeepPartial<RiskFacts>): RiskFacts {
  return merge(structuredClone(facts), changes) as RiskFacts;
}

function merge(base: unknown, changes: unknown): unknown {
  if (changes === undefined) return base;
  if (Array.isArray(changes) || changes === null || typeof changes !== 'object') return changes;
  const result: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete result[key];
    else result[key] = merge(result[key], value);
  }
  return result;
}
