import type { Messages } from '../../i18n/messages.sv.js';
import { fromZonedInputValue } from '../../i18n/time.js';
import type { FormError } from '../../components/form-errors.js';
import type { CreateIncidentBody } from '../incidents/use-incidents.js';

type Facts = NonNullable<CreateIncidentBody>;
type Breach = NonNullable<Facts['breach']>;
export type Exposure = NonNullable<Breach['confidentiality']>['exposure'];
export type DataCategory = NonNullable<Facts['data']>['categories'][number];
export type Identifiability = NonNullable<Facts['data']>['identifiability'];
export type Protection = NonNullable<Facts['data']>['protection'];
export type SubjectCategory = NonNullable<Facts['subjects']>['categories'][number];
export type CareImpact = NonNullable<Facts['careImpact']>;
export type Sector = NonNullable<Facts['controller']>['sector'];
export type BreachKind = 'confidentiality' | 'integrity' | 'availability';

/** The answers so far, as the form holds them (text inputs as text); nothing is sent until the end. */
export interface IntakeDraft {
  idempotencyKey: string;
  title: string;
  summary: string;
  kinds: BreachKind[];
  malicious?: boolean;
  exposure?: Exposure;
  recipientsTrusted?: boolean;
  dataRetrievedOrDeleted?: boolean;
  integrityRecoverable?: boolean;
  integrityPossiblyMisused?: boolean;
  availabilityPermanentLoss?: boolean;
  availabilityBackupRestorable?: boolean;
  dataCategories: DataCategory[];
  identifiability?: Identifiability;
  protection?: Protection;
  approxCount: string;
  subjectCategories: SubjectCategory[];
  careImpact?: CareImpact;
  ourRole: 'controller' | 'processor';
  affectedControllers: string;
  sector: Sector;
  occurredAt: string;
  discoveredAt: string;
  awareAt: string;
}

export function emptyDraft(): IntakeDraft {
  return { idempotencyKey: crypto.randomUUID(), title: '', summary: '', kinds: [], dataCategories: [], approxCount: '', subjectCategories: [], ourRole: 'controller', affectedControllers: '', sector: 'healthcare', occurredAt: '', discoveredAt: '', awareAt: '' };
}

export const STEP_IDS = ['describe', 'kind', 'recipients', 'altered-or-lost', 'data', 'protection', 'subjects', 'care', 'role', 'when', 'check'] as const;
export type StepId = (typeof STEP_IDS)[number];

/** The steps this draft asks: who received the data only for a confidentiality breach, care impact only in healthcare. */
export function stepsFor(draft: IntakeDraft): StepId[] {
  return STEP_IDS.filter((step) => {
    if (step === 'recipients') return draft.kinds.includes('confidentiality');
    if (step === 'altered-or-lost') return draft.kinds.includes('integrity') || draft.kinds.includes('availability');
    if (step === 'care') return draft.sector === 'healthcare';
    return true;
  });
}

const count = (text: string) => (/^\d{1,9}$/.test(text.trim()) && Number(text) > 0 ? Number(text) : undefined);
const lines = (text: string) => text.split('\n').map((line) => line.trim()).filter(Boolean);

