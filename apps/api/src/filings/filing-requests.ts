import type { DraftFilingRequest, RecordFilingRequest, ReviewRequest } from '../../../../libs/application/src/filings/filing-steps.js';
import { DRAFTABLE_KINDS, FILING_RECORD_CHANNELS, FILING_TRACKS, WRITTEN_REASON_MIN_LENGTH } from '../../../../libs/domain/src/tracks/catalogue.js';
import { compileValidator } from '../../../../libs/domain/src/validation/json-schema-validator.js';
import type { DraftContent } from '../../../../workflows/activity-contracts.js';

const text = (maxLength: number) => ({ type: 'string', minLength: 1, maxLength, pattern: '\\S' }) as const;
const language = { enum: ['sv', 'en'] } as const;
const revision = { type: 'integer', minimum: 1, description: 'The revision you reviewed; refused when the draft has changed since.' } as const;
const writtenReason = { type: 'string', minLength: WRITTEN_REASON_MIN_LENGTH, maxLength: 5_000, pattern: '\\S' } as const;

export const createFilingSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['track', 'language', 'kind'],
  properties: {
    track: { enum: FILING_TRACKS },
    language,
    kind: { enum: DRAFTABLE_KINDS, description: 'The kind of report; each track takes its own (IMY: initial, supplement, no-breach; NIS2: early-warning, notification, intermediate, progress, final).' },
    recipient: text(300),
    supplementsToFollow: {
      ...text(5_000),
      description: 'A first report: what will follow in a supplement, and why it is not known yet. Giving it announces supplements; IMY then expects them within four weeks.',
    },
    completesReport: { type: 'boolean', description: 'A supplement that completes the report: nothing more will follow.' },
    noBreachJustification: writtenReason,
    delayReason: text(5_000),
    secrecyRequest: { ...text(5_000), description: "What this report asks the recipient to keep confidential; the organisation's default when absent." },
  },
} as const;
export const validateCreateFiling = compileValidator<DraftFilingRequest>(createFilingSchema);

/** A re-render may change what a person wrote; null clears it, a missing field keeps it. */
export const renderFilingSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    language,
    supplementsToFollow: { anyOf: [text(5_000), { type: 'null' }] },
    completesReport: { type: 'boolean' },
    delayReason: { anyOf: [text(5_000), { type: 'null' }] },
    noBreachJustification: writtenReason,
    secrecyRequest: { anyOf: [text(5_000), { type: 'null' }] },
  },
} as const;
export const validateRenderFiling = compileValidator<DraftContent>(renderFilingSchema);

export const reviewSchema = {
  type: 'object',
  additionalProperties: false,
  properties: { comment: text(5_000), revision },
} as const;
export const rejectSchema = { ...reviewSchema, required: ['comment'] } as const;
export const validateReview = compileValidator<ReviewRequest>(reviewSchema);
export const validateReject = compileValidator<ReviewRequest>(rejectSchema);

export const recordFilingSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['filedAt', 'channel'],
  properties: {
    filedAt: { type: 'string', format: 'date-time' },
    channel: { enum: FILING_RECORD_CHANNELS, description: 'How the report was sent; each track accepts its own channels.' },
    reference: text(100),
    delayReason: text(5_000),
  },
} as const;
export const validateRecordFiling = compileValidator<RecordFilingRequest>(recordFilingSchema);

export const referenceSchema = { type: 'object', additionalProperties: false, required: ['reference'], properties: { reference: text(100) } } as const;
export const validateReference = compileValidator<{ reference: string }>(referenceSchema);

export const notRequiredSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['reason'],
  properties: { reason: writtenReason },
} as const;
export const validateNotRequired = compileValidator<{ reason: string }>(notRequiredSchema);
