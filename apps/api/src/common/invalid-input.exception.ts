import { BadRequestException } from '@nestjs/common';
import type { FieldError } from '../../../../libs/domain/src/validation/field-error.js';
import type { Validator } from '../../../../libs/domain/src/validation/json-schema-validator.js';

/** 400 with every bad field named, so a client can point at the exact input to fix. */
export class InvalidInputException extends BadRequestException {
  constructor(readonly errors: FieldError[]) {
    super({
      statusCode: 400,
      error: 'Bad Request',
      message: `Invalid input: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}`,
      errors,
    });
  }
}

/** Validates at the edge: returns the typed value or throws a 400 naming each field. */
export function validated<T>(validator: Validator<T>, input: unknown): T {
  const result = validator(input);
  if (!result.ok) throw new InvalidInputException(result.errors);
  return result.value;
}