/** The breach as RiskFacts, or undefined while an answer the model needs is missing. */
export function riskFactsOf(draft: IntakeDraft): Pick<Facts, 'breach' | 'data' | 'subjects' | 'controller' | 'careImpact'> | undefined {
  const approxCount = count(draft.approxCount);
  if (draft.malicious === undefined || !draft.identifiability || !draft.protection || draft.dataCategories.length === 0 || approxCount === undefined || draft.subjectCategories.length === 0) return undefined;
  const breach: Breach = { malicious: draft.malicious };
  if (draft.kinds.includes('confidentiality')) {
    if (!draft.exposure) return undefined;
    breach.confidentiality = {
      exposure: draft.exposure,
      ...(draft.recipientsTrusted !== undefined && { recipientsTrusted: draft.recipientsTrusted }),
      ...(draft.dataRetrievedOrDeleted !== undefined && { dataRetrievedOrDeleted: draft.dataRetrievedOrDeleted }),
    };
  }
  if (draft.kinds.includes('integrity')) {
    if (draft.integrityRecoverable === undefined || draft.integrityPossiblyMisused === undefined) return undefined;
    breach.integrity = { recoverable: draft.integrityRecoverable, possiblyMisused: draft.integrityPossiblyMisused };
  }
  if (draft.kinds.includes('availability')) {
    if (draft.availabilityPermanentLoss === undefined || draft.availabilityBackupRestorable === undefined) return undefined;
    breach.availability = { permanentLoss: draft.availabilityPermanentLoss, backupRestorable: draft.availabilityBackupRestorable };
  }
  return {
    breach,
    data: { categories: draft.dataCategories, identifiability: draft.identifiability, protection: draft.protection },
    subjects: { approxCount, categories: draft.subjectCategories },
    controller: { sector: draft.sector },
    ...(draft.sector === 'healthcare' && draft.careImpact && { careImpact: draft.careImpact }),
  };
}

/** The body of POST /api/incidents. */
export function createBodyOf(draft: IntakeDraft, timeZone: string): Facts {
  const occurredAt = draft.occurredAt ? fromZonedInputValue(draft.occurredAt, timeZone) : undefined;
  return {
    title: draft.title.trim(),
    summary: draft.summary.trim(),
    discoveredAt: fromZonedInputValue(draft.discoveredAt, timeZone) ?? '',
    awareAt: fromZonedInputValue(draft.awareAt, timeZone) ?? '',
    ourRole: draft.ourRole,
    ...(occurredAt && { occurredAt }),
    ...(draft.ourRole === 'processor' && lines(draft.affectedControllers).length > 0 && { affectedControllers: lines(draft.affectedControllers) }),
    ...(draft.sector === 'healthcare' && { careProvider: true }),
    ...riskFactsOf(draft),
  };
}

/** What a step still needs before the person may continue, named per field. */
export function stepErrors(step: StepId, draft: IntakeDraft, t: Messages): FormError[] {
  const required = (field: string, label: string, missing: boolean): FormError[] => (missing ? [{ field, message: `${label}: ${t.form.required}` }] : []);
  const q = t.intake;
  switch (step) {
    case 'describe':
      return [...required('title', q.describe.titleLabel, !draft.title.trim()), ...required('summary', q.describe.summaryLabel, !draft.summary.trim())];
    case 'kind':
      return [...required('kinds', q.kind.title, draft.kinds.length === 0), ...required('breach.malicious', q.kind.maliciousLabel, draft.malicious === undefined)];
    case 'recipients':
      return required('breach.confidentiality.exposure', q.recipients.title, !draft.exposure);
    case 'altered-or-lost':
      return [];
    case 'data':
      return [...required('data.categories', q.data.categoriesLabel, draft.dataCategories.length === 0), ...required('data.identifiability', q.data.identifiabilityLabel, !draft.identifiability)];
    case 'protection':
      return required('data.protection', q.protection.title, !draft.protection);
    case 'subjects':
      return [...required('subjects.approxCount', q.subjects.countLabel, count(draft.approxCount) === undefined), ...required('subjects.categories', q.subjects.categoriesLabel, draft.subjectCategories.length === 0)];
    case 'care':
      return required('careImpact', q.care.title, !draft.careImpact);
    case 'role':
      return required('affectedControllers', q.role.controllersLabel, draft.ourRole === 'processor' && lines(draft.affectedControllers).length === 0);
    case 'when': {
      const errors = [...required('discoveredAt', q.when.discoveredLabel, !draft.discoveredAt), ...required('awareAt', q.when.awareLabel, !draft.awareAt)];
      if (errors.length === 0 && draft.awareAt < draft.discoveredAt) errors.push({ field: 'awareAt', message: q.when.awareBeforeDiscovered });
      return errors;
    }
    case 'check':
      return [];
  }
}
