import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A reminder that has fired; unique per incident, clock and reminder so it can never fire twice. */
@Entity({ name: 'reminders' })
export class Reminder {
  @PrimaryGeneratedColumn('identity') id!: string;
  @Column('uuid', { name: 'incident_id' }) incidentId!: string;
  @Column('text', { name: 'clock_kind' }) clockKind!: string;
  @Column('text', { name: 'reminder_key' }) reminderKey!: string;
  @Column('timestamptz', { name: 'due_at' }) dueAt!: Date;
  @Column('timestamptz', { name: 'fired_at' }) firedAt!: Date;
}
