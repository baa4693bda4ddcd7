import type { Art34Exception } from './assessment.js';
import type { FactsReading } from './facts-reading.js';

/**
 * From this many people, without contact data to reach them, individual communication may take
 * a disproportionate effort; Art. 34(3)(c) then requires a public communication instead.
 */
export const VERY_LARGE_NUMBER_OF_PEOPLE = 100_000;

/**
 * The Art. 34(3) grounds the facts appear to support. They are candidates only: relying on one
 * is a documented decision by a person, and it matters only when the outcome is high-risk.
 */
export function art34ExceptionCandidates(reading: FactsReading): Art34Exception[] {
  const { breach, data, subjects } = reading.facts;
  const candidates: Art34Exception[] = [];
  if (reading.unintelligible) candidates.push('34(3)(a)');
  if (
    breach.confidentiality?.exposure === 'known-recipients' &&
    breach.confidentiality.dataRetrievedOrDeleted === true &&
    !breach.malicious
  ) {
    candidates.push('34(3)(b)');
  }
  if (subjects.approxCount >= VERY_LARGE_NUMBER_OF_PEOPLE && !data.categories.includes('contact')) {
    candidates.push('34(3)(c)');
  }
  return candidates;
}
