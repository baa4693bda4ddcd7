import type { RiskOutcome } from './assessment.js';

/** The regulatory tracks the GDPR part of the risk assessment can open (see DESIGN.md §2). */
export type GdprTrack = 'gdpr-art33-register' | 'gdpr-art33' | 'gdpr-art33-2' | 'gdpr-art34';

/** Our role in the incident: the controller decides and notifies; a processor tells its controllers. */
export type BreachRole = 'controller' | 'processor';

/**
 * Which GDPR tracks an outcome implies. Every breach is recorded (Art. 33(5)). A controller
 * notifies IMY from "risk" upwards and informs the people at "high-risk", unless a person later
 * records an Art. 34(3) exception. A processor's duty in Art. 33(2) has no risk threshold — it
 * tells each affected controller about every breach — and Art. 34 is never the processor's to
 * perform, so for a processor the outcome changes nothing here: the controller reassesses.
 */
export function tracksForOutcome(outcome: RiskOutcome, role: BreachRole): GdprTrack[] {
  if (role === 'processor') return ['gdpr-art33-register', 'gdpr-art33-2'];
  if (outcome === 'no-risk') return ['gdpr-art33-register'];
  if (outcome === 'risk') return ['gdpr-art33-register', 'gdpr-art33'];
  return ['gdpr-art33-register', 'gdpr-art33', 'gdpr-art34'];
}
