/** Where a notice stands: reviewed like a report, then delivered (and possibly paused or cancelled). */
export const NOTICE_STATUSES = ['draft', 'awaiting-approval', 'approved', 'sending', 'paused', 'sent', 'cancelled'] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];

export const DELIVERY_STATUSES = ['queued', 'sending', 'sent', 'failed', 'skipped'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
