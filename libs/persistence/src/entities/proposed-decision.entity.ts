import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { RiskOutcome } from '../../../domain/src/risk/assessment.js';

export type ProposedDecisionSubject = 'track-not-required' | 'risk-lowered';

/** A decision that lowers what is owed, proposed by one person and approved or rejected by a second. */
@Entity({ name: 'proposed_decisions' })
export class ProposedDecision {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'incident_id' }) incidentId!: string;
  @Column('text') subject!: ProposedDecisionSubject;
  /** The track proposed "not required". */
  @Column('text', { nullable: true }) track!: string | null;
  /** The lower outcome proposed, for the facts version it was proposed on. */
  @Column('text', { nullable: true }) outcome!: RiskOutcome | null;
  @Column('int', { name: 'facts_version', nullable: true }) factsVersion!: number | null;
  @Column('text') reason!: string;
  @Column('uuid', { name: 'proposed_by' }) proposedBy!: string;
  @Column('timestamptz', { name: 'proposed_at' }) proposedAt!: Date;
  @Column('uuid', { name: 'decided_by', nullable: true }) decidedBy!: string | null;
  @Column('timestamptz', { name: 'decided_at', nullable: true }) decidedAt!: Date | null;
  @Column('text', { nullable: true }) decision!: 'approved' | 'rejected' | null;
  @Column('text', { nullable: true }) comment!: string | null;
}
