import { compileValidator } from '../../../../libs/domain/src/validation/json-schema-validator.js';

/** E-mail and password, for a bearer token (API clients) or a session cookie (the web app). */
export const loginSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['email', 'password'],
  properties: {
    email: { type: 'string', format: 'email', maxLength: 320 },
    password: { type: 'string', minLength: 1, maxLength: 1024 },
  },
} as const;
export const validateLogin = compileValidator<{ email: string; password: string }>(loginSchema);
