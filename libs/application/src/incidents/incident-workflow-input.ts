import type { IncidentFacts } from '../../../domain/src/incident/incident-facts.js';
import type { RiskOutcome } from '../../../domain/src/risk/assessment.js';
import type { Repositories } from '../../../persistence/src/case-file.js';
import type { Incident } from '../../../persistence/src/entities/incident.entity.js';
import type { IncidentWorkflowInput } from '../../../../workflows/messages.js';

/** What the workflow must know of the current facts to decide which tracks are owed. */
export interface OwedTrackSignals {
  role: IncidentFacts['ourRole'];
  outcome: RiskOutcome | null;
  affectedControllers?: string[];
}

export async function owedTrackSignals(repositories: Repositories, incident: Incident): Promise<OwedTrackSignals> {
  // One after the other: inside a transaction the repositories share one connection.
  const facts = await repositories.facts.facts(incident.id, incident.currentFactsVersion);
  const risk = await repositories.risk.picture(incident.id, incident.currentFactsVersion);
  return { role: facts.ourRole, outcome: risk?.outcome ?? null, affectedControllers: facts.affectedControllers };
}

/**
 * What starts an incident's workflow: its current facts' signals and the organisation's clock
 * settings in force now (a running incident keeps the settings it started with).
 */
export async function incidentWorkflowInput(repositories: Repositories, incident: Incident, known?: OwedTrackSignals): Promise<IncidentWorkflowInput> {
  const signals = known ?? (await owedTrackSignals(repositories, incident));
  const organisation = await repositories.organisations.get(incident.organisationId);
  return {
    incidentId: incident.id,
    organisationId: incident.organisationId,
    factsVersion: incident.currentFactsVersion,
    awareAt: incident.awareAt.toISOString(),
    role: signals.role,
    outcome: signals.outcome,
    affectedControllers: signals.affectedControllers,
    reminderFractions: organisation.reminderFractions,
    processorNoticeHours: organisation.processorNoticeHours,
    timeZone: organisation.timeZone,
    clockSettings: { lexMariaReportDays: organisation.lexMariaReportDays, lexMariaInvestigationDays: organisation.lexMariaInvestigationDays },
  };
}
