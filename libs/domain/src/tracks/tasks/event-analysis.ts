import { refuse, type Refusal } from '../../failures.js';

/** A measure decided on, with who carries it out and by when (PSL 3 kap. 2 §: a timetable for what is not done at once). */
export interface PlannedMeasure {
  description: string;
  owner: string;
  /** YYYY-MM-DD. */
  dueDate: string;
  done?: boolean;
}

/**
 * The event analysis (händelseanalys, PSL 3 kap. 3 §): to clarify, as far as possible, the course
 * of events and what influenced it, and to ground measures that keep it from happening again or
 * limit its effects. It goes to IVO with the Lex Maria report or "snarast därefter".
 */
export interface EventAnalysisData {
  /** How the event was investigated (e.g. a structured event analysis). */
  method?: string;
  /** Facts and timeline of the event. */
  courseOfEvents?: string;
  /** The harm, or possible harm, to the patients. */
  harm?: string;
  /** Contributing and root causes. */
  causes?: string;
  /** Whether it could happen again, and whether similar events have happened before. */
  recurrence?: string;
  measures: PlannedMeasure[];
  /** How the effect of the measures is followed up. */
  followUp?: string;
  /** The patients' and relatives' account (PSL 3 kap. 4 §). */
  patientAccount?: string;
  /** Who investigated, and when. */
  investigators?: string;
}

export const eventAnalysisSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['measures'],
  properties: {
    method: { type: 'string', minLength: 1, maxLength: 2_000 },
    courseOfEvents: { type: 'string', minLength: 1, maxLength: 20_000 },
    harm: { type: 'string', minLength: 1, maxLength: 10_000 },
    causes: { type: 'string', minLength: 1, maxLength: 20_000 },
    recurrence: { type: 'string', minLength: 1, maxLength: 10_000 },
    measures: {
      type: 'array',
      maxItems: 100,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['description', 'owner', 'dueDate'],
        properties: {
          description: { type: 'string', minLength: 1, maxLength: 2_000 },
          owner: { type: 'string', minLength: 1, maxLength: 300 },
          dueDate: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
          done: { type: 'boolean' },
        },
      },
    },
    followUp: { type: 'string', minLength: 1, maxLength: 10_000 },
    patientAccount: { type: 'string', minLength: 1, maxLength: 10_000 },
    investigators: { type: 'string', minLength: 1, maxLength: 2_000 },
  },
} as const;

/** Done when the course of events, the causes, who investigated and at least one measure with its timetable are recorded. */
export function refuseEventAnalysisDone(data: EventAnalysisData): Refusal | undefined {
  const missing = (['courseOfEvents', 'causes', 'investigators'] as const).filter((field) => !data[field]?.trim());
  if (missing.length > 0) return refuse('unprocessable', `the event analysis needs ${missing.join(', ')} before it is done`, `data.${missing[0]}`);
  if (data.measures.length === 0) return refuse('unprocessable', 'the event analysis needs at least one measure with an owner and a date (PSL 3 kap. 2 §)', 'data.measures');
  return undefined;
}
