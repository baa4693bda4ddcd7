import type { Notice } from '../../../persistence/src/entities/notice.entity.js';

export interface NoticeView {
  id: string;
  incidentId: string;
  channel: Notice['channel'];
  language: Notice['language'];
  targetLanguage: Notice['targetLanguage'];
  segment: string | null;
  content: Notice['content'];
  status: Notice['status'];
  revision: number;
  /** Art. 34(2) content still missing: a notice with any cannot be submitted. */
  missing: Notice['missing'];
  readability: Notice['readability'];
  authorId: string;
  lastEditorId: string;
  submittedAt: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
  sendStartedAt: string | null;
  sentAt: string | null;
  /** A published public notice's address. */
  publicUrl: string | null;
  createdAt: string;
  updatedAt: string;
}

const iso = (date: Date | null): string | null => date?.toISOString() ?? null;

export function noticeView(notice: Notice, publicBaseUrl: string): NoticeView {
  return {
    id: notice.id,
    incidentId: notice.incidentId,
    channel: notice.channel,
    language: notice.language,
    targetLanguage: notice.targetLanguage,
    segment: notice.segment,
    content: notice.content,
    status: notice.status,
    revision: notice.revision,
    missing: notice.missing,
    readability: notice.readability,
    authorId: notice.authorId,
    lastEditorId: notice.lastEditorId,
    submittedAt: iso(notice.submittedAt),
    approvedBy: notice.approvedBy,
    approvedAt: iso(notice.approvedAt),
    sendStartedAt: iso(notice.sendStartedAt),
    sentAt: iso(notice.sentAt),
    publicUrl: notice.publicSlug ? publicNoticeUrl(publicBaseUrl, notice.publicSlug) : null,
    createdAt: notice.createdAt.toISOString(),
    updatedAt: notice.updatedAt.toISOString(),
  };
}

export const publicNoticeUrl = (publicBaseUrl: string, slug: string): string => `${publicBaseUrl.replace(/\/$/, '')}/public/notices/${slug}`;
