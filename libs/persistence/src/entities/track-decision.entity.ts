import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A manager's recorded decision that an owed track is not required, with the reason. */
@Entity({ name: 'track_decisions' })
export class TrackDecision {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'incident_id' }) incidentId!: string;
  @Column('text') track!: string;
  @Column('text') decision!: 'not-required';
  @Column('text') reason!: string;
  @Column('uuid', { name: 'decided_by' }) decidedBy!: string;
  @Column('timestamptz', { name: 'decided_at' }) decidedAt!: Date;
}
