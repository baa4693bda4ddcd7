import type { RiskOutcome } from '../../../../libs/domain/src/risk/assessment.js';
import { RISK_OUTCOMES } from '../../../../libs/domain/src/risk/assessment.js';
import { compileValidator } from '../../../../libs/domain/src/validation/json-schema-validator.js';

export interface RiskOverrideRequest {
  outcome: RiskOutcome;
  justification: string;
  /** The facts version the manager reviewed; refused when the facts have changed since. */
  factsVersion?: number;
}

export const riskOverrideSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['outcome', 'justification'],
  properties: {
    outcome: { enum: RISK_OUTCOMES },
    justification: {
      type: 'string',
      minLength: 20,
      maxLength: 5_000,
      pattern: '\\S',
      description: 'Why the model is wrong here, in words a supervisory authority would accept (at least 20 characters).',
    },
    factsVersion: { type: 'integer', minimum: 1 },
  },
} as const;

export const validateRiskOverride = compileValidator<RiskOverrideRequest>(riskOverrideSchema);
