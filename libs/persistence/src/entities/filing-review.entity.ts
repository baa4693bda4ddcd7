import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An approver's decision on one revision of a filing, with the comment. */
@Entity({ name: 'filing_reviews' })
export class FilingReview {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'filing_id' }) filingId!: string;
  @Column('int') revision!: number;
  @Column('text') decision!: 'approved' | 'rejected';
  @Column('text', { nullable: true }) comment!: string | null;
  @Column('uuid', { name: 'reviewer_id' }) reviewerId!: string;
  @Column('timestamptz', { name: 'decided_at' }) decidedAt!: Date;
}
