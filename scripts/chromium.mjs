// Finds the Chromium the browser tests drive (Debian's package; never a browser download of
// Playwright's own): CHROMIUM_PATH, then PATH, then `apt-get install chromium` when running as
// root. Otherwise it stops with how to install it: browser tests are never skipped silently.
import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

const NAMES = ['chromium', 'chromium-browser'];

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath() {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of NAMES) if (dir && isExecutable(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

/** The absolute path of a Chromium executable, installing Debian's package when we may. */
export function resolveChromium({ log = (m) => console.error(`[chromium] ${m}`) } = {}) {
  const given = process.env.CHROMIUM_PATH;
  if (given) {
    if (isExecutable(given)) return given;
    throw new Error(`CHROMIUM_PATH=${given} is not an executable file`);
  }
  const found = onPath();
  if (found) return found;
  if (process.getuid?.() === 0 && isExecutable('/usr/bin/apt-get')) {
    log('installing Debian\'s chromium package for the browser tests (apt-get install chromium)');
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    const installed = onPath();
    if (installed) return installed;
  }
  throw new Error(
    'the browser tests need Chromium: install it (Debian/Ubuntu: `sudo apt-get install chromium`), ' +
      'or set CHROMIUM_PATH to a Chromium or Chrome executable',
  );
}
