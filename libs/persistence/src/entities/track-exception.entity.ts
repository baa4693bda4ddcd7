import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An Art. 34(3) exception: proposed with its ground and reason, decided by a second person. */
@Entity({ name: 'track_exceptions' })
export class TrackException {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'incident_id' }) incidentId!: string;
  @Column('text') track!: string;
  @Column('text') ground!: string;
  @Column('text') reason!: string;
  @Column('uuid', { name: 'public_notice_id', nullable: true }) publicNoticeId!: string | null;
  @Column('uuid', { name: 'proposed_by' }) proposedBy!: string;
  @Column('timestamptz', { name: 'proposed_at' }) proposedAt!: Date;
  @Column('uuid', { name: 'decided_by', nullable: true }) decidedBy!: string | null;
  @Column('timestamptz', { name: 'decided_at', nullable: true }) decidedAt!: Date | null;
  @Column('text', { nullable: true }) decision!: 'approved' | 'rejected' | null;
  @Column('text', { nullable: true }) comment!: string | null;
}
