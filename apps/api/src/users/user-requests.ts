import { ROLES, type Role } from '../../../../libs/domain/src/roles.js';
import { MAX_PASSWORD_LENGTH } from '../../../../libs/domain/src/users/password-policy.js';
import { compileValidator } from '../../../../libs/domain/src/validation/json-schema-validator.js';
import type { Invitation, NewLinkRequest } from '../../../../libs/application/src/users/user-accounts.js';
import type { AccountChange } from '../../../../libs/domain/src/users/last-admin.js';

/** An invitation: who, with which role, and the language of the e-mail (the configured default when absent). */
export const invitationSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['email', 'displayName', 'role'],
  properties: {
    email: { type: 'string', format: 'email', maxLength: 320 },
    displayName: { type: 'string', minLength: 1, maxLength: 200, pattern: '\\S' },
    role: { type: 'string', enum: [...ROLES] },
    language: { type: 'string', enum: ['sv', 'en'] },
  },
} as const;
export const validateInvitation = compileValidator<Invitation>(invitationSchema);

/** A new one-time link for a person: the language of its e-mail (the configured default when absent); no body at all is the same as `{}`. */
export const newLinkSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    language: { type: 'string', enum: ['sv', 'en'] },
  },
} as const;
export const validateNewLink = compileValidator<NewLinkRequest>(newLinkSchema);

/** A change of role, of activity, or both. */
export const accountChangeSchema = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    role: { type: 'string', enum: [...ROLES] },
    active: { type: 'boolean' },
  },
} as const;
export const validateAccountChange = compileValidator<AccountChange & { role?: Role }>(accountChangeSchema);

/** The token of a one-time link and the password chosen (the policy itself answers 400 naming `password`). */
export const setPasswordSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['token', 'password'],
  properties: {
    token: { type: 'string', minLength: 1, maxLength: 200 },
    password: { type: 'string', minLength: 1, maxLength: MAX_PASSWORD_LENGTH },
  },
} as const;
export const validateSetPassword = compileValidator<{ token: string; password: string }>(setPasswordSchema);
