import type { ScreenTrackRequest } from '../../../../libs/application/src/tracks/screen-track.js';
import { TASK_KINDS } from '../../../../libs/domain/src/tracks/tasks/task-kinds.js';
import { WRITTEN_REASON_MIN_LENGTH } from '../../../../libs/domain/src/tracks/catalogue.js';
import { compileValidator } from '../../../../libs/domain/src/validation/json-schema-validator.js';

/** A screening decision: the conclusion, the answers to the track's statutory questions, and the reason. */
export const screeningSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['applies', 'reason', 'answers'],
  properties: {
    applies: { type: 'boolean', description: 'The conclusion: the track applies (a report is owed) or it does not.' },
    reason: { type: 'string', minLength: WRITTEN_REASON_MIN_LENGTH, maxLength: 5_000, pattern: '\\S' },
    answers: {
      oneOf: [
        {
          type: 'object',
          additionalProperties: false,
          required: ['track', 'seriousCareInjury'],
          properties: {
            track: { const: 'lex-maria' },
            seriousCareInjury: { enum: ['caused', 'could-have-caused', 'neither'], description: 'PSL 1 kap. 5 §: has the event caused, or could it have caused, a serious care injury?' },
          },
        },
        {
          type: 'object',
          additionalProperties: false,
          required: ['track', 'severeDisruptionOrFinancialLoss', 'considerableDamageToOthers'],
          properties: {
            track: { const: 'nis2' },
            severeDisruptionOrFinancialLoss: { type: 'boolean', description: 'CSL 2 kap. 5 §: a severe operational disruption of the service or financial loss for the entity.' },
            considerableDamageToOthers: { type: 'boolean', description: 'CSL 2 kap. 5 §: considerable damage to other natural or legal persons.' },
          },
        },
      ],
    },
  },
} as const;
export const validateScreening = compileValidator<ScreenTrackRequest>(screeningSchema);

export const intermediateRequestSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['dueAt'],
  properties: { dueAt: { type: 'string', format: 'date-time', description: 'When the CSIRT wants the intermediate report.' } },
} as const;
export const validateIntermediateRequest = compileValidator<{ dueAt: string }>(intermediateRequestSchema);

export const handledSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['handledAt'],
  properties: { handledAt: { type: 'string', format: 'date-time', description: 'When the incident was handled; after a progress report the final report is due one month later.' } },
} as const;
export const validateHandled = compileValidator<{ handledAt: string }>(handledSchema);

export const createTaskSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'data'],
  properties: {
    kind: { enum: TASK_KINDS, description: 'A task a person adds: `patient-information`, one per group of patients (PSL 3 kap. 8 §).' },
    data: { type: 'object', description: "The task's record; its schema depends on the kind." },
  },
} as const;
export const validateCreateTask = compileValidator<{ kind: string; data: object }>(createTaskSchema);

export const updateTaskSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['data'],
  properties: { data: { type: 'object', description: "The task's record as it stands now; its schema depends on the kind." } },
} as const;
export const validateUpdateTask = compileValidator<{ data: object }>(updateTaskSchema);
