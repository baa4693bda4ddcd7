import { In, type EntityManager } from 'typeorm';
import { Notice } from '../entities/notice.entity.js';
import { NoticeReview } from '../entities/notice-review.entity.js';

/** Notices and their reviews. */
export class NoticeRepository {
  constructor(private readonly manager: EntityManager) {}

  findOwned(organisationId: string, id: string, options: { lock?: boolean } = {}): Promise<Notice | null> {
    return this.manager.findOne(Notice, { where: { id, organisationId }, ...(options.lock && { lock: { mode: 'for_no_key_update' as const } }) });
  }

  get(id: string): Promise<Notice> {
    return this.manager.findOneByOrFail(Notice, { id });
  }

  bySlug(slug: string): Promise<Notice | null> {
    return this.manager.findOneBy(Notice, { publicSlug: slug });
  }

  ofIncident(incidentId: string): Promise<Notice[]> {
    return this.manager.find(Notice, { where: { incidentId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  inState(organisationId: string, statuses: readonly string[]): Promise<Notice[]> {
    return this.manager.find(Notice, { where: { organisationId, status: In([...statuses]) as never }, order: { updatedAt: 'DESC' }, take: 200 });
  }

  async insert(notice: Notice): Promise<void> {
    await this.manager.insert(Notice, notice);
  }

  async update(id: string, change: Partial<Notice>): Promise<void> {
    await this.manager.update(Notice, { id }, change);
  }

  async insertReview(review: NoticeReview): Promise<void> {
    await this.manager.insert(NoticeReview, review);
  }

  reviews(noticeId: string): Promise<NoticeReview[]> {
    return this.manager.find(NoticeReview, { where: { noticeId }, order: { decidedAt: 'ASC' } });
  }
}
