import { compileValidator } from '../../../../libs/domain/src/validation/json-schema-validator.js';

/** The refresh token an API client got at sign-in or at its last refresh. */
export const refreshSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['refreshToken'],
  properties: {
    refreshToken: { type: 'string', minLength: 1, maxLength: 256 },
  },
} as const;
export const validateRefresh = compileValidator<{ refreshToken: string }>(refreshSchema);
