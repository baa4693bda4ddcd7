import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'organisations' })
export class Organisation {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') name!: string;
  /** Deadlines are stored in UTC and shown in this zone. */
  @Column('text', { name: 'time_zone', default: 'Europe/Stockholm' }) timeZone!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
