import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { IncidentStatus } from '../../../domain/src/incident/incident-status.js';

@Entity({ name: 'incidents' })
export class Incident {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'organisation_id' }) organisationId!: string;
  /** Human reference shown to users, e.g. BF-2026-0007; unique per organisation. */
  @Column('text') reference!: string;
  @Column('text') title!: string;
  @Column('text') status!: IncidentStatus;
  @Column('timestamptz', { name: 'aware_at' }) awareAt!: Date;
  @Column('int', { name: 'current_facts_version' }) currentFactsVersion!: number;
  @Column('text', { name: 'workflow_id' }) workflowId!: string;
  @Column('uuid', { name: 'created_by' }) createdBy!: string;
  @Column('timestamptz', { name: 'closed_at', nullable: true }) closedAt!: Date | null;
  @Column('uuid', { name: 'closed_by', nullable: true }) closedBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
