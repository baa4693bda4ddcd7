import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** The current state of one legal clock of one incident, as last reported by its workflow. */
@Entity({ name: 'deadline_clocks' })
export class DeadlineClock {
  @PrimaryColumn('uuid', { name: 'incident_id' }) incidentId!: string;
  @PrimaryColumn('text') kind!: string;
  @Column('timestamptz', { name: 'anchor_at' }) anchorAt!: Date;
  @Column('timestamptz', { name: 'deadline_at' }) deadlineAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
