import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { NoticeLanguage } from '../../../domain/src/notices/recipient-row.js';

/** A person to be told (Art. 34): contact details sealed at rest, masked for lists, purged after retention. */
@Entity({ name: 'notice_recipients' })
export class NoticeRecipient {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'organisation_id' }) organisationId!: string;
  @Column('uuid', { name: 'incident_id' }) incidentId!: string;
  /** Keyed hash (HMAC-SHA-256) of the normalised address: finds the same person twice without storing the address. */
  @Column('text', { name: 'identity_hash' }) identityHash!: string;
  /** The key the contact details are sealed with; null once purged. */
  @Column('text', { name: 'key_id', nullable: true }) keyId!: string | null;
  /** AES-256-GCM of the contact details (iv ‖ ciphertext ‖ tag); null once purged. */
  @Column('bytea', { nullable: true }) sealed!: Buffer | null;
  @Column('jsonb') masked!: Record<string, string>;
  @Column('text', { array: true }) channels!: string[];
  @Column('text') language!: NoticeLanguage;
  @Column('text', { nullable: true }) segment!: string | null;
  @Column('uuid', { name: 'import_id' }) importId!: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'purged_at', nullable: true }) purgedAt!: Date | null;
}
