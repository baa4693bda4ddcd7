import 'reflect-metadata';
import { loadConfig } from '../../../libs/platform/src/config.js';
import { createLogger } from '../../../libs/platform/src/logger.js';
import { createWorker } from './create-worker.js';

const config = loadConfig();
const log = createLogger(config.LOG_LEVEL, 'breachflow-worker');
const { worker, context, connection } = await createWorker(config);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log.info({ signal }, 'shutting down worker');
    worker.shutdown();
  });
}

log.info({ taskQueue: config.TEMPORAL_TASK_QUEUE, namespace: config.TEMPORAL_NAMESPACE }, 'worker running');
try {
  await worker.run();
} finally {
  await context.close();
  await connection.close();
  log.info('worker stopped');
}
