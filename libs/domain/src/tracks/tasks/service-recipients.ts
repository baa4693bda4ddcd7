import { refuse, type Refusal } from '../../failures.js';

/**
 * Informing the recipients of the service (Cybersäkerhetslagen 2 kap. 9–10 §§): of a significant
 * incident likely to harm the service, when appropriate, and of the protective measures they can
 * take against a significant cyber threat.
 */
export interface ServiceRecipientsData {
  /** Whether the recipients are to be informed in this incident. */
  required?: boolean;
  /** Why (or why not). */
  reason?: string;
  informedAt?: string;
  how?: string;
  /** What the recipients were told they can do to protect themselves (10 §). */
  protectiveMeasures?: string;
}

export const serviceRecipientsSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    required: { type: 'boolean' },
    reason: { type: 'string', minLength: 1, maxLength: 5_000 },
    informedAt: { type: 'string', format: 'date-time' },
    how: { type: 'string', minLength: 1, maxLength: 2_000 },
    protectiveMeasures: { type: 'string', minLength: 1, maxLength: 5_000 },
  },
} as const;

/** Done with a decision: the recipients were informed (when and how), or why they need not be. */
export function refuseServiceRecipientsDone(data: ServiceRecipientsData): Refusal | undefined {
  if (data.required === undefined) return refuse('unprocessable', 'decide whether the recipients of the service are to be informed', 'data.required');
  if (!data.reason?.trim()) return refuse('unprocessable', 'give the reason for the decision', 'data.reason');
  if (data.required && (!data.informedAt || !data.how?.trim())) return refuse('unprocessable', 'say when and how the recipients were informed', data.informedAt ? 'data.how' : 'data.informedAt');
  return undefined;
}
