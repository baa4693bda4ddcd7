import { Inject, Injectable } from '@nestjs/common';
import { isPastDeadline } from '../../../domain/src/clocks/deadline.js';
import { APPROVER_ROLES } from '../../../domain/src/roles.js';
import { FILING_TRACKS } from '../../../domain/src/tracks/catalogue.js';
import { clockName } from '../../../domain/src/tracks/clock-names.js';
import { CaseFile } from '../../../persistence/src/case-file.js';
import { APP_CONFIG, type AppConfig } from '../../../platform/src/config.js';
import { TemplateCatalog } from '../../../rendering/src/template-catalog.js';
import type { DailyDigestInput } from '../../../../workflows/activity-contracts.js';
import { formatInstant, formatTimeLeft } from './notice-formatting.js';
import { PersonalDelivery } from './personal-delivery.js';

/** The morning digest: open filing clocks of each organisation, soonest deadline first, to its approvers and DPO. */
@Injectable()
export class SendDailyDigests {
  constructor(
    @Inject(CaseFile) private readonly caseFile: CaseFile,
    @Inject(PersonalDelivery) private readonly delivery: PersonalDelivery,
    @Inject(TemplateCatalog) private readonly templates: TemplateCatalog,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Returns how many digests were delivered; idempotent per day and recipient. */
  async execute(input: DailyDigestInput): Promise<number> {
    let sent = 0;
    const language = this.config.DEFAULT_LANGUAGE;
    const repositories = this.caseFile.read;
    const now = new Date(input.at).getTime();
    for (const organisation of await repositories.organisations.all()) {
      const clocks = await repositories.clocks.openClocks(organisation.id, FILING_TRACKS);
      if (clocks.length === 0) continue;
      const recipients = await repositories.organisations.usersWithRoles(organisation.id, APPROVER_ROLES);
      for (const user of recipients) {
        const message = this.templates.renderEmail('digest', language, {
          recipientName: user.displayName,
          organisationName: organisation.name,
          date: input.date,
          clocks: clocks.map((clock) => ({
            incidentReference: clock.reference,
            incidentTitle: clock.title,
            trackLabel: clockName(clock.kind)[language],
            deadline: formatInstant(clock.deadlineAt.toISOString(), organisation.timeZone, language),
            timeLeft: formatTimeLeft(clock.deadlineAt.getTime() - now, language),
            status: isPastDeadline(clock.deadlineAt, now) ? 'overdue' : 'running',
          })),
        });
        await this.delivery.deliver(user, { organisationId: organisation.id, incidentId: null, kind: 'digest', idempotencyKey: `digest:${input.date}:${user.id}`, at: new Date(input.at), message });
        sent += 1;
      }
    }
    return sent;
  }
}
