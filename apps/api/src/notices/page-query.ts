import { compileValidator } from '../../../../libs/domain/src/validation/json-schema-validator.js';

/** `?limit=&offset=` as query strings arrive: text, checked as text, then converted. */
export const pageQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    limit: { type: 'string', pattern: '^([1-9][0-9]{0,2})$' },
    offset: { type: 'string', pattern: '^[0-9]{1,9}$' },
    status: { enum: ['queued', 'sent', 'failed', 'skipped'] },
  },
} as const;
export const validatePageQuery = compileValidator<{ limit?: string; offset?: string; status?: 'queued' | 'sent' | 'failed' | 'skipped' }>(pageQuerySchema);

export function pageOf(query: { limit?: string; offset?: string }): { limit: number; offset: number } {
  return { limit: Math.min(Number(query.limit ?? 50), 500), offset: Number(query.offset ?? 0) };
}
