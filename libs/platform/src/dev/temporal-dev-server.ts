import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { Connection } from '@temporalio/client';
import { devServerSearchAttributeFlags } from '../temporal.js';
import { childProcessRun } from './child-process-run.js';
import { waitForPort } from './ports.js';

export interface TemporalDevServerOptions {
  cliPath: string;
  port: number;
  uiPort?: number;
  /** A SQLite file keeps workflows across restarts; without one the server is in memory. */
  dbFilename?: string;
  headless?: boolean;
  logPath?: string;
  /** Where to note its pid while it runs, so a later run can recognise it if this one is killed. */
  pidFile?: string;
  /** The codec server the Web UI decodes payloads through (the API's /api/temporal-codec). */
  codecEndpoint?: string;
}

export interface RunningTemporalDevServer {
  address: string;
  uiUrl?: string;
  process: ChildProcess;
  /** Resolves when the server has exited, with how (`signal SIGKILL`). */
  exited: Promise<string>;
  /** SIGTERM, SIGKILL after 5 s; resolves once it is gone. */
  stop(): Promise<void>;
}

/**
 * Starts `temporal server start-dev` ourselves (the SDK's own launcher gives it only five
 * seconds and wants to download it) and waits until its frontend answers health checks.
 */
export async function startTemporalDevServer(options: TemporalDevServerOptions): Promise<RunningTemporalDevServer> {
  const args = [
    'server',
    'start-dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(options.port),
    '--http-port',
    String(options.port + 1),
    '--metrics-port',
    String(options.port + 2),
    '--log-level',
    'error',
    ...devServerSearchAttributeFlags,
  ];
  if (options.dbFilename) args.push('--db-filename', options.dbFilename);
  if (options.headless || options.uiPort === undefined) args.push('--headless');
  else {
    args.push('--ui-port', String(options.uiPort));
    if (options.codecEndpoint) args.push('--ui-codec-endpoint', options.codecEndpoint);
  }

  // Own process group, so a terminal's Ctrl-C reaches the supervisor that stops it in order.
  const child = spawn(options.cliPath, args, { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  const { pidFile } = options;
  if (pidFile) {
    writeFileSync(pidFile, `${child.pid}\n`);
    child.once('exit', () => rmSync(pidFile, { force: true }));
  }
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4_000);
  });
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`temporal dev server exited with code ${code}: ${stderr.trim()}`))),
  );
  const address = `127.0.0.1:${options.port}`;
  const ready = (async () => {
    await waitForPort(options.port, 60_000, 'the Temporal dev server');
    const connection = await Connection.connect({ address });
    try {
      for (let attempt = 0; ; attempt += 1) {
        try {
          await connection.workflowService.describeNamespace({ namespace: 'default' });
          return;
        } catch (error) {
          if (attempt > 200) throw error;
          await new Promise((r) => setTimeout(r, 100));
        }
      }
    } finally {
      await connection.close();
    }
  })();
  try {
    await Promise.race([ready, exited]);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  exited.catch(() => undefined);
  const run = childProcessRun(child, [
    { signal: 'SIGTERM', waitMs: 5_000 },
    { signal: 'SIGKILL', waitMs: 2_000 },
  ]);
  return {
    address,
    uiUrl: options.uiPort !== undefined && !options.headless ? `http://127.0.0.1:${options.uiPort}` : undefined,
    process: child,
    exited: run.exited,
    stop: run.stop,
  };
}
