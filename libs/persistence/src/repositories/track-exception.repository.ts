import type { EntityManager } from 'typeorm';
import { TrackException } from '../entities/track-exception.entity.js';

/** Art. 34(3) exception proposals and decisions. */
export class TrackExceptionRepository {
  constructor(private readonly manager: EntityManager) {}

  async insert(exception: TrackException): Promise<void> {
    await this.manager.insert(TrackException, exception);
  }

  find(id: string, incidentId: string, options: { lock?: boolean } = {}): Promise<TrackException | null> {
    return this.manager.findOne(TrackException, { where: { id, incidentId }, ...(options.lock && { lock: { mode: 'for_no_key_update' as const } }) });
  }

  async update(id: string, change: Partial<TrackException>): Promise<void> {
    await this.manager.update(TrackException, { id }, change);
  }

  ofIncident(incidentId: string): Promise<TrackException[]> {
    return this.manager.find(TrackException, { where: { incidentId }, order: { proposedAt: 'ASC' } });
  }
}
