import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { IncidentFacts } from '../../../domain/src/incident/incident-facts.js';

/** One immutable version of an incident's facts; the database refuses updates and deletes. */
@Entity({ name: 'incident_facts_versions' })
export class IncidentFactsVersion {
  @PrimaryColumn('uuid', { name: 'incident_id' }) incidentId!: string;
  @PrimaryColumn('int') version!: number;
  @Column('jsonb') facts!: IncidentFacts;
  @Column('text', { nullable: true, name: 'change_reason' }) changeReason!: string | null;
  @Column('uuid', { name: 'recorded_by' }) recordedBy!: string;
  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' }) recordedAt!: Date;
}
