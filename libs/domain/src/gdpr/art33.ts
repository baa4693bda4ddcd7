/**
 * GDPR Art. 33(1): the controller notifies the supervisory authority without undue delay and,
 * where feasible, not later than 72 hours after having become aware of the breach. The clock
 * runs in wall-clock hours: weekends and holidays count.
 */
export const ART33_CLOCK = 'gdpr-art33';
export const ART33_WINDOW_MS = 72 * 60 * 60 * 1000;

export function art33Deadline(awareAt: Date): Date {
  return new Date(awareAt.getTime() + ART33_WINDOW_MS);
}

/** Art. 33(4): IMY expects announced supplements within four weeks of the initial report. */
export const ART33_SUPPLEMENT_WINDOW_MS = 28 * 24 * 60 * 60 * 1000;

/** From this fraction of the window on, a reminder also escalates to the approvers and the DPO. */
export const ESCALATION_FROM_FRACTION = 0.75;

/** After the deadline, escalation repeats at this interval until the report is filed. */
export const OVERDUE_ESCALATION_INTERVAL_MS = 12 * 60 * 60 * 1000;
