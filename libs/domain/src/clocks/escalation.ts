/** From this fraction of a window on, a reminder also escalates to the approvers and the DPO. */
export const ESCALATION_FROM_FRACTION = 0.75;

/** After the deadline, escalation repeats at this interval until the first report is filed. */
export const OVERDUE_ESCALATION_INTERVAL_MS = 12 * 60 * 60 * 1000;
