import type { EntityManager } from 'typeorm';
import { FilingReview } from '../entities/filing-review.entity.js';
import { Filing } from '../entities/filing.entity.js';

/** Reports on the tracks and the reviews of their revisions; the database freezes a report once it is filed. */
export class FilingRepository {
  constructor(private readonly manager: EntityManager) {}

  findOwned(organisationId: string, id: string): Promise<Filing | null> {
    return this.manager.findOneBy(Filing, { id, organisationId });
  }

  find(id: string, options: { lock?: boolean } = {}): Promise<Filing | null> {
    return this.manager.findOne(Filing, { where: { id }, lock: options.lock ? { mode: 'for_no_key_update' } : undefined });
  }

  get(id: string): Promise<Filing> {
    return this.manager.findOneByOrFail(Filing, { id });
  }

  ofIncident(incidentId: string): Promise<Filing[]> {
    return this.manager.find(Filing, { where: { incidentId }, order: { track: 'ASC', sequence: 'ASC' } });
  }

  async insert(filing: Omit<Filing, 'submittedAt' | 'approvedBy' | 'approvedAt' | 'filedAt' | 'filedBy' | 'channel' | 'reference' | 'referenceRecordedAt' | 'late'>): Promise<void> {
    await this.manager.insert(Filing, filing as never);
  }

  async update(id: string, change: Partial<Filing>): Promise<void> {
    await this.manager.update(Filing, { id }, change as never);
  }

  /** Adds the authority's reference to a filed report, once; false when one was already there. */
  async addReference(id: string, reference: string, at: Date): Promise<boolean> {
    const result = await this.manager
      .createQueryBuilder()
      .update(Filing)
      .set({ reference, referenceRecordedAt: at })
      .where('id = :id AND reference IS NULL', { id })
      .execute();
    return result.affected === 1;
  }

  findReview(filingId: string, revision: number, reviewerId: string, decision: FilingReview['decision']): Promise<FilingReview | null> {
    return this.manager.findOneBy(FilingReview, { filingId, revision, reviewerId, decision });
  }

  async insertReview(review: FilingReview): Promise<void> {
    await this.manager.insert(FilingReview, review);
  }
}
