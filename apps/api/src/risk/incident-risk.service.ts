import { ConflictException, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { IncidentFacts } from '../../../../libs/domain/src/incident/incident-facts.js';
import { riskFactsOfIncident } from '../../../../libs/domain/src/incident/risk-facts-of-incident.js';
import { assessRisk } from '../../../../libs/domain/src/risk/assess-risk.js';
import type { RiskOutcome } from '../../../../libs/domain/src/risk/assessment.js';
import { appendAudit } from '../../../../libs/persistence/src/audit/audit-log.js';
import { RiskAssessment } from '../../../../libs/persistence/src/entities/risk-assessment.entity.js';
import { RiskOverride } from '../../../../libs/persistence/src/entities/risk-override.entity.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { loadRiskPicture } from '../../../../libs/persistence/src/risk/load-risk-picture.js';
import { historyEntry, type AssessmentHistoryEntry, type IncidentRiskView } from '../../../../libs/persistence/src/risk/risk-picture-view.js';

/**
 * Assessments of incident facts and the overrides of their outcomes. Every facts version is
 * assessed once per model version, inside the transaction that stores it; stored assessments
 * are never rewritten.
 */
@Injectable()
export class IncidentRiskService {
  /** Assesses a facts version that is complete enough; returns undefined while facts are missing. */
  async assessFactsVersion(
    manager: EntityManager,
    organisationId: string,
    incidentId: string,
    factsVersion: number,
    facts: IncidentFacts,
  ): Promise<RiskAssessment | undefined> {
    const riskFacts = riskFactsOfIncident(facts);
    if (!riskFacts.complete) return undefined;
    const assessment = assessRisk(riskFacts.facts);
    const row: RiskAssessment = {
      id: randomUUID(),
      incidentId,
      factsVersion,
      modelVersion: assessment.modelVersion,
      inputHash: assessment.inputHash,
      outcome: assessment.outcome,
      assessment,
      assessedAt: new Date(),
    };
    await manager.insert(RiskAssessment, row as unknown as Parameters<EntityManager['insert']>[1]);
    await appendAudit(manager, {
      organisationId,
      incidentId,
      actor: 'risk-model',
      action: 'risk.assessed',
      detail: { factsVersion, outcome: assessment.outcome, modelVersion: assessment.modelVersion, inputHash: assessment.inputHash },
    });
    return row;
  }

  /** The risk picture of a facts version, or null while it cannot be assessed. */
  current(manager: EntityManager, incidentId: string, factsVersion: number): Promise<IncidentRiskView | null> {
    return loadRiskPicture(manager, incidentId, factsVersion);
  }

  async history(manager: EntityManager, incidentId: string): Promise<AssessmentHistoryEntry[]> {
    const rows = await manager.find(RiskAssessment, { where: { incidentId }, order: { factsVersion: 'DESC', assessedAt: 'DESC' } });
    const overrides = await manager.find(RiskOverride, { where: { incidentId }, order: { decidedAt: 'ASC' } });
    return rows.map((row) => historyEntry(row, overrides));
  }

  /** Records a manager's override of the current assessment's outcome. */
  async override(
    manager: EntityManager,
    user: AuthenticatedUser,
    incidentId: string,
    factsVersion: number,
    decision: { outcome: RiskOutcome; justification: string },
  ): Promise<IncidentRiskView> {
    const current = await this.current(manager, incidentId, factsVersion);
    if (!current) {
      throw new ConflictException('there is no assessment to override yet: record breach, data, subjects and controller facts first');
    }
    const row: RiskOverride = {
      id: randomUUID(),
      incidentId,
      assessmentId: current.assessmentId,
      outcome: decision.outcome,
      justification: decision.justification,
      decidedBy: user.id,
      decidedAt: new Date(),
    };
    await manager.insert(RiskOverride, row);
    await appendAudit(manager, {
      organisationId: user.organisationId,
      incidentId,
      actor: user.id,
      action: 'risk.overridden',
      detail: { factsVersion, computedOutcome: current.computed.outcome, previousOutcome: current.outcome, outcome: decision.outcome },
    });
    return (await this.current(manager, incidentId, factsVersion))!;
  }
}
