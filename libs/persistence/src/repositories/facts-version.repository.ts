import type { EntityManager } from 'typeorm';
import type { IncidentFacts } from '../../../domain/src/incident/incident-facts.js';
import { IncidentFactsVersion } from '../entities/incident-facts-version.entity.js';

/** The immutable versions of an incident's facts. */
export class FactsVersionRepository {
  constructor(private readonly manager: EntityManager) {}

  get(incidentId: string, version: number): Promise<IncidentFactsVersion> {
    return this.manager.findOneByOrFail(IncidentFactsVersion, { incidentId, version });
  }

  async facts(incidentId: string, version: number): Promise<IncidentFacts> {
    return (await this.get(incidentId, version)).facts;
  }

  /** Every version of an incident's facts, newest first. */
  history(incidentId: string): Promise<IncidentFactsVersion[]> {
    return this.manager.find(IncidentFactsVersion, { where: { incidentId }, order: { version: 'DESC' } });
  }

  async insert(version: Omit<IncidentFactsVersion, 'recordedAt'>): Promise<void> {
    await this.manager.insert(IncidentFactsVersion, version);
  }
}
