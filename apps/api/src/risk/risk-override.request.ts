import type { RiskOverrideRequest } from '../../../../libs/application/src/risk/override-outcome.js';
import { RISK_OUTCOMES } from '../../../../libs/domain/src/risk/assessment.js';
import { WRITTEN_REASON_MIN_LENGTH } from '../../../../libs/domain/src/tracks/catalogue.js';
import { compileValidator } from '../../../../libs/domain/src/validation/json-schema-validator.js';

export const riskOverrideSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['outcome', 'justification'],
  properties: {
    outcome: { enum: RISK_OUTCOMES },
    justification: {
      type: 'string',
      minLength: WRITTEN_REASON_MIN_LENGTH,
      maxLength: 5_000,
      pattern: '\\S',
      description: `Why the model is wrong here, in words a supervisory authority would accept (at least ${WRITTEN_REASON_MIN_LENGTH} characters).`,
    },
    factsVersion: { type: 'integer', minimum: 1 },
  },
} as const;

export const validateRiskOverride = compileValidator<RiskOverrideRequest>(riskOverrideSchema);
