import { Inject, Injectable } from '@nestjs/common';
import { raise } from '../../../domain/src/failures.js';
import { CaseFile } from '../../../persistence/src/case-file.js';
import type { Caller } from '../caller.js';

export interface NotificationView {
  id: string;
  incidentId: string | null;
  kind: string;
  title: string;
  body: string;
  createdAt: string;
  readAt: string | null;
}

/** A person's own reminders, escalations and digests. */
@Injectable()
export class NotificationInbox {
  constructor(@Inject(CaseFile) private readonly caseFile: CaseFile) {}

  async list(caller: Caller, options: { unreadOnly: boolean }): Promise<{ items: NotificationView[] }> {
    const items = await this.caseFile.read.notifications.ofUser(caller.id, { unreadOnly: options.unreadOnly, limit: 200 });
    return {
      items: items.map((notification) => ({
        id: notification.id,
        incidentId: notification.incidentId,
        kind: notification.kind,
        title: notification.title,
        body: notification.body,
        createdAt: notification.createdAt.toISOString(),
        readAt: notification.readAt?.toISOString() ?? null,
      })),
    };
  }

  async markRead(caller: Caller, id: string): Promise<void> {
    if (!(await this.caseFile.read.notifications.markRead(caller.id, id, new Date()))) raise('not-found', `notification ${id} not found`);
  }
}
