import { Inject, Injectable } from '@nestjs/common';
import type { Role } from '../../../domain/src/roles.js';
import { TRACK_CATALOGUE, trackLabel } from '../../../domain/src/tracks/catalogue.js';
import { CaseFile } from '../../../persistence/src/case-file.js';
import { APP_CONFIG, type AppConfig } from '../../../platform/src/config.js';
import { TemplateCatalog } from '../../../rendering/src/template-catalog.js';
import type { TrackNoticeInput, TrackNoticeKind, TrackNoticeResult } from '../../../../workflows/activity-contracts.js';
import { formatInstant, formatTimeLeft, reminderLabel } from './notice-formatting.js';
import { StaffMailing } from './staff-mailing.js';

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
 * Tells people that a clock needs them, each in a message of their own (see StaffMailing).
 * Idempotent per reminder and recipient, so a retried or replayed activity notifies nobody twice;
 * a refused address is recorded and skipped, so the others' reminders never wait behind it.
 */
@Injectable()
export class NotifyTrack {
  constructor(
    @Inject(CaseFile) private readonly caseFile: CaseFile,
    @Inject(StaffMailing) private readonly mailing: StaffMailing,
    @Inject(TemplateCatalog) private readonly templates: TemplateCatalog,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** `attempt`: which attempt of the activity this is (1 the first time). */
  async execute(input: TrackNoticeInput, attempt = 1): Promise<TrackNoticeResult> {
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
    const { refused } = await this.mailing.deliverToEach(users, (user) => ({
      organisationId: input.organisationId,
      incidentId: incident.id,
      kind: input.kind,
      idempotencyKey: `${input.kind}:${input.incidentId}:${input.clockKind}:${input.reminderKey}:${user.id}`,
      at: new Date(input.firedAt),
      message: this.templates.renderEmail(input.kind, language, {
        recipientName: user.displayName,
        incidentReference: incident.reference,
        incidentTitle: incident.title,
        trackLabel: trackLabel(input.track, language),
        deadline,
        timeLeft: formatTimeLeft(new Date(input.deadline).getTime() - new Date(input.firedAt).getTime(), language),
        reminderLabel: reminderLabel(input.reminderKey, language),
        citesDelayReasons: citesDelayReasons(input),
        incidentUrl: `${this.config.PUBLIC_URL}/incidents/${incident.id}`,
      }),
    }), attempt);
    return { recipients: users.length, refused: refused.length };
  }
}
