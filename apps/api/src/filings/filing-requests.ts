import type { FilingKind, FilingLanguage, FilingTrack } from '../../../../libs/domain/src/filings/filing-input.js';
import { compileValidator } from '../../../../libs/domain/src/validation/json-schema-validator.js';

const text = (maxLength: number) => ({ type: 'string', minLength: 1, maxLength, pattern: '\\S' }) as const;
const revision = { type: 'integer', minimum: 1, description: 'The revision you reviewed; refused when the draft has changed since.' } as const;

export const createFilingSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['track', 'language', 'kind'],
  properties: {
    track: { enum: ['gdpr-art33', 'gdpr-art33-2'] },
    language: { enum: ['sv', 'en'] },
    kind: { enum: ['initial', 'supplement', 'final', 'no-breach'] },
    recipient: text(300),
    informationToFollow: text(5_000),
    noBreachJustification: { type: 'string', minLength: 20, maxLength: 5_000 },
    delayReason: text(5_000),
  },
} as const;
export interface CreateFilingRequest {
  track: FilingTrack;
  language: FilingLanguage;
  kind: FilingKind;
  recipient?: string;
  informationToFollow?: string;
  noBreachJustification?: string;
  delayReason?: string;
}
export const validateCreateFiling = compileValidator<CreateFilingRequest>(createFilingSchema);

export const reviewSchema = {
  type: 'object',
  additionalProperties: false,
  properties: { comment: text(5_000), revision },
} as const;
export const rejectSchema = { ...reviewSchema, required: ['comment'] } as const;
export interface ReviewRequest {
  comment?: string;
  revision?: number;
}
export const validateReview = compileValidator<ReviewRequest>(reviewSchema);
export const validateReject = compileValidator<ReviewRequest>(rejectSchema);

export const recordFilingSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['filedAt', 'channel'],
  properties: {
    filedAt: { type: 'string', format: 'date-time' },
    channel: { enum: ['imy-e-service', 'imy-post', 'e-mail', 'letter', 'other'] },
    reference: text(100),
    delayReason: text(5_000),
  },
} as const;
export interface RecordFilingRequest {
  filedAt: string;
  channel: string;
  reference?: string;
  delayReason?: string;
}
export const validateRecordFiling = compileValidator<RecordFilingRequest>(recordFilingSchema);

export const referenceSchema = { type: 'object', additionalProperties: false, required: ['reference'], properties: { reference: text(100) } } as const;
export const validateReference = compileValidator<{ reference: string }>(referenceSchema);

export const notRequiredSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['reason'],
  properties: { reason: { type: 'string', minLength: 20, maxLength: 5_000 } },
} as const;
export const validateNotRequired = compileValidator<{ reason: string }>(notRequiredSchema);
