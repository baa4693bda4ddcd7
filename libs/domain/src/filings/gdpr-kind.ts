import type { FilingKind } from './filing-kinds.js';
import type { GdprFilingKind } from './filing-labels.js';

/** A GDPR report's kind; the catalogue keeps other tracks' kinds off the GDPR tracks. */
export function gdprKind(kind: FilingKind): GdprFilingKind {
  if (kind === 'initial' || kind === 'supplement' || kind === 'no-breach' || kind === 'final') return kind;
  throw new RangeError(`a GDPR report is not a ${kind}`);
}
