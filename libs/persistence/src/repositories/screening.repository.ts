import type { EntityManager } from 'typeorm';
import { TrackScreening } from '../entities/track-screening.entity.js';

/** Screening decisions (Lex Maria, NIS2); immutable once written. */
export class ScreeningRepository {
  constructor(private readonly manager: EntityManager) {}

  exists(id: string): Promise<boolean> {
    return this.manager.existsBy(TrackScreening, { id });
  }

  async insert(screening: TrackScreening): Promise<void> {
    await this.manager.insert(TrackScreening, screening);
  }

  ofIncident(incidentId: string): Promise<TrackScreening[]> {
    return this.manager.find(TrackScreening, { where: { incidentId }, order: { decidedAt: 'ASC' } });
  }
}
