import { useI18n } from '../../i18n/i18n.js';
import type { BreachKind, CareImpact, DataCategory, Exposure, Identifiability, Protection, Sector, SubjectCategory } from './intake-draft.js';

const entries = <K extends string>(labels: Record<K, string>) => (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));

/** The answer options of the intake's questions, in the current language. */
export function useIntakeOptions() {
  const { t } = useI18n();
  const q = t.intake;
  return {
    kinds: entries<BreachKind>({ confidentiality: q.kind.confidentiality, integrity: q.kind.integrity, availability: q.kind.availability }),
    exposure: entries<Exposure>(q.recipients.exposure),
    dataCategories: entries<DataCategory>(q.categories),
    identifiability: entries<Identifiability>(q.data.identifiability),
    protection: entries<Protection>(q.protection.options),
    subjectCategories: entries<SubjectCategory>(q.subjects.categories),
    careImpact: entries<CareImpact>(q.care.options),
    sector: entries<Sector>(q.role.sector),
    ourRole: entries<'controller' | 'processor'>({ controller: q.role.controller, processor: q.role.processor }),
  };
}
