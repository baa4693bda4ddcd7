import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Assessment, RiskOutcome } from '../../../domain/src/risk/assessment.js';

/** The model's assessment of one facts version, exactly as computed; the database refuses changes. */
@Entity({ name: 'risk_assessments' })
export class RiskAssessment {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'incident_id' }) incidentId!: string;
  @Column('int', { name: 'facts_version' }) factsVersion!: number;
  @Column('text', { name: 'model_version' }) modelVersion!: string;
  @Column('text', { name: 'input_hash' }) inputHash!: string;
  @Column('text') outcome!: RiskOutcome;
  @Column('jsonb') assessment!: Assessment;
  @Column('timestamptz', { name: 'assessed_at' }) assessedAt!: Date;
}
