import { Client, Connection, ScheduleAlreadyRunning, ScheduleOverlapPolicy } from '@temporalio/client';
import type { AppConfig } from '../../../libs/platform/src/config.js';
import { encryptedDataConverter } from '../../../libs/platform/src/temporal.js';
import { temporalConnectionOptions } from '../../../libs/platform/src/temporal-connection.js';

/** One schedule per deployment (task queue), so two deployments sharing a namespace do not collide. */
export const dailyDigestScheduleId = (taskQueue: string): string => `breachflow-daily-digest-${taskQueue}`;

/**
 * Creates the morning digest's Temporal Schedule once (idempotent: every worker start tries,
 * the first one wins). 07:00 in Stockholm, the organisations' working morning.
 */
export async function ensureDigestSchedule(config: AppConfig, timeZone = 'Europe/Stockholm'): Promise<'created' | 'exists'> {
  const connection = await Connection.connect(temporalConnectionOptions(config));
  try {
    const client = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE, dataConverter: encryptedDataConverter(config) });
    await client.schedule.create({
      scheduleId: dailyDigestScheduleId(config.TEMPORAL_TASK_QUEUE),
      spec: { calendars: [{ hour: 7, minute: 0 }], timezone: timeZone },
      action: { type: 'startWorkflow', workflowType: 'dailyDigestWorkflow', taskQueue: config.TEMPORAL_TASK_QUEUE, args: [] },
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '6 hours' },
    });
    return 'created';
  } catch (error) {
    if (error instanceof ScheduleAlreadyRunning) return 'exists';
    throw error;
  } finally {
    await connection.close();
  }
}
