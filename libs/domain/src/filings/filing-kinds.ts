/**
 * The kinds of report a track may draft (each track names its own in the catalogue):
 * - `initial` — the first report (IMY notification, a processor's notice, the Lex Maria report);
 * - `supplement` — further information after it, which may complete the report;
 * - `no-breach` — a withdrawal: on investigation it was no personal data breach after all;
 * - NIS2's staged reports to the CSIRT: `early-warning` (24 h), `notification` (72 h),
 *   `intermediate` (on request), `progress` (when still ongoing at a month) and `final`.
 * An IMY report stored as `final` before supplements could complete a report reads as a
 * completing supplement.
 */
export const FILING_KINDS = ['initial', 'supplement', 'no-breach', 'early-warning', 'notification', 'intermediate', 'progress', 'final'] as const;
export type FilingKind = (typeof FILING_KINDS)[number];
