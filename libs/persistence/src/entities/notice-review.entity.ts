import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An approval or rejection of one revision of a notice; immutable. */
@Entity({ name: 'notice_reviews' })
export class NoticeReview {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'notice_id' }) noticeId!: string;
  @Column('int') revision!: number;
  @Column('text') decision!: 'approved' | 'rejected';
  @Column('text', { nullable: true }) comment!: string | null;
  @Column('uuid', { name: 'reviewer_id' }) reviewerId!: string;
  @Column('timestamptz', { name: 'decided_at' }) decidedAt!: Date;
}
