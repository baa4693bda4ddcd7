import type { EntityManager } from 'typeorm';
import type { RiskOutcome } from '../../../domain/src/risk/assessment.js';
import { RiskAssessment } from '../entities/risk-assessment.entity.js';
import { RiskOverride } from '../entities/risk-override.entity.js';
import { loadRiskPicture } from '../risk/load-risk-picture.js';
import { historyEntry, type AssessmentHistoryEntry, type IncidentRiskView } from '../risk/risk-picture-view.js';

/** Assessments of facts versions and the overrides of their outcomes; both immutable once written. */
export class RiskRepository {
  constructor(private readonly manager: EntityManager) {}

  async insertAssessment(row: RiskAssessment): Promise<void> {
    // jsonb is opaque to TypeORM's deep-partial typing; the row is complete.
    await this.manager.insert(RiskAssessment, row as unknown as Parameters<EntityManager['insert']>[1]);
  }

  async insertOverride(row: RiskOverride): Promise<void> {
    await this.manager.insert(RiskOverride, row);
  }

  /** The risk picture of a facts version (model, override, effective outcome), or null while it cannot be assessed. */
  picture(incidentId: string, factsVersion: number): Promise<IncidentRiskView | null> {
    return loadRiskPicture(this.manager, incidentId, factsVersion);
  }

  async history(incidentId: string): Promise<AssessmentHistoryEntry[]> {
    const rows = await this.manager.find(RiskAssessment, { where: { incidentId }, order: { factsVersion: 'DESC', assessedAt: 'DESC' } });
    const overrides = await this.manager.find(RiskOverride, { where: { incidentId }, order: { decidedAt: 'ASC' } });
    return rows.map((row) => historyEntry(row, overrides));
  }

  /** Every outcome any assessment or override of the incident ever gave. */
  async outcomesEverGiven(incidentId: string): Promise<RiskOutcome[]> {
    // One after the other: in a transaction the manager holds one connection.
    const assessed = await this.manager.find(RiskAssessment, { where: { incidentId }, select: { outcome: true } });
    const overridden = await this.manager.find(RiskOverride, { where: { incidentId }, select: { outcome: true } });
    return [...assessed, ...overridden].map((row) => row.outcome);
  }
}
