import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DefaultLogger, makeTelemetryFilterString, NativeConnection, Runtime, Worker, type LogLevel, type WorkerOptions } from '@temporalio/worker';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import webpack from 'webpack';
import type { AppConfig } from '../../../libs/platform/src/config.js';
import { createLogger } from '../../../libs/platform/src/logger.js';
import { encryptedDataConverter } from '../../../libs/platform/src/temporal.js';
import { temporalConnectionOptions } from '../../../libs/platform/src/temporal-connection.js';
import { breachflowActivities } from './activities.js';
import { RepeatedLogThrottle, repeatKey } from './repeated-log-throttle.js';
import { WorkerModule } from './worker.module.js';

/** The workflows entry: TypeScript source under tests, compiled JavaScript in a build. */
export function workflowsPath(): string {
  for (const candidate of ['../../../workflows/index.ts', '../../../workflows/index.js']) {
    const path = fileURLToPath(new URL(candidate, import.meta.url));
    if (existsSync(path)) return path;
  }
  throw new Error('workflows/index not found beside the worker');
}

/** The workflow interceptor that refuses updates the API did not sign: source under tests, JavaScript in a build. */
export function signedUpdatesInterceptorPath(): string {
  for (const candidate of ['../../../workflows/signed-updates.interceptor.ts', '../../../workflows/signed-updates.interceptor.js']) {
    const path = fileURLToPath(new URL(candidate, import.meta.url));
    if (existsSync(path)) return path;
  }
  throw new Error('workflows/signed-updates.interceptor not found beside the worker');
}

/**
 * Writes the update signing key into the workflow bundle this worker builds in memory: the sandbox
 * has no environment and no Node crypto, and workflow input would put the key in history.
 */
export function withUpdateSigningKey(config: Pick<AppConfig, 'TEMPORAL_UPDATE_SIGNING_KEY'>): NonNullable<WorkerOptions['bundlerOptions']> {
  const keyHex = Buffer.from(config.TEMPORAL_UPDATE_SIGNING_KEY, 'base64').toString('hex');
  return {
    webpackConfigHook: (webpackConfig) => ({
      ...webpackConfig,
      plugins: [...(webpackConfig.plugins ?? []), new webpack.DefinePlugin({ __BREACHFLOW_UPDATE_SIGNING_KEY__: JSON.stringify(keyHex) })],
    }),
  };
}

export interface RunningWorker {
  worker: Worker;
  context: INestApplicationContext;
  connection: NativeConnection;
}

let runtimeInstalled = false;

/** Routes the SDK's own logs into our structured JSON logs, once per process. */
function installRuntimeLogger(config: AppConfig): void {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  const log = createLogger(config.LOG_LEVEL, 'breachflow-worker');
  const sdkLevel: LogLevel = config.LOG_LEVEL === 'debug' || config.LOG_LEVEL === 'trace' ? 'DEBUG' : 'WARN';
  const throttle = new RepeatedLogThrottle();
  try {
    Runtime.install({
      logger: new DefaultLogger(sdkLevel, (entry) => {
        const level = entry.level === 'TRACE' ? 'trace' : (entry.level.toLowerCase() as 'debug' | 'info' | 'warn' | 'error');
        let repeated = {};
        if (level === 'warn' || level === 'error') {
          const admitted = throttle.admit(repeatKey(level, entry.message));
          if (!admitted) return;
          if (admitted.dropped) repeated = { repeatsNotLogged: admitted.dropped };
        }
        // pino serialises an Error only under `err`; elsewhere it would print as {}.
        const { error, ...meta } = (entry.meta ?? {}) as { error?: unknown };
        log[level]({ sdk: meta, ...repeated, ...(error ? { err: error } : {}) }, entry.message);
      }),
      telemetryOptions: { logging: { filter: makeTelemetryFilterString({ core: sdkLevel }), forward: {} } },
    });
  } catch {
    // Another part of this process installed the runtime first; keep its logger.
  }
}

/** Builds the Nest context (activities as providers) and a Temporal worker on top of it. */
export async function createWorker(
  config: AppConfig,
  overrides: Partial<WorkerOptions> & { connection?: NativeConnection } = {},
): Promise<RunningWorker> {
  installRuntimeLogger(config);
  const context = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: ['error', 'warn'] });
  const connection = overrides.connection ?? (await NativeConnection.connect(temporalConnectionOptions(config)));
  const worker = await Worker.create({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    workflowsPath: workflowsPath(),
    activities: breachflowActivities(context),
    dataConverter: encryptedDataConverter(config),
    interceptors: { workflowModules: [signedUpdatesInterceptorPath()] },
    bundlerOptions: withUpdateSigningKey(config),
    ...overrides,
  });
  return { worker, context, connection };
}
