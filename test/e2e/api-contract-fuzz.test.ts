/**
 * The API keeps its OpenAPI contract under fuzzing: Schemathesis generates requests for every
 * operation of the served document (valid and invalid ones), authenticated as a DPO of a seeded
 * organisation, against the API on real PostgreSQL and Temporal. Any 500, any status the document
 * does not declare, or any error body off its schema fails the test with Schemathesis's report.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { resolveSchemathesis } from '../../scripts/schemathesis.mjs';
import { newIncidentBody } from '../support/incident-bodies.js';
import { SystemUnderTest } from '../support/system-under-test.js';

/** Cases per operation and phase (the stateful phase chains calls on the links Schemathesis infers); about 90 s on two cores. */
const MAX_EXAMPLES = Number(process.env.SCHEMATHESIS_MAX_EXAMPLES ?? 12);
const CHECKS = ['not_a_server_error', 'status_code_conformance', 'response_schema_conformance'];

let system: SystemUnderTest;
let token: string;

beforeAll(async () => {
  system = await SystemUnderTest.start();
  const org = await system.organisation();
  token = await system.login(org, 'dpo');
  // Something to find: list and search operations then answer with data, not only empty pages.
  const created = await system.request('POST', '/api/incidents', { token, body: newIncidentBody() });
  expect(created.status).toBe(201);
}, 60_000);

afterAll(async () => {
  await system?.stop();
});

function runSchemathesis(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(resolveSchemathesis(), args, { env: { ...process.env, NO_COLOR: '1', COLUMNS: '160' } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe('the API contract under fuzzing', () => {
  it('answers every generated request with a documented status and body, never a server error', async () => {
    const { code, output } = await runSchemathesis([
      'run',
      `${system.baseUrl}/api/docs/openapi.json`,
      '--url',
      system.baseUrl,
      '--header',
      `Authorization: Bearer ${token}`,
      '--checks',
      CHECKS.join(','),
      '--max-examples',
      String(MAX_EXAMPLES),
      '--phases',
      'examples,coverage,fuzzing,stateful',
      '--workers',
      '2',
      '--request-timeout',
      '20',
      '--suppress-health-check',
      'all',
      '--no-color',
    ]);
    // The summary (operations, test cases, failures) goes to the log; a failure shows the whole report.
    console.log(output.slice(output.lastIndexOf('SUMMARY')));
    expect({ code, report: code === 0 ? 'passed' : output }).toEqual({ code: 0, report: 'passed' });
    // Every operation of the document was tested, none skipped for want of a schema it could read.
    const [, selected, total] = /Selected: (\d+)\/(\d+)/.exec(output) ?? [];
    const [, tested] = /Tested: (\d+)/.exec(output) ?? [];
    const [, generated] = /(\d+) generated/.exec(output) ?? [];
    expect({ selected, tested }).toEqual({ selected: total, tested: total });
    expect(Number(generated)).toBeGreaterThan(Number(total) * MAX_EXAMPLES);
  }, 300_000);
});
