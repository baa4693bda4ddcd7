import { Inject, Injectable } from '@nestjs/common';
import type { Role } from '../../../domain/src/roles.js';
import { TRACK_CATALOGUE, trackLabel } from '../../../domain/src/tracks/catalogue.js';
import { CaseFile } from '../../../persistence/src/case-file.js';
import { APP_CONFIG, type AppConfig } from '../../../platform/src/config.js';
import { TemplateCatalog } from '../../../rendering/src/template-catalog.js';
import type { TrackNoticeInput, TrackNoticeKind } from '../../../../workflows/activity-contracts.js';
import { formatInstant, formatTimeLeft, reminderLabel } from './notice-formatting.js';
import { PersonalDelivery } from './personal-delivery.js';

/** Reminders go to the people doing the work; escalations and overdue notices to the managers. */
const AUDIENCE: Record<TrackNoticeKind, readonly Role[]> = {
  reminder: ['responder'],
  'supplement-reminder': ['responder'],
  escalation: ['approver', 'dpo'],
  overdue: ['responder', 'approver', 'dpo'],
};

/**
 * An overdue notice cites Art. 33(1)'s reasons for the delay only for the first report of a track
 * that rule governs: not for a supplement's period, and not for a processor's notice.
 */
export const citesDelayReasons = (input: Pick<TrackNoticeInput, 'track' | 'clockKind'>): boolean =>
  input.clockKind === input.track && TRACK_CATALOGUE[input.track].delayReasonWhenLate;

/**
 * Tells people that a clock needs them, each in a message of their own (see PersonalDelivery).
 * Idempotent per reminder and recipient, so a retried or replayed activity notifies nobody twice.
 */
@Injectable()
export class NotifyTrack {
  constructor(
    @Inject(CaseFile) private readonly caseFile: CaseFile,
    @Inject(PersonalDelivery) private readonly delivery: PersonalDelivery,
    @Inject(TemplateCatalog) private readonly templates: TemplateCatalog,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(input: TrackNoticeInput): Promise<{ recipients: number }> {
    await this.caseFile.transaction(async (repositories) => {
      const first = await repositories.clocks.recordReminderOnce({
        incidentId: input.incidentId,
        clockKind: input.clockKind,
        reminderKey: `${input.kind}:${input.reminderKey}`,
        dueAt: new Date(input.dueAt),
        firedAt: new Date(input.firedAt),
      });
      if (!first) return;
      await repositories.audit.append({
        organisationId: input.organisationId,
        incidentId: input.incidentId,
        actor: 'workflow',
        action: `track.${input.kind}`,
        detail: { track: input.track, clock: input.clockKind, reminder: input.reminderKey, dueAt: input.dueAt },
      });
    });
    const repositories = this.caseFile.read;
    const [incident, organisation, users] = await Promise.all([
      repositories.incidents.get(input.incidentId),
      repositories.organisations.get(input.organisationId),
      repositories.organisations.usersWithRoles(input.organisationId, AUDIENCE[input.kind]),
    ]);
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
        citesDelayReasons: citesDelayReasons(input),
        incidentUrl: `${this.config.PUBLIC_URL}/incidents/${incident.id}`,
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
