import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { FilingTrack } from '../../../../libs/domain/src/filings/filing-input.js';
import type { Role } from '../../../../libs/domain/src/roles.js';
import { appendAudit } from '../../../../libs/persistence/src/audit/audit-log.js';
import { Incident } from '../../../../libs/persistence/src/entities/incident.entity.js';
import { Organisation } from '../../../../libs/persistence/src/entities/organisation.entity.js';
import { User } from '../../../../libs/persistence/src/entities/user.entity.js';
import { APP_CONFIG, type AppConfig } from '../../../../libs/platform/src/config.js';
import { TemplateCatalog } from '../../../../libs/rendering/src/template-catalog.js';
import { formatInstant, formatTimeLeft, reminderLabel, trackLabel } from '../notices/notice-formatting.js';
import { PersonalDelivery } from '../notices/personal-delivery.js';

export type TrackNoticeKind = 'reminder' | 'escalation' | 'overdue' | 'supplement-reminder';

export interface TrackNoticeInput {
  incidentId: string;
  organisationId: string;
  track: FilingTrack;
  kind: TrackNoticeKind;
  clockKind: string;
  reminderKey: string;
  dueAt: string;
  deadline: string;
  firedAt: string;
}

/** Reminders go to the people doing the work; escalations and overdue notices to the managers. */
const AUDIENCE: Record<TrackNoticeKind, readonly Role[]> = {
  reminder: ['responder'],
  'supplement-reminder': ['responder'],
  escalation: ['approver', 'dpo'],
  overdue: ['responder', 'approver', 'dpo'],
};

/**
 * Tells people that a clock needs them, each in a message of their own (see PersonalDelivery).
 * Idempotent per reminder and recipient, so a retried or replayed activity notifies nobody twice.
 */
@Injectable()
export class NoticeActivities {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(PersonalDelivery) private readonly delivery: PersonalDelivery,
    @Inject(TemplateCatalog) private readonly templates: TemplateCatalog,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async notifyTrack(input: TrackNoticeInput): Promise<{ recipients: number }> {
    const firstTime: unknown[] = await this.dataSource.query(
      `INSERT INTO reminders (incident_id, clock_kind, reminder_key, due_at, fired_at)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (incident_id, clock_kind, reminder_key) DO NOTHING RETURNING id`,
      [input.incidentId, input.clockKind, `${input.kind}:${input.reminderKey}`, input.dueAt, input.firedAt],
    );
    if (firstTime.length > 0) {
      await appendAudit(this.dataSource.manager, {
        organisationId: input.organisationId,
        incidentId: input.incidentId,
        actor: 'workflow',
        action: `track.${input.kind}`,
        detail: { track: input.track, clock: input.clockKind, reminder: input.reminderKey, dueAt: input.dueAt },
      });
    }
    const [incident, organisation] = await Promise.all([
      this.dataSource.getRepository(Incident).findOneByOrFail({ id: input.incidentId }),
      this.dataSource.getRepository(Organisation).findOneByOrFail({ id: input.organisationId }),
    ]);
    const users = await this.dataSource.getRepository(User).findBy({ organisationId: input.organisationId, role: In([...AUDIENCE[input.kind]]) });
    const language = this.config.DEFAULT_LANGUAGE;
    const deadline = formatInstant(input.deadline, organisation.timeZone, language);
    for (const user of users) {
      const model = {
        recipientName: user.displayName,
        incidentReference: incident.reference,
        incidentTitle: incident.title,
        trackLabel: trackLabel(input.track, language),
        deadline,
        timeLeft: formatTimeLeft(new Date(input.deadline).getTime() - new Date(input.firedAt).getTime(), language),
        reminderLabel: reminderLabel(input.reminderKey, language),
        incidentUrl: `${this.config.PUBLIC_URL}/api/incidents/${incident.id}`,
      };
      await this.delivery.deliver(user, {
        organisationId: input.organisationId,
        incidentId: incident.id,
        kind: input.kind,
        idempotencyKey: `${input.kind}:${input.incidentId}:${input.clockKind}:${input.reminderKey}:${user.id}`,
        at: new Date(input.firedAt),
        message: this.templates.renderEmail(input.kind, language, model),
      });
    }
    return { recipients: users.length };
  }
}
