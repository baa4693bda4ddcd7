import type { EntityManager } from 'typeorm';
import { effectiveOutcome } from '../../../domain/src/risk/effective-outcome.js';
import { RISK_MODEL_VERSION } from '../../../domain/src/risk/model-version.js';
import { RiskAssessment } from '../entities/risk-assessment.entity.js';
import { RiskOverride } from '../entities/risk-override.entity.js';
import { overrideView, type IncidentRiskView } from './risk-picture-view.js';

/** The risk picture of a facts version (model, override, effective outcome), or null while it cannot be assessed. */
export async function loadRiskPicture(manager: EntityManager, incidentId: string, factsVersion: number): Promise<IncidentRiskView | null> {
  const row = await manager.findOne(RiskAssessment, {
    where: { incidentId, factsVersion, modelVersion: RISK_MODEL_VERSION },
  });
  if (!row) return null;
  const latestOverride = await manager.findOne(RiskOverride, { where: { incidentId }, order: { decidedAt: 'DESC', id: 'DESC' } });
  const overriddenOutcome = latestOverride ? (await manager.findOneByOrFail(RiskAssessment, { id: latestOverride.assessmentId })).outcome : undefined;
  const effective = effectiveOutcome(
    row.outcome,
    latestOverride && overriddenOutcome ? { outcome: latestOverride.outcome, overriddenOutcome } : undefined,
  );
  return {
    ...riskPictureOf(row),
    outcome: effective.outcome,
    outcomeSource: effective.source,
    overrideLapsed: effective.overrideLapsed,
    override: effective.source === 'override' && latestOverride ? overrideView(latestOverride) : null,
  };
}

/** The picture of an assessment nobody has overridden (e.g. the one just made). */
export function riskPictureOf(row: RiskAssessment): IncidentRiskView {
  return {
    factsVersion: row.factsVersion,
    outcome: row.outcome,
    outcomeSource: 'model',
    overrideLapsed: false,
    override: null,
    assessedAt: row.assessedAt.toISOString(),
    assessmentId: row.id,
    computed: row.assessment,
  };
}
