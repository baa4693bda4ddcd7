import { InvalidInputError } from '../../../../libs/domain/src/failures.js';
import type { Validator } from '../../../../libs/domain/src/validation/json-schema-validator.js';

/** Validates at the edge: returns the typed value or throws a 400 naming each field. */
export function validated<T>(validator: Validator<T>, input: unknown): T {
  const result = validator(input);
  if (!result.ok) throw new InvalidInputError(result.errors);
  return result.value;
}
