import { refuse, type Refusal } from '../../failures.js';

/** The six things PSL 3 kap. 8 § says a patient who suffered a care injury is to be told. */
export const PATIENT_INFORMATION_ITEMS = ['eventOccurred', 'preventionMeasures', 'complaintsHandling', 'patientBoard', 'ivoComplaint', 'compensation'] as const;
export type PatientInformationItem = (typeof PATIENT_INFORMATION_ITEMS)[number];

/**
 * Informing one group of patients (PSL 3 kap. 8 §), as soon as possible: that an event causing a
 * care injury happened, what the provider does so it does not happen again, the duty to handle
 * complaints, the patient board, the right to complain to IVO, and compensation under the patient
 * injury act or the pharmaceutical insurance. A close relative is told instead when the patient
 * asks or cannot take it in; what was told is noted in the patient record; secrecy may prevent it
 * (3 kap. 8 c §). The group is described, never a patient named.
 */
export interface PatientInformationData {
  group: string;
  /** Who was told: the patient, or a close relative. */
  told?: 'patient' | 'relative';
  /** Why a relative was told instead (the patient asked, or could not take it in). */
  relativeReason?: string;
  informedAt?: string;
  items: Partial<Record<PatientInformationItem, boolean>>;
  /** Secrecy prevents the information (3 kap. 8 c §): why. */
  secrecyPrevents?: string;
  /** A note of what was told is made in the patient record. */
  recordNoteMade?: boolean;
}

export const patientInformationSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['group', 'items'],
  properties: {
    group: { type: 'string', minLength: 1, maxLength: 500 },
    told: { enum: ['patient', 'relative'] },
    relativeReason: { type: 'string', minLength: 1, maxLength: 2_000 },
    informedAt: { type: 'string', format: 'date-time' },
    items: { type: 'object', additionalProperties: false, properties: Object.fromEntries(PATIENT_INFORMATION_ITEMS.map((item) => [item, { type: 'boolean' }])) },
    secrecyPrevents: { type: 'string', minLength: 20, maxLength: 5_000 },
    recordNoteMade: { type: 'boolean' },
  },
} as const;

/** Done when secrecy prevents it (and why), or when all six items were told, to whom and when, and the record note is made. */
export function refusePatientInformationDone(data: PatientInformationData): Refusal | undefined {
  if (data.secrecyPrevents?.trim()) return undefined;
  if (!data.told || !data.informedAt) return refuse('unprocessable', 'say who was told (the patient or a close relative) and when', data.told ? 'data.informedAt' : 'data.told');
  if (data.told === 'relative' && !data.relativeReason?.trim()) return refuse('unprocessable', 'say why a close relative was told instead of the patient', 'data.relativeReason');
  const untold = PATIENT_INFORMATION_ITEMS.filter((item) => data.items[item] !== true);
  if (untold.length > 0) return refuse('unprocessable', `PSL 3 kap. 8 § asks all six items to be told; not yet: ${untold.join(', ')}`, `data.items.${untold[0]}`);
  if (data.recordNoteMade !== true) return refuse('unprocessable', 'confirm that a note of what was told is made in the patient record', 'data.recordNoteMade');
  return undefined;
}
