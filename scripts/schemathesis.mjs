// Finds Schemathesis, the API fuzzer the contract test runs, installing it from PyPI into the
// project-local virtualenv under .tools/ (beside the Temporal binaries) when it is missing.
import { execFileSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './temporal-binaries.mjs';

const venv = join(projectRoot, '.tools', 'venv');
// Pinned: its CLI flags and checks change between releases (4.x differs from 3.x).
export const SCHEMATHESIS = 'schemathesis==4.32.5';

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function installedVersion(executable) {
  try {
    return execFileSync(executable, ['--version'], { encoding: 'utf8' }).trim().split(' ').at(-1);
  } catch {
    return undefined;
  }
}

/** The absolute path of the pinned `schemathesis` executable (SCHEMATHESIS_PATH if set). */
export function resolveSchemathesis({ log = (m) => console.error(`[schemathesis] ${m}`) } = {}) {
  const fromEnv = process.env.SCHEMATHESIS_PATH;
  if (fromEnv) {
    if (!isExecutable(fromEnv)) throw new Error(`SCHEMATHESIS_PATH=${fromEnv} is not an executable file`);
    return fromEnv;
  }
  const executable = join(venv, 'bin', 'schemathesis');
  const wanted = SCHEMATHESIS.split('==')[1];
  if (isExecutable(executable) && installedVersion(executable) === wanted) return executable;
  mkdirSync(join(projectRoot, '.tools'), { recursive: true });
  if (!existsSync(join(venv, 'bin', 'pip'))) {
    log(`creating ${venv}`);
    execFileSync('python3', ['-m', 'venv', venv], { stdio: 'inherit' });
  }
  log(`installing ${SCHEMATHESIS} from PyPI into .tools/venv`);
  execFileSync(join(venv, 'bin', 'pip'), ['install', '--disable-pip-version-check', '-q', SCHEMATHESIS], { stdio: 'inherit' });
  if (installedVersion(executable) !== wanted) throw new Error(`${SCHEMATHESIS} did not install into ${venv}`);
  return executable;
}
