import 'reflect-metadata';
import { loadConfigOrExit } from '../../../libs/platform/src/config.js';
import { createLogger } from '../../../libs/platform/src/logger.js';
import { createWorker } from './create-worker.js';
import { ensureDigestSchedule } from './digest-schedule.js';

const config = loadConfigOrExit('breachflow-worker');
const log = createLogger(config.LOG_LEVEL, 'breachflow-worker');
const { worker, context, connection } = await createWorker(config);

// Ctrl-C reaches both us and `npm start`'s supervisor, which then sends SIGTERM: shut down once.
let shuttingDown = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (shuttingDown) return;
    shuttingDown = true;
    log.info({ signal }, 'shutting down worker');
    worker.shutdown();
  });
}

log.info({ schedule: await ensureDigestSchedule(config) }, 'daily digest schedule');
log.info({ taskQueue: config.TEMPORAL_TASK_QUEUE, namespace: config.TEMPORAL_NAMESPACE }, 'worker running');
try {
  await worker.run();
} finally {
  await context.close();
  await connection.close();
  log.info('worker stopped');
}
