import 'reflect-metadata';
import { loadConfigOrExit } from '../../../libs/platform/src/config.js';
import { createLogger } from '../../../libs/platform/src/logger.js';
import { Mailer } from '../../../libs/platform/src/mail/mailer.js';
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

// A cluster that refuses schedules must not stop the clocks: the digest is a convenience.
await ensureDigestSchedule(config).then(
  (schedule) => log.info({ schedule }, 'daily digest schedule'),
  (error: Error) => log.warn({ err: error }, 'daily digest schedule could not be created'),
);
log.info({ taskQueue: config.TEMPORAL_TASK_QUEUE, namespace: config.TEMPORAL_NAMESPACE }, 'worker running');
// `npm start`'s supervisor counts a restarted worker as back only once it is connected and polling.
process.send?.('ready');
try {
  await worker.run();
} finally {
  context.get(Mailer).close(); // pooled SMTP connections would otherwise keep the process alive
  await context.close();
  await connection.close();
  log.info('worker stopped');
}
