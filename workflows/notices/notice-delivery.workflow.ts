import { allHandlersFinished, condition, getExternalWorkflowHandle, proxyActivities, setHandler } from '@temporalio/workflow';
import { Mutex } from 'async-mutex';
import { refuse } from '../../libs/domain/src/failures.js';
import { INCIDENT_EDITORS } from '../../libs/domain/src/roles.js';
import type { DeliveryActivities } from '../activity-contracts.js';
import { trackStatusSignal } from '../messages.js';
import { refusalFailure } from '../refusal-failure.js';
import {
  cancelDeliveryUpdate,
  deliveryStateQuery,
  pauseDeliveryUpdate,
  resumeDeliveryUpdate,
  type DeliveryControl,
  type NoticeDeliveryInput,
  type NoticeDeliveryState,
} from './notice-delivery.messages.js';

const deliveries = proxyActivities<DeliveryActivities>({
  // A batch is a few hundred messages over a pooled SMTP connection; a stuck server fails the
  // attempt, and a dead worker stops beating, so its batch is retried after the heartbeat timeout.
  startToCloseTimeout: '5 minutes',
  heartbeatTimeout: '15 seconds',
  retry: { initialInterval: '2 seconds', maximumInterval: '2 minutes', backoffCoefficient: 2 },
});

/**
 * An approved Art. 34 notice going out: batch after batch through activities (each message to one
 * person only, recorded as it is sent), no faster than the configured rate, paused, resumed or
 * cancelled between batches. History carries ids and counts, never an address. A worker killed
 * mid-batch leaves the batch's unrecorded deliveries to be sent by the retry, with the same
 * Message-ID, so nobody gets a second, different message.
 */
export async function noticeDeliveryWorkflow(input: NoticeDeliveryInput): Promise<NoticeDeliveryState> {
  const steps = new Mutex();
  const state: NoticeDeliveryState = { status: 'sending', total: 0, batches: 0 };
  let changed = 0;

  const control = (update: typeof pauseDeliveryUpdate, from: NoticeDeliveryState['status'][], to: NoticeDeliveryState['status']) => {
    const judge = ({ actor }: DeliveryControl) => {
      if (!INCIDENT_EDITORS.includes(actor.role)) throw refusalFailure(refuse('forbidden', `controlling a notice's sending is for ${INCIDENT_EDITORS.join(', ')}`));
      if (!from.includes(state.status)) throw refusalFailure(refuse('conflict', `the notice is ${state.status}`));
    };
    setHandler(
      update,
      (request) =>
        steps.runExclusive(async () => {
          judge(request);
          await deliveries.recordNoticeStatus({ noticeId: input.noticeId, status: to, actorId: request.actor.userId });
          state.status = to;
          changed += 1;
          return { ...state };
        }),
      { validator: judge },
    );
  };
  setHandler(deliveryStateQuery, () => ({ ...state }));
  control(pauseDeliveryUpdate, ['sending'], 'paused');
  control(resumeDeliveryUpdate, ['paused'], 'sending');
  control(cancelDeliveryUpdate, ['sending', 'paused'], 'cancelled');

  state.total = (await deliveries.beginDelivery({ noticeId: input.noticeId, actorId: input.actorId })).total;
  const minimumBatchMs = (input.batchSize / input.ratePerSecond) * 1000;
  for (;;) {
    await condition(() => state.status !== 'paused');
    if (state.status === 'cancelled') break;
    const startedAt = Date.now();
    const { remaining } = await steps.runExclusive(() => deliveries.deliverBatch({ noticeId: input.noticeId, batchSize: input.batchSize }));
    state.batches += 1;
    if (remaining === 0) break;
    // The rate: a batch of N takes at least N / rate seconds; a pause or cancel cuts the wait short.
    const wait = minimumBatchMs - (Date.now() - startedAt);
    const seen = changed;
    if (wait > 0) await condition(() => changed !== seen, wait);
  }
  if (state.status !== 'cancelled') {
    await steps.runExclusive(() => deliveries.recordNoticeStatus({ noticeId: input.noticeId, status: 'sent', actorId: input.actorId }));
    state.status = 'sent';
    // The people were told: the incident counts the Art. 34 track as done.
    try {
      await getExternalWorkflowHandle(input.incidentWorkflowId).signal(trackStatusSignal, { track: 'gdpr-art34', status: 'filed' });
    } catch {
      // A closed incident needs no telling; the notice is recorded as sent either way.
    }
  }
  await condition(allHandlersFinished);
  return { ...state };
}
