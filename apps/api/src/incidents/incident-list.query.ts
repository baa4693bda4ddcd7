import { INCIDENT_STATUSES } from '../../../../libs/domain/src/incident/incident-status.js';
import { compileValidator } from '../../../../libs/domain/src/validation/json-schema-validator.js';

export interface IncidentListQuery {
  status?: (typeof INCIDENT_STATUSES)[number];
  q?: string;
  awareFrom?: string;
  awareTo?: string;
  limit: number;
  offset: number;
}

export const incidentListQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    status: { enum: INCIDENT_STATUSES },
    q: { type: 'string', minLength: 1, maxLength: 200 },
    awareFrom: { type: 'string', format: 'date-time' },
    awareTo: { type: 'string', format: 'date-time' },
    limit: { type: 'string', pattern: '^([1-9][0-9]?|100)$' },
    offset: { type: 'string', pattern: '^[0-9]{1,9}$' },
  },
} as const;

const validateShape = compileValidator<Record<string, string>>(incidentListQuerySchema);

/** Query strings arrive as text; numbers are checked as text, then converted. */
export function validateIncidentListQuery(input: unknown) {
  const result = validateShape(input);
  if (!result.ok) return result;
  const { limit, offset, ...rest } = result.value;
  return { ok: true as const, value: { ...rest, limit: limit ? Number(limit) : 50, offset: offset ? Number(offset) : 0 } as IncidentListQuery };
}
