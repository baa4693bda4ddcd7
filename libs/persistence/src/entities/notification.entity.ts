import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An in-app notification for one user (reminders, escalations, digests). */
@Entity({ name: 'notifications' })
export class Notification {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'organisation_id' }) organisationId!: string;
  @Column('uuid', { name: 'user_id' }) userId!: string;
  @Column('uuid', { name: 'incident_id', nullable: true }) incidentId!: string | null;
  @Column('text') kind!: string;
  @Column('text') title!: string;
  @Column('text') body!: string;
  @Column('text', { name: 'idempotency_key' }) idempotencyKey!: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'read_at', nullable: true }) readAt!: Date | null;
}
