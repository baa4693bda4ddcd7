import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateRiskFacts, type RiskFacts } from '../../libs/domain/src/risk/risk-facts.js';
import { projectRoot } from './services.js';

const FIXTURE = 'test/fixtures/risk-cases.json';

/** The facts of the published cases the risk model is validated on (the project's own fixture). */
export function publishedCaseFacts(): { facts: RiskFacts[]; source: string } {
  const cases = JSON.parse(readFileSync(join(projectRoot(), FIXTURE), 'utf8')) as Array<{ id: string; facts: unknown }>;
  const facts = cases.map((entry) => {
    const validation = validateRiskFacts(entry.facts);
    if (!validation.ok) throw new Error(`${FIXTURE}: case ${entry.id} has facts outside the contract`);
    return validation.value;
  });
  return { facts, source: `the ${facts.length} published cases' \`facts\` (\`${FIXTURE}\`)` };
}
