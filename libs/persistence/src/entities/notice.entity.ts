import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Art34ContentItem, NoticeChannel, NoticeContent } from '../../../domain/src/notices/notice-content.js';
import type { NoticeStatus } from '../../../domain/src/notices/notice-status.js';
import type { Readability } from '../../../domain/src/notices/readability.js';
import type { NoticeLanguage } from '../../../domain/src/notices/recipient-row.js';

/** A notice to the people affected (Art. 34), from draft through four eyes to delivery. */
@Entity({ name: 'notices' })
export class Notice {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'organisation_id' }) organisationId!: string;
  @Column('uuid', { name: 'incident_id' }) incidentId!: string;
  @Column('text') channel!: NoticeChannel;
  /** The language it is written in. */
  @Column('text') language!: NoticeLanguage;
  /** Only recipients of this language; null: every recipient. */
  @Column('text', { name: 'target_language', nullable: true }) targetLanguage!: NoticeLanguage | null;
  /** Only recipients of this segment; null: every segment. */
  @Column('text', { nullable: true }) segment!: string | null;
  @Column('jsonb') content!: NoticeContent;
  @Column('text') status!: NoticeStatus;
  @Column('int') revision!: number;
  /** Art. 34(2) content still missing; a notice with any cannot be submitted. */
  @Column('jsonb') missing!: Art34ContentItem[];
  @Column('jsonb', { nullable: true }) readability!: Readability | null;
  @Column('uuid', { name: 'author_id' }) authorId!: string;
  @Column('uuid', { name: 'last_editor_id' }) lastEditorId!: string;
  @Column('timestamptz', { name: 'submitted_at', nullable: true }) submittedAt!: Date | null;
  @Column('uuid', { name: 'approved_by', nullable: true }) approvedBy!: string | null;
  @Column('timestamptz', { name: 'approved_at', nullable: true }) approvedAt!: Date | null;
  @Column('timestamptz', { name: 'send_started_at', nullable: true }) sendStartedAt!: Date | null;
  @Column('timestamptz', { name: 'sent_at', nullable: true }) sentAt!: Date | null;
  /** A public notice's stable address (`/notices/<slug>`), set when it is published. */
  @Column('text', { name: 'public_slug', nullable: true }) publicSlug!: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
