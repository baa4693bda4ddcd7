import type { NextFunction, Request, Response } from 'express';
import { isStorableText } from '../../../../libs/domain/src/validation/storable-text.js';

/** The dotted path of the first string that cannot be stored, or undefined. */
export function unstorableTextPath(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return isStorableText(value) ? undefined : path || '(body)';
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = unstorableTextPath(item, `${path}[${index}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const keyPath = path ? `${path}.${key}` : key;
      if (!isStorableText(key)) return keyPath;
      const found = unstorableTextPath(item, keyPath);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * A JSON body with a NUL character or an unpaired surrogate anywhere is refused with a 400 naming
 * the field, before it can reach the database (which would refuse it with a 500).
 */
export function rejectUnstorableText(request: Request, response: Response, next: NextFunction): void {
  const field = unstorableTextPath(request.body);
  if (field === undefined) return next();
  const message = 'contains a character that cannot be stored (NUL or an unpaired surrogate)';
  response.status(400).json({ statusCode: 400, error: 'Bad Request', message: `${field} ${message}`, errors: [{ field, message }] });
}
