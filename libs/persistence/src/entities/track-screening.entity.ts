import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ScreeningAnswers } from '../../../domain/src/tracks/screening.js';

/** A person's screening of a track that is owed only by decision (Lex Maria, NIS2); immutable. */
@Entity({ name: 'track_screenings' })
export class TrackScreening {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'incident_id' }) incidentId!: string;
  @Column('text') track!: string;
  @Column('boolean') applies!: boolean;
  @Column('text') reason!: string;
  @Column('jsonb') answers!: ScreeningAnswers;
  @Column('uuid', { name: 'decided_by' }) decidedBy!: string;
  @Column('timestamptz', { name: 'decided_at' }) decidedAt!: Date;
}
