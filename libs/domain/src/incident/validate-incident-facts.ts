import type { Validation } from '../validation/json-schema-validator.js';
import { compileValidator } from '../validation/json-schema-validator.js';
import type { IncidentFacts } from './incident-facts.js';
import { appendFactsSchema, createIncidentSchema, incidentFactsSchema } from './incident-facts.schema.js';
import { timelineErrors } from './timeline-rules.js';

export interface AppendFactsRequest {
  baseVersion?: number;
  reason?: string;
  changes: Partial<Record<keyof IncidentFacts, unknown>>;
}

const validateCreateShape = compileValidator<Omit<IncidentFacts, 'ourRole'> & Partial<Pick<IncidentFacts, 'ourRole'>>>(
  createIncidentSchema,
);
const validateFactsShape = compileValidator<IncidentFacts>(incidentFactsSchema);
export const validateAppendFactsRequest = compileValidator<AppendFactsRequest>(appendFactsSchema);

function withTimeline(result: Validation<IncidentFacts>, now: Date): Validation<IncidentFacts> {
  if (!result.ok) return result;
  const errors = timelineErrors(result.value, now);
  return errors.length === 0 ? result : { ok: false, errors };
}

/** The first facts version from a create request: shape, then timeline plausibility. */
export function validateNewIncident(input: unknown, now: Date): Validation<IncidentFacts> {
  const shape = validateCreateShape(input);
  if (!shape.ok) return shape;
  return withTimeline({ ok: true, value: { ourRole: 'controller', ...shape.value } }, now);
}

/** A later facts version: the current facts with `changes` applied, validated as a whole. */
export function applyFactsChanges(current: IncidentFacts, changes: AppendFactsRequest['changes'], now: Date): Validation<IncidentFacts> {
  const merged: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  return withTimeline(validateFactsShape(merged), now);
}
