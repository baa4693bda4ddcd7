import { Inject, Injectable, Logger } from '@nestjs/common';
import { isTimeZone } from '../../../domain/src/clocks/time-zone.js';
import type { AuditProblem } from '../../../persistence/src/audit/audit-verification.js';
import { CaseFile } from '../../../persistence/src/case-file.js';
import { APP_CONFIG, type AppConfig } from '../../../platform/src/config.js';
import { TemplateCatalog } from '../../../rendering/src/template-catalog.js';
import type { AuditTrailCheck } from '../../../../workflows/activity-contracts.js';
import { formatInstant } from '../notifications/notice-formatting.js';
import { StaffMailing } from '../notifications/staff-mailing.js';

const PROBLEM_WORDS: Record<AuditProblem, Record<'sv' | 'en', string>> = {
  edited: { sv: 'händelsen har ändrats efter att den skrevs', en: 'the event was altered after it was written' },
  inserted: { sv: 'händelsen har lagts in i efterhand', en: 'the event was inserted afterwards' },
  deleted: { sv: 'en händelse har tagits bort', en: 'an event was deleted' },
  'tail-truncated': { sv: 'loggens sista händelser har tagits bort', en: "the trail's last events were deleted" },
};

/**
 * The daily verification of the audit trail: an intact trail is recorded as a checkpoint (so that
 * deleting its last events is caught tomorrow); a broken one is reported to the DPO of every
 * organisation (the trail is one chain for all of them, so a break makes everyone's later events
 * untrustworthy), in the app and by e-mail, once per finding and person however many days it stays
 * broken. The alert names the event's number and what happened to it, never its content.
 */
@Injectable()
export class ScheduledAuditVerification {
  private readonly log = new Logger(ScheduledAuditVerification.name);

  constructor(
    @Inject(CaseFile) private readonly caseFile: CaseFile,
    @Inject(StaffMailing) private readonly mailing: StaffMailing,
    @Inject(TemplateCatalog) private readonly templates: TemplateCatalog,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** `attempt`: which attempt of the activity this is (1 the first time). */
  async execute(input: { at: string }, attempt = 1): Promise<AuditTrailCheck> {
    const at = new Date(input.at);
    const repositories = this.caseFile.read;
    const verification = await repositories.audit.verify(at);
    if (verification.ok) return { intact: true, events: verification.events };
    // The event's number and the kind of problem only: its content may be personal data.
    this.log.error(`audit trail broken at event ${verification.seq} (${verification.problem}); alerting the DPOs`);
    const language = this.config.DEFAULT_LANGUAGE;
    let alerted = 0;
    for (const organisation of await repositories.organisations.all()) {
      const dpos = await repositories.organisations.usersWithRoles(organisation.id, ['dpo']);
      const { sent, refused } = await this.mailing.deliverToEach(
        dpos,
        (user) => ({
          organisationId: organisation.id,
          incidentId: null,
          kind: 'audit-trail-broken',
          idempotencyKey: `audit-trail-broken:${verification.seq}:${verification.problem}:${user.id}`,
          at,
          message: this.templates.renderEmail('audit-trail-broken', language, {
            recipientName: user.displayName,
            organisationName: organisation.name,
            seq: verification.seq,
            problem: PROBLEM_WORDS[verification.problem][language],
            // A zone no date can be shown in must not keep the alert from going out.
            verifiedAt: formatInstant(input.at, isTimeZone(organisation.timeZone) ? organisation.timeZone : 'UTC', language),
          }),
        }),
        attempt,
      );
      alerted += sent + refused.length;
    }
    return { intact: false, seq: verification.seq, problem: verification.problem, alerted };
  }
}
