import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { RiskOutcome } from '../../../domain/src/risk/assessment.js';

/** A manager's decision to replace an assessment's outcome, with the written justification. */
@Entity({ name: 'risk_overrides' })
export class RiskOverride {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'incident_id' }) incidentId!: string;
  @Column('uuid', { name: 'assessment_id' }) assessmentId!: string;
  @Column('text') outcome!: RiskOutcome;
  @Column('text') justification!: string;
  @Column('uuid', { name: 'decided_by' }) decidedBy!: string;
  @Column('timestamptz', { name: 'decided_at' }) decidedAt!: Date;
}
