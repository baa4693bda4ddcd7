import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row of the append-only audit log, hash-chained and (since the seal was introduced) HMAC-sealed. */
@Entity({ name: 'audit_events' })
export class AuditEvent {
  @PrimaryColumn('bigint') seq!: string;
  @Column('uuid', { name: 'organisation_id', nullable: true }) organisationId!: string | null;
  @Column('uuid', { name: 'incident_id', nullable: true }) incidentId!: string | null;
  /** A user id, or a system actor such as `workflow`. */
  @Column('text') actor!: string;
  @Column('text') action!: string;
  @Column('jsonb') detail!: Record<string, unknown>;
  @Column('timestamptz', { name: 'occurred_at' }) occurredAt!: Date;
  @Column('text', { name: 'prev_hash' }) prevHash!: string;
  @Column('text') hash!: string;
  /** HMAC seal (AuditSeal); null only on events written before the seal was introduced. */
  @Column('text', { nullable: true }) mac!: string | null;
}
