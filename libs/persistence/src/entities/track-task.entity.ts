import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { TaskData, TaskKind } from '../../../domain/src/tracks/tasks/task-kinds.js';

/** Work a track asks for besides its reports (the event analysis, informing patients or recipients). */
@Entity({ name: 'track_tasks' })
export class TrackTask {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'organisation_id' }) organisationId!: string;
  @Column('uuid', { name: 'incident_id' }) incidentId!: string;
  @Column('text') track!: string;
  @Column('text') kind!: TaskKind;
  @Column('text') title!: string;
  @Column('text') status!: 'open' | 'done';
  @Column('jsonb') data!: TaskData;
  /** A user id, or `workflow` for tasks a track opens itself. */
  @Column('text', { name: 'created_by' }) createdBy!: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
  /** The task's target, when its kind has one (the event analysis: the organisation's investigation target). */
  @Column('timestamptz', { name: 'due_at', nullable: true }) dueAt!: Date | null;
  @Column('timestamptz', { name: 'completed_at', nullable: true }) completedAt!: Date | null;
  @Column('uuid', { name: 'completed_by', nullable: true }) completedBy!: string | null;
}
