import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const adminScript = fileURLToPath(new URL('../../dist/scripts/admin.js', import.meta.url));

export interface AdminToolRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * `npm run --silent admin -- <args>` as an operator runs it, with only the environment given (and
 * PATH). Standard input is closed and is not a terminal: the tool must never wait for a password
 * it cannot ask for.
 */
export function runAdminTool(args: readonly string[], env: NodeJS.ProcessEnv): Promise<AdminToolRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [adminScript, ...args], { env: { PATH: process.env.PATH, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end();
  });
}
