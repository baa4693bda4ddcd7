import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DeliveryStatus } from '../../../domain/src/notices/notice-status.js';

/** One notice to one person; keeps the keyed hash, never the address, so it outlives the purge. */
@Entity({ name: 'notice_deliveries' })
export class NoticeDelivery {
  @PrimaryColumn('uuid', { name: 'notice_id' }) noticeId!: string;
  @PrimaryColumn('uuid', { name: 'recipient_id' }) recipientId!: string;
  @Column('text', { name: 'identity_hash' }) identityHash!: string;
  @Column('text') status!: DeliveryStatus;
  @Column('int') attempts!: number;
  /** Why it failed, as codes (`EENVELOPE 550`), never a server's reply text (which quotes addresses). */
  @Column('text', { nullable: true }) failure!: string | null;
  @Column('text', { name: 'message_id', nullable: true }) messageId!: string | null;
  @Column('timestamptz', { name: 'sent_at', nullable: true }) sentAt!: Date | null;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
