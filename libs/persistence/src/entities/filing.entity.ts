import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { FilingDocument, FilingKind, FilingLanguage } from '../../../domain/src/filings/filing-input.js';
import type { TrackKind } from '../../../domain/src/tracks/catalogue.js';
import type { TrackFilingStatus } from '../../../domain/src/tracks/filing-track-state.js';


/** One report of a regulatory track, from draft to recorded filing; the database freezes it once filed. */
@Entity({ name: 'filings' })
export class Filing {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'organisation_id' }) organisationId!: string;
  @Column('uuid', { name: 'incident_id' }) incidentId!: string;
  @Column('text') track!: TrackKind;
  @Column('text') kind!: FilingKind;
  @Column('text') language!: FilingLanguage;
  @Column('int') sequence!: number;
  @Column('text') status!: TrackFilingStatus;
  @Column('int') revision!: number;
  @Column('text', { nullable: true }) recipient!: string | null;
  @Column('int', { name: 'facts_version' }) factsVersion!: number;
  @Column('jsonb') document!: FilingDocument;
  /** What will follow in a supplement (Art. 33(4)); set on a first report, it announces supplements. */
  @Column('text', { name: 'supplements_to_follow', nullable: true }) supplementsToFollow!: string | null;
  /** A supplement that completes the report. */
  @Column('boolean', { name: 'completes_report', default: false }) completesReport!: boolean;
  /** What this report asks the recipient to keep confidential; the organisation's default when null. */
  @Column('text', { name: 'secrecy_request', nullable: true }) secrecyRequest!: string | null;
  @Column('uuid', { name: 'author_id' }) authorId!: string;
  /** Who rendered the current revision: the four-eyes rule keeps this person from approving it. */
  @Column('uuid', { name: 'last_editor_id' }) lastEditorId!: string;
  @Column('text', { name: 'no_breach_justification', nullable: true }) noBreachJustification!: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
  @Column('timestamptz', { name: 'submitted_at', nullable: true }) submittedAt!: Date | null;
  @Column('uuid', { name: 'approved_by', nullable: true }) approvedBy!: string | null;
  @Column('timestamptz', { name: 'approved_at', nullable: true }) approvedAt!: Date | null;
  @Column('timestamptz', { name: 'filed_at', nullable: true }) filedAt!: Date | null;
  @Column('uuid', { name: 'filed_by', nullable: true }) filedBy!: string | null;
  @Column('text', { nullable: true }) channel!: string | null;
  @Column('text', { nullable: true }) reference!: string | null;
  @Column('timestamptz', { name: 'reference_recorded_at', nullable: true }) referenceRecordedAt!: Date | null;
  @Column('text', { name: 'delay_reason', nullable: true }) delayReason!: string | null;
  @Column('boolean', { nullable: true }) late!: boolean | null;
  @Column('uuid', { name: 'supersedes_id', nullable: true }) supersedesId!: string | null;
}
