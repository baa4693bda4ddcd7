import { assessRisk, validateRiskFacts, type Assessment, type RiskFacts } from '../../../libs/domain/src/risk/index.js';
import type { FieldError } from '../../../libs/domain/src/validation/field-error.js';

// The assess command: risk facts in a JSON file → assessments as JSON. Kept free of process and
// file-system access so that every path through it can be tested with a fake file reader.

export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Reads a file as UTF-8 text; throws when it cannot. */
export type ReadTextFile = (path: string) => string;

const USAGE = 'Usage: assess FILE.json\n  FILE.json holds one RiskFacts object or an array of them.\n';
/** Exit code for any input the command cannot assess: missing, unreadable, not JSON, or not valid facts. */
const BAD_INPUT = 2;

const failure = (message: string): CliResult => ({ exitCode: BAD_INPUT, stdout: '', stderr: message });
const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** `argv` as process.argv gives it: the file path is argv[2]. */
export function runAssessCli(argv: readonly string[], readFile: ReadTextFile): CliResult {
  const path = argv[2];
  if (path === undefined || path === '') return failure(USAGE);

  let text: string;
  try {
    text = readFile(path);
  } catch (error) {
    return failure(`Cannot read ${path}: ${reasonOf(error)}\n`);
  }

  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    return failure(`${path} is not valid JSON: ${reasonOf(error)}\n`);
  }

  const items: unknown[] = Array.isArray(input) ? input : [input];
  const problems: string[] = [];
  const valid: RiskFacts[] = [];
  items.forEach((item, index) => {
    const result = validateRiskFacts(item);
    if (result.ok) valid.push(result.value);
    else problems.push(...result.errors.map((error) => describeProblem(error, Array.isArray(input) ? index : undefined)));
  });
  if (problems.length > 0) {
    const what = Array.isArray(input) ? 'Some risk facts' : 'The risk facts';
    return failure(`${what} in ${path} do not match the schema:\n${problems.map((line) => `  ${line}\n`).join('')}`);
  }

  const assessments: Assessment[] = valid.map(assessRisk);
  const output = Array.isArray(input) ? assessments : assessments[0];
  return { exitCode: 0, stdout: `${JSON.stringify(output, null, 2)}\n`, stderr: '' };
}

/** "[2].data.categories[0]: must be one of …", or without the index for a single object. */
function describeProblem(error: FieldError, index: number | undefined): string {
  if (index === undefined) return `${error.field}: ${error.message}`;
  const field = error.field === '(body)' ? `[${index}]` : `[${index}].${error.field}`;
  return `${field}: ${error.message}`;
}
