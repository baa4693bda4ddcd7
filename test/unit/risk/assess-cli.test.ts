import { describe, expect, it } from '@jest/globals';
import { runAssessCli } from '../../../apps/cli/src/assess-command.js';
import { assessRisk, type RiskFacts } from '../../../libs/domain/src/risk/index.js';

const stolenLaptop: RiskFacts = {
  breach: { confidentiality: { exposure: 'unknown-recipients' }, malicious: true },
  data: { categories: ['identity', 'health'], identifiability: 'maximum', protection: 'none' },
  subjects: { approxCount: 300, categories: ['patients'] },
  controller: { sector: 'healthcare' },
};
const encryptedStick: RiskFacts = {
  ...stolenLaptop,
  data: { ...stolenLaptop.data, protection: 'encrypted-key-safe' },
};

/** Runs the command on one in-memory file, as `assess facts.json` would on disk. */
const run = (content: string | Error, argv = ['node', 'assess.js', 'facts.json']) =>
  runAssessCli(argv, (path) => {
    expect(path).toBe('facts.json');
    if (content instanceof Error) throw content;
    return content;
  });

describe('the assess command', () => {
  it('prints the assessment of one facts object as JSON and exits 0', () => {
    const result = run(JSON.stringify(stolenLaptop));
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual(assessRisk(stolenLaptop));
    expect(result.stdout).toContain('\n  "outcome": "high-risk"');
  });

  it('prints an array of assessments, in order, for an array of facts', () => {
    const result = run(JSON.stringify([stolenLaptop, encryptedStick]));
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([assessRisk(stolenLaptop), assessRisk(encryptedStick)]);
  });

  it('rejects invalid facts with exit code 2, naming each bad field and nothing on stdout', () => {
    const invalid = { ...stolenLaptop, data: { ...stolenLaptop.data, categories: ['identity', 'shoe-size'] }, reporter: 'Eva' };
    const result = run(JSON.stringify(invalid));
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('facts.json');
    expect(result.stderr).toContain('  data.categories[1]: must be one of:');
    expect(result.stderr).toContain('  reporter: is not an allowed field');
  });

  it('names the array index of each invalid item and assesses none of them', () => {
    const withoutSector = { ...stolenLaptop, controller: {} };
    const result = run(JSON.stringify([stolenLaptop, withoutSector, 'not facts']));
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('  [1].controller.sector: is required');
    expect(result.stderr).toContain('  [2]: must be object');
    expect(result.stderr).not.toContain('[0]');
  });

  it('exits 2 with a message when the file cannot be read', () => {
    const result = run(new Error('ENOENT: no such file or directory'));
    expect(result).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: 'Cannot read facts.json: ENOENT: no such file or directory\n',
    });
  });

  it('exits 2 with a message when the file is not JSON', () => {
    const result = run('{ "breach": ');
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^facts\.json is not valid JSON: /);
  });

  it('exits 2 with its usage when no file is given', () => {
    const result = runAssessCli(['node', 'assess.js'], () => {
      throw new Error('must not read');
    });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^Usage: assess FILE\.json/);
  });
});
