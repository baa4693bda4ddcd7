import { ApiError } from '../api/api-error.js';

/** One problem to show: next to its field (when it has one) and in the error summary. */
export interface FormError {
  field?: string;
  message: string;
}

/** The id of the input that holds a field path such as `breach.confidentiality.exposure`. */
export const fieldId = (field: string) => `field-${field.replace(/[^a-zA-Z0-9]+/g, '-')}`;

/** The API's refusal as form errors: one per named field, else its message alone. */
export function formErrorsOf(error: unknown, fallback: string): FormError[] {
  if (error instanceof ApiError) {
    if (error.fieldErrors.length > 0) return error.fieldErrors.map(({ field, message }) => ({ field, message }));
    return [{ message: error.message }];
  }
  return error ? [{ message: fallback }] : [];
}

/** The first error for a field, also matching the API's prefixed names (e.g. `changes.title` for `title`). */
export function errorFor(errors: readonly FormError[], field: string): string | undefined {
  return errors.find((error) => error.field === field || error.field?.endsWith(`.${field}`) || error.field?.startsWith(`${field}.`) || error.field?.startsWith(`${field}[`))?.message;
}
