import { useI18n } from '../../i18n/i18n.js';

/** A fact's key (as the API names it) in the person's words; an unknown key is shown as it is. */
export function useFactLabel(): (key: string) => string {
  const { t } = useI18n();
  const labels: Record<string, string> = {
    title: t.intake.describe.titleLabel,
    summary: t.intake.describe.summaryLabel,
    cause: t.incident.causeLabel,
    occurredAt: t.intake.when.occurredLabel,
    discoveredAt: t.intake.when.discoveredLabel,
    awareAt: t.intake.when.awareLabel,
    containedAt: t.incident.containedAt,
    ourRole: t.incident.ourRole,
    approxRecords: t.incident.approxRecords,
    likelyConsequences: t.incident.likelyConsequences,
    measures: t.incident.measures,
    breach: t.intake.kind.title,
    data: t.intake.data.title,
    subjects: t.intake.subjects.title,
    controller: t.intake.role.sectorLabel,
    careImpact: t.intake.care.title,
    affectedControllers: t.intake.role.controllersLabel,
    careUnit: t.incident.careUnit,
    patientConsequences: t.incident.patientConsequences,
    nis2EntityClass: t.incident.nis2EntityClass,
  };
  return (key) => labels[key] ?? key;
}
