// The two README commands start here, in plain JavaScript so they run before anything is
// installed: `npm start` and `npm test` each install what is missing, build, then run.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveChromium } from './chromium.mjs';
import { resolveSchemathesis } from './schemathesis.mjs';
import { projectRoot, resolveTemporalBinaries } from './temporal-binaries.mjs';

const say = (message) => console.error(`[breachflow] ${message}`);

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: projectRoot, stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function ensureDependencies() {
  const marker = join(projectRoot, 'node_modules', '.package-lock.json');
  const lock = join(projectRoot, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  // Exactly what the lockfile says (it lists every platform's optional native packages).
  say('installing npm dependencies (npm ci from package-lock.json)');
  if (run('npm', ['ci', '--no-audit', '--no-fund']) !== 0) throw new Error('npm ci failed');
}

const bin = (name) => join(projectRoot, 'node_modules', '.bin', name);

export function build() {
  const status = run(bin('swc'), ['apps', 'libs', 'workflows', 'migrations', 'scripts', 'bench', '-d', 'dist', '--config-file', '.swcrc', '--only', '**/*.ts', '--ignore', 'apps/web/**', '--quiet']);
  if (status !== 0) throw new Error('build failed');
  buildWebApp();
}

// The web app's API client is typed from the API's own OpenAPI document, generated on every
// build (never committed, so it cannot go stale): a changed endpoint fails the typecheck.
export const WEB_API_TYPES = 'apps/web/src/api/openapi.generated.ts';

function buildWebApp() {
  const steps = [
    ['OpenAPI document', process.execPath, [join(projectRoot, 'dist/scripts/write-openapi.js'), 'dist/openapi.json']],
    ['web API types', bin('openapi-typescript'), ['dist/openapi.json', '--output', WEB_API_TYPES, '--silent']],
    ['web app', bin('vite'), ['build', '--config', 'apps/web/vite.config.mjs', '--mode', 'production', '--logLevel', 'warn']],
  ];
  // Always React's production build, even when a test runner (NODE_ENV=test) asks for the build.
  const env = { ...process.env, NODE_ENV: 'production' };
  for (const [name, command, args] of steps) {
    if (run(command, args, { env }) !== 0) throw new Error(`build failed: ${name}`);
  }
}

function start(binaries) {
  build();
  const child = spawn(process.execPath, ['--enable-source-maps', join(projectRoot, 'dist/scripts/dev-stack.js')], {
    cwd: projectRoot,
    stdio: 'inherit',
    env: { ...process.env, TEMPORAL_CLI_PATH: binaries.cli },
    // Its own process group: a terminal's Ctrl-C reaches only us, and the stack then stops
    // what it started in order (apps, Temporal, PostgreSQL) instead of everything at once.
    detached: true,
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 130 : 1)));
}

/** Where the Jest steps write their results (outside the checkout, so a run leaves `git status` clean). */
const resultsDir = mkdtempSync(join(tmpdir(), 'breachflow-jest-'));
process.on('exit', () => rmSync(resultsDir, { recursive: true, force: true }));

/** One Jest project as a step of its own. */
function jestStep(project, jestArgs) {
  // Every test file in a fresh process: the Temporal SDK keeps one native runtime and a pool of
  // workflow threads per process, and a workflow that spins can abort the whole process ("async
  // hook stack has become corrupted"); isolated, such a bug fails its own file and names it.
  // Files still run one at a time, as they share servers.
  const results = join(resultsDir, `${project}.json`);
  return [
    `jest: ${project}`,
    process.execPath,
    [
      '--experimental-vm-modules',
      '--no-warnings=ExperimentalWarning',
      join(projectRoot, 'node_modules/jest/bin/jest.js'),
      '--maxWorkers=1',
      '--workerIdleMemoryLimit=1',
      '--json',
      `--outputFile=${results}`,
      ...jestArgs,
      '--selectProjects',
      project,
    ],
    { project, results },
  ];
}

/** What one Jest step ran, from its results file; a step that ran no test fails the run. */
function countedTests({ project, results }) {
  const { numTotalTests, numPassedTests, numPendingTests, numTodoTests } = JSON.parse(readFileSync(results, 'utf8'));
  if (numTotalTests === 0) {
    say(`step failed: jest: ${project} ran no test`);
    process.exit(1);
  }
  return { project, passed: numPassedTests, skipped: numPendingTests + numTodoTests };
}

/** Runs the steps in order (a `null` command is the build) and stops at the first that fails. */
function runSteps(binaries, steps, tools = {}) {
  // Found (or installed) before anything runs: a missing browser stops the run at once, never skips.
  const chromium = resolveChromium();
  const env = { ...process.env, TEMPORAL_CLI_PATH: binaries.cli, TEMPORAL_TEST_SERVER_PATH: binaries.testServer, CHROMIUM_PATH: chromium, ...tools };
  const counts = [];
  for (const [name, command, args, jest] of steps) {
    say(`step: ${name}`);
    if (command === null) {
      build();
      continue;
    }
    const status = run(command, args, { env });
    if (status !== 0) {
      say(`step failed: ${name}`);
      process.exit(status);
    }
    if (jest) counts.push(countedTests(jest));
  }
  // The one line on standard output: what passed, by project, for a person or a CI log to read.
  const total = counts.reduce((sum, { passed }) => sum + passed, 0);
  const skipped = counts.reduce((sum, { skipped }) => sum + skipped, 0);
  console.log(`breachflow: ${total} tests passed (${counts.map(({ project, passed }) => `${project} ${passed}`).join(', ')})${skipped ? `, ${skipped} skipped` : ''}`);
}

function test(binaries, jestArgs) {
  // Found (or installed) before anything runs: a missing fuzzer stops the run at once, never skips.
  const tools = { SCHEMATHESIS_PATH: resolveSchemathesis() };
  // The build comes first: it generates the web app's API types that the typecheck reads.
  runSteps(binaries, [
    ['build', null, null],
    ['typecheck', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']],
    ['typecheck web', bin('tsc'), ['-p', 'apps/web/tsconfig.json', '--noEmit']],
    ['lint', bin('eslint'), ['--max-warnings=0', '.']],
    jestStep('unit', jestArgs),
    jestStep('workflows', jestArgs),
    jestStep('e2e', jestArgs),
    jestStep('browser', jestArgs),
  ], tools);
}

/** `npm run test:chaos`: each part of a running deployment killed in the middle of the work. */
function chaos(binaries, jestArgs) {
  runSteps(binaries, [['build', null, null], jestStep('chaos', jestArgs)]);
}

const [mode = 'start', ...rest] = process.argv.slice(2);
try {
  ensureDependencies();
  if (mode === 'build') {
    build();
  } else {
    const binaries = resolveTemporalBinaries();
    if (mode === 'start') start(binaries);
    else if (mode === 'test') test(binaries, rest);
    else if (mode === 'chaos') chaos(binaries, rest);
    else throw new Error(`unknown mode ${mode}: use start, test, chaos or build`);
  }
} catch (error) {
  say(error.message);
  process.exit(1);
}
