import { RISK_OUTCOMES, type RiskOutcome, type SeverityBand } from './assessment.js';

/**
 * How a qualifier moves the outcome. Steps weigh likelihood up or down from ENISA's starting
 * point; a ceiling says the facts rule out more than a given outcome; a floor says the facts
 * make at least a given outcome likely, whatever the score.
 */
export type OutcomeEffect =
  | { kind: 'step'; direction: 'up' | 'down' }
  | { kind: 'at-most'; outcome: RiskOutcome }
  | { kind: 'at-least'; outcome: RiskOutcome }
  /** Explains a choice (such as a doubt resolved protectively) that other rules already reflect. */
  | { kind: 'note' };

/** ENISA does not define the legal outcome; the model starts from the severity band. */
export function outcomeForBand(band: SeverityBand): RiskOutcome {
  if (band === 'low') return 'no-risk';
  if (band === 'medium') return 'risk';
  return 'high-risk';
}

const rank = (outcome: RiskOutcome): number => RISK_OUTCOMES.indexOf(outcome);

/**
 * Steps first, then ceilings, then floors. Floors come last so that a reason to protect people
 * (harm to care, special-category data in readable form) is never cancelled by a reason to relax;
 * each floor's own conditions already exclude the situations the ceilings describe.
 */
export function decideOutcome(start: RiskOutcome, effects: readonly OutcomeEffect[]): RiskOutcome {
  let steps = 0;
  let ceiling = rank('high-risk');
  let floor = rank('no-risk');
  for (const effect of effects) {
    if (effect.kind === 'step') steps += effect.direction === 'up' ? 1 : -1;
    if (effect.kind === 'at-most') ceiling = Math.min(ceiling, rank(effect.outcome));
    if (effect.kind === 'at-least') floor = Math.max(floor, rank(effect.outcome));
  }
  const stepped = Math.min(rank('high-risk'), Math.max(rank('no-risk'), rank(start) + steps));
  return RISK_OUTCOMES[Math.max(floor, Math.min(ceiling, stepped))];
}

export function isAtLeast(outcome: RiskOutcome, threshold: RiskOutcome): boolean {
  return rank(outcome) >= rank(threshold);
}
