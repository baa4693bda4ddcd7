import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'organisations' })
export class Organisation {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') name!: string;
  /** Deadlines are stored in UTC and shown in this zone. */
  @Column('text', { name: 'time_zone', default: 'Europe/Stockholm' }) timeZone!: string;
  @Column('text', { name: 'legal_name', nullable: true }) legalName!: string | null;
  @Column('text', { name: 'org_number', nullable: true }) orgNumber!: string | null;
  @Column('text', { name: 'postal_address', nullable: true }) postalAddress!: string | null;
  @Column('text', { name: 'contact_name', nullable: true }) contactName!: string | null;
  @Column('text', { name: 'contact_email', nullable: true }) contactEmail!: string | null;
  @Column('text', { name: 'contact_phone', nullable: true }) contactPhone!: string | null;
  @Column('text', { name: 'contact_role', nullable: true }) contactRole!: string | null;
  /** Fractions of each clock's window at which reminders fire. */
  @Column('jsonb', { name: 'reminder_fractions', default: () => "'[0.5, 0.75, 0.9, 1]'" }) reminderFractions!: number[];
  /** Target for a processor's Art. 33(2) notice to its controllers ("without undue delay"). */
  @Column('int', { name: 'processor_notice_hours', default: 24 }) processorNoticeHours!: number;
  /** That target is agreed in the processing agreement (Art. 28(3)(f)), not only an internal one. */
  @Column('boolean', { name: 'processor_notice_time_agreed', default: false }) processorNoticeTimeAgreed!: boolean;
  /** The users the care provider designated to report under Lex Maria (HSLF-FS 2017:41 4 §). */
  @Column('uuid', { name: 'lex_maria_reporters', array: true, default: () => "'{}'" }) lexMariaReporters!: string[];
  /** "Snarast" made concrete: the target for the Lex Maria report, in days from awareness (a policy choice, not law). */
  @Column('int', { name: 'lex_maria_report_days', default: 14 }) lexMariaReportDays!: number;
  /** The target for the event analysis after the report, in days. */
  @Column('int', { name: 'lex_maria_investigation_days', default: 42 }) lexMariaInvestigationDays!: number;
  /** What the organisation asks IMY, by default, to keep confidential (the report's last free-text field). */
  @Column('text', { name: 'secrecy_note', nullable: true }) secrecyNote!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
