import { refuse, type Refusal } from '../failures.js';
import { reviewStep, type ReviewCommand } from '../review/four-eyes-review.js';
import { APPROVER_ROLES, INCIDENT_EDITORS } from '../roles.js';
import type { Actor } from '../tracks/filing-track-commands.js';
import type { Art34ContentItem } from './notice-content.js';
import type { NoticeStatus } from './notice-status.js';

export interface NoticeSnapshot {
  status: NoticeStatus;
  revision: number;
  lastEditorId: string;
  missing: readonly Art34ContentItem[];
}

export type NoticeCommand = { type: 'edit' } | ReviewCommand | { type: 'send' } | { type: 'pause' } | { type: 'resume' } | { type: 'cancel' } | { type: 'retry-failed' };

export type NoticeDecision = { ok: false; refusal: Refusal } | { ok: true; status: NoticeStatus; transition?: 'submitted' | 'approved' | 'rejected'; comment?: string | null };

/** Where the missing content is filled in: the notice's own text, or the organisation's contact point. */
const fieldOf = (item: Art34ContentItem): string => (item === 'contactPoint' ? 'organisation.contactName' : `content.${item}`);

/**
 * A notice's life: drafted and edited, held against Art. 34(2) on submission, approved by a second
 * person (the same four-eyes rule as a report), frozen once approved, then sent — paused, resumed
 * or cancelled while it goes out, its failed deliveries retried.
 */
export function decideNoticeStep(notice: NoticeSnapshot, command: NoticeCommand, actor: Actor): NoticeDecision {
  const refused = (kind: Refusal['kind'], message: string, field?: string): NoticeDecision => ({ ok: false, refusal: refuse(kind, message, field) });
  const needs = (roles: readonly string[], what: string) => (roles.includes(actor.role) ? undefined : refused('forbidden', `${what} is for ${roles.join(', ')}`));
  switch (command.type) {
    case 'edit': {
      const blocked = needs(INCIDENT_EDITORS, 'editing a notice');
      if (blocked) return blocked;
      if (notice.status !== 'draft' && notice.status !== 'awaiting-approval') return refused('conflict', `an ${notice.status} notice never changes: draft a new one`);
      return { ok: true, status: 'draft' };
    }
    case 'submit':
    case 'approve':
    case 'reject': {
      const blocked = needs(command.type === 'submit' ? INCIDENT_EDITORS : APPROVER_ROLES, command.type === 'submit' ? 'submitting a notice' : 'reviewing a notice');
      if (blocked) return blocked;
      if (command.type === 'submit' && notice.status === 'draft' && notice.missing.length > 0) {
        return refused('unprocessable', `Art. 34(2): the notice still lacks ${notice.missing.join(', ')}`, fieldOf(notice.missing[0]!));
      }
      const review = reviewStep(notice, command, actor, 'notice');
      return 'refusal' in review ? { ok: false, refusal: review.refusal } : { ok: true, status: review.status, transition: review.transition, comment: review.comment };
    }
    case 'send': {
      const blocked = needs(INCIDENT_EDITORS, 'sending a notice');
      if (blocked) return blocked;
      if (notice.status !== 'approved') return refused('conflict', notice.status === 'sending' || notice.status === 'paused' || notice.status === 'sent' ? `the notice is already ${notice.status}` : `the notice is ${notice.status}: it is sent only once approved`);
      return { ok: true, status: 'sending' };
    }
    case 'pause':
    case 'resume':
    case 'cancel':
    case 'retry-failed': {
      const blocked = needs(INCIDENT_EDITORS, `${command.type === 'retry-failed' ? 'retrying' : command.type === 'pause' ? 'pausing' : command.type === 'resume' ? 'resuming' : 'cancelling'} a notice`);
      if (blocked) return blocked;
      const from: Record<typeof command.type, readonly NoticeStatus[]> = { pause: ['sending'], resume: ['paused'], cancel: ['sending', 'paused'], 'retry-failed': ['sent'] };
      if (!from[command.type].includes(notice.status)) return refused('conflict', `the notice is ${notice.status}: it cannot be ${{ pause: 'paused', resume: 'resumed', cancel: 'cancelled', 'retry-failed': 'retried' }[command.type]}`);
      const to: Record<typeof command.type, NoticeStatus> = { pause: 'paused', resume: 'sending', cancel: 'cancelled', 'retry-failed': 'sending' };
      return { ok: true, status: to[command.type] };
    }
  }
}
