import type { EntityManager } from 'typeorm';
import { TrackTask } from '../entities/track-task.entity.js';

/** The tasks a track asks for besides its reports. */
export class TaskRepository {
  constructor(private readonly manager: EntityManager) {}

  findOwned(organisationId: string, incidentId: string, id: string, options: { lock?: boolean } = {}): Promise<TrackTask | null> {
    return this.manager.findOne(TrackTask, { where: { id, organisationId, incidentId }, ...(options.lock && { lock: { mode: 'for_no_key_update' as const } }) });
  }

  async insert(task: TrackTask): Promise<void> {
    await this.manager.insert(TrackTask, task);
  }

  async update(id: string, changes: Partial<TrackTask>): Promise<void> {
    await this.manager.update(TrackTask, { id }, changes);
  }

  ofIncident(incidentId: string): Promise<TrackTask[]> {
    return this.manager.find(TrackTask, { where: { incidentId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }
}
