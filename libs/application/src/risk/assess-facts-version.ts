import { randomUUID } from 'node:crypto';
import type { IncidentFacts } from '../../../domain/src/incident/incident-facts.js';
import { riskFactsOfIncident } from '../../../domain/src/incident/risk-facts-of-incident.js';
import { assessRisk } from '../../../domain/src/risk/assess-risk.js';
import type { Repositories } from '../../../persistence/src/case-file.js';
import type { RiskAssessment } from '../../../persistence/src/entities/risk-assessment.entity.js';

/**
 * Assesses a facts version that is complete enough, inside the transaction that stores it, so
 * every version has its assessment exactly when it exists; returns undefined while facts are
 * missing. Stored assessments are never rewritten.
 */
export async function assessFactsVersion(
  repositories: Repositories,
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
  await repositories.risk.insertAssessment(row);
  await repositories.audit.append({
    organisationId,
    incidentId,
    actor: 'risk-model',
    action: 'risk.assessed',
    detail: { factsVersion, outcome: assessment.outcome, modelVersion: assessment.modelVersion, inputHash: assessment.inputHash },
  });
  return row;
}
