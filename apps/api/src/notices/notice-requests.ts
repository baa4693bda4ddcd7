import type { DraftNoticeRequest, NoticeContentChange } from '../../../../libs/application/src/notices/notice-steps.js';
import { NOTICE_CHANNELS } from '../../../../libs/domain/src/notices/notice-content.js';
import { NOTICE_LANGUAGES } from '../../../../libs/domain/src/notices/recipient-row.js';
import { compileValidator } from '../../../../libs/domain/src/validation/json-schema-validator.js';

const text = (maxLength: number, description: string) => ({ type: 'string', minLength: 1, maxLength, pattern: '\\S', description }) as const;

const contentSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    nature: text(5_000, 'What happened, in plain words (Art. 34(2)).'),
    consequences: text(5_000, 'What it may mean for the person (Art. 33(3)(c)).'),
    measures: text(5_000, 'What the organisation has done and will do, including to limit the harm (Art. 33(3)(d)).'),
    advice: text(5_000, 'What the person can do to protect themselves.'),
    subject: text(200, "The e-mail's subject; a default in the notice's language when absent."),
  },
} as const;

export const draftNoticeSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['channel', 'content'],
  properties: {
    channel: { enum: NOTICE_CHANNELS, description: 'email, letter (a PDF per person and one print batch), sms (a short pointer, no details) or public (a page without personal data, Art. 34(3)(c)).' },
    language: { enum: NOTICE_LANGUAGES, description: 'The language it is written in (sv-easy: lättläst svenska). Given, only recipients of that language get it; absent, it is Swedish and goes to everyone.' },
    segment: { type: 'string', minLength: 1, maxLength: 100, description: 'Only recipients of this segment (as imported).' },
    content: contentSchema,
  },
} as const;
export const validateDraftNotice = compileValidator<DraftNoticeRequest>(draftNoticeSchema);

/** An edit may clear a text with null. */
const contentChangeSchema = {
  ...contentSchema,
  properties: Object.fromEntries(Object.entries(contentSchema.properties).map(([key, schema]) => [key, { anyOf: [schema, { type: 'null' }] }])),
} as const;
export const editNoticeSchema = { type: 'object', additionalProperties: false, required: ['content'], properties: { content: contentChangeSchema } } as const;
export const validateEditNotice = compileValidator<{ content: NoticeContentChange }>(editNoticeSchema);

export const sendNoticeSchema = {
  type: 'object',
  additionalProperties: false,
  properties: { ratePerSecond: { type: 'number', exclusiveMinimum: 0, maximum: 10_000, description: 'Messages per second; the configured default when absent.' } },
} as const;
export const validateSendNotice = compileValidator<{ ratePerSecond?: number }>(sendNoticeSchema);
