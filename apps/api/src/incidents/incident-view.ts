import type { IncidentFacts } from '../../../../libs/domain/src/incident/incident-facts.js';
import type { Incident } from '../../../../libs/persistence/src/entities/incident.entity.js';
import type { ClockState } from '../../../../workflows/messages.js';

export interface IncidentSummaryView {
  id: string;
  reference: string;
  title: string;
  status: string;
  awareAt: string;
  factsVersion: number;
  createdAt: string;
  updatedAt: string;
}

export interface IncidentView extends IncidentSummaryView {
  facts: IncidentFacts;
  clocks: ClockState[];
  /** `workflow` when the clocks come live from the running workflow, `database` when it could not answer. */
  clocksSource: 'workflow' | 'database';
  workflowId: string;
}

export function incidentSummaryView(incident: Incident): IncidentSummaryView {
  return {
    id: incident.id,
    reference: incident.reference,
    title: incident.title,
    status: incident.status,
    awareAt: incident.awareAt.toISOString(),
    factsVersion: incident.currentFactsVersion,
    createdAt: incident.createdAt.toISOString(),
    updatedAt: incident.updatedAt.toISOString(),
  };
}
