import type { FieldError } from '../validation/field-error.js';
import type { IncidentFacts } from './incident-facts.js';

/** How far ahead of the server clock a submitted instant may lie (clients' clocks drift). */
export const CLOCK_SKEW_TOLERANCE_MS = 2 * 60 * 1000;

/**
 * The timeline must be possible: nothing lies in the future, and a breach is discovered
 * after it occurred and known with reasonable certainty only after it was discovered.
 */
export function timelineErrors(facts: IncidentFacts, now: Date): FieldError[] {
  const errors: FieldError[] = [];
  // The schema's date-time format admits a leap second (23:59:60) that JavaScript cannot represent.
  const instants: Array<[string, string | undefined]> = [
    ['discoveredAt', facts.discoveredAt],
    ['awareAt', facts.awareAt],
    ['containedAt', facts.containedAt],
    ...(typeof facts.occurredAt === 'object'
      ? ([['occurredAt.from', facts.occurredAt.from], ['occurredAt.to', facts.occurredAt.to]] as Array<[string, string]>)
      : ([['occurredAt', facts.occurredAt]] as Array<[string, string | undefined]>)),
  ];
  const informedAt = facts.informingDataSubjects?.informedAt;
  instants.push(['informingDataSubjects.informedAt', informedAt], ['informingDataSubjects.plannedAt', facts.informingDataSubjects?.plannedAt], ['nis2.handledAt', facts.nis2?.handledAt]);
  for (const [field, value] of instants) {
    if (value !== undefined && Number.isNaN(new Date(value).getTime())) errors.push({ field, message: 'is not a representable instant' });
  }
  if (errors.length > 0) return errors;
  if (informedAt !== undefined && new Date(informedAt).getTime() > now.getTime() + CLOCK_SKEW_TOLERANCE_MS) {
    errors.push({ field: 'informingDataSubjects.informedAt', message: 'may not lie in the future (use plannedAt for a planned communication)' });
  }
  const latestAllowed = now.getTime() + CLOCK_SKEW_TOLERANCE_MS;
  const at = (iso: string) => new Date(iso).getTime();
  const occurredFrom =
    facts.occurredAt === undefined ? undefined : typeof facts.occurredAt === 'string' ? facts.occurredAt : facts.occurredAt.from;
  const occurredTo =
    facts.occurredAt === undefined ? undefined : typeof facts.occurredAt === 'string' ? facts.occurredAt : facts.occurredAt.to;

  for (const field of ['discoveredAt', 'awareAt', 'containedAt'] as const) {
    const value = facts[field];
    if (value !== undefined && at(value) > latestAllowed) errors.push({ field, message: 'may not lie in the future' });
  }
  if (facts.nis2?.handledAt !== undefined && at(facts.nis2.handledAt) > latestAllowed) errors.push({ field: 'nis2.handledAt', message: 'may not lie in the future' });
  if (occurredFrom !== undefined && at(occurredFrom) > latestAllowed) {
    errors.push({ field: 'occurredAt', message: 'may not lie in the future' });
  }
  if (typeof facts.occurredAt === 'object' && at(facts.occurredAt.from) > at(facts.occurredAt.to)) {
    errors.push({ field: 'occurredAt.to', message: 'may not be before occurredAt.from' });
  }
  if (occurredFrom !== undefined && at(facts.awareAt) < at(occurredFrom)) {
    errors.push({ field: 'awareAt', message: 'may not be before occurredAt' });
  }
  if (occurredFrom !== undefined && at(facts.discoveredAt) < at(occurredFrom)) {
    errors.push({ field: 'discoveredAt', message: 'may not be before occurredAt' });
  }
  if (at(facts.awareAt) < at(facts.discoveredAt)) {
    errors.push({ field: 'awareAt', message: 'may not be before discoveredAt (awareness follows discovery)' });
  }
  if (facts.containedAt !== undefined && occurredTo !== undefined && at(facts.containedAt) < at(occurredFrom!)) {
    errors.push({ field: 'containedAt', message: 'may not be before occurredAt' });
  }
  return errors;
}
