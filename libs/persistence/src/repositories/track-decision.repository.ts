import type { EntityManager } from 'typeorm';
import { TrackDecision } from '../entities/track-decision.entity.js';

/** Reasoned decisions that an owed track needs no report; immutable once written. */
export class TrackDecisionRepository {
  constructor(private readonly manager: EntityManager) {}

  exists(incidentId: string, track: string): Promise<boolean> {
    return this.manager.existsBy(TrackDecision, { incidentId, track });
  }

  async insert(decision: TrackDecision): Promise<void> {
    await this.manager.insert(TrackDecision, decision);
  }

  ofIncident(incidentId: string): Promise<TrackDecision[]> {
    return this.manager.find(TrackDecision, { where: { incidentId }, order: { decidedAt: 'ASC' } });
  }
}
