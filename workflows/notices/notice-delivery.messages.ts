import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Actor } from '../../libs/domain/src/tracks/filing-track-commands.js';

export interface NoticeDeliveryInput {
  noticeId: string;
  incidentId: string;
  organisationId: string;
  /** The incident's workflow, told when the notice has gone out (it settles the Art. 34 track). */
  incidentWorkflowId: string;
  batchSize: number;
  ratePerSecond: number;
  /** Who asked for the sending (for the audit trail). */
  actorId: string;
}

export interface NoticeDeliveryState {
  status: 'sending' | 'paused' | 'cancelled' | 'sent';
  total: number;
  batches: number;
}

export interface DeliveryControl {
  actor: Actor;
}

export const noticeDeliveryWorkflowId = (noticeId: string): string => `notice-delivery-${noticeId}`;

export const deliveryStateQuery = defineQuery<NoticeDeliveryState>('deliveryState');
export const pauseDeliveryUpdate = defineUpdate<NoticeDeliveryState, [DeliveryControl]>('pauseDelivery');
export const resumeDeliveryUpdate = defineUpdate<NoticeDeliveryState, [DeliveryControl]>('resumeDelivery');
export const cancelDeliveryUpdate = defineUpdate<NoticeDeliveryState, [DeliveryControl]>('cancelDelivery');
