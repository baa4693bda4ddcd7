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
