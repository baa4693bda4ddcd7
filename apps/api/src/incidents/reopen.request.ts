import { compileValidator } from '../../../../libs/domain/src/validation/json-schema-validator.js';
import { MIN_REOPEN_REASON_LENGTH } from '../../../../libs/application/src/incidents/reopen-incident.js';

/** Why a closed incident is reopened: kept in the audit trail and shown on its timeline. */
export const reopenSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['reason'],
  properties: { reason: { type: 'string', minLength: MIN_REOPEN_REASON_LENGTH, maxLength: 2000, pattern: '\\S' } },
} as const;
export const validateReopen = compileValidator<{ reason: string }>(reopenSchema);
