import { Inject, Injectable } from '@nestjs/common';
import { isPastDeadline } from '../../../domain/src/clocks/deadline.js';
import { isTimeZone } from '../../../domain/src/clocks/time-zone.js';
import { APPROVER_ROLES } from '../../../domain/src/roles.js';
import { FILING_TRACKS } from '../../../domain/src/tracks/catalogue.js';
import { clockName } from '../../../domain/src/tracks/clock-names.js';
import { CaseFile } from '../../../persistence/src/case-file.js';
import { APP_CONFIG, type AppConfig } from '../../../platform/src/config.js';
import { TemplateCatalog } from '../../../rendering/src/template-catalog.js';
import type { OrganisationDigestInput, OrganisationDigestResult } from '../../../../workflows/activity-contracts.js';
import { formatInstant, formatTimeLeft } from './notice-formatting.js';
import { StaffMailing } from './staff-mailing.js';

/** The organisation's own data makes its digest impossible: no retry can help, only a person correcting it. */
export class OrganisationDigestImpossible extends Error {
  override readonly name = 'OrganisationDigestImpossible';
  readonly permanent = true;
}

/**
 * One organisation's morning digest: its open filing clocks, soonest deadline first, to each of
 * its approvers and its DPO in a message of their own. One organisation per activity, so a
 * broken one is retried (and given up on) alone; idempotent per day and person, so a retry
 * sends nobody a second digest, and a refused address is recorded and skipped (StaffMailing).
 */
@Injectable()
export class SendOrganisationDigest {
  constructor(
    @Inject(CaseFile) private readonly caseFile: CaseFile,
    @Inject(StaffMailing) private readonly mailing: StaffMailing,
    @Inject(TemplateCatalog) private readonly templates: TemplateCatalog,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Every organisation's id, oldest first: the digest workflow sends each one's digest on its own. */
  async organisations(): Promise<string[]> {
    return (await this.caseFile.read.organisations.all()).map((organisation) => organisation.id);
  }

  /** `attempt`: which attempt of the activity this is (1 the first time). */
  async execute(input: OrganisationDigestInput, attempt = 1): Promise<OrganisationDigestResult> {
    const language = this.config.DEFAULT_LANGUAGE;
    const repositories = this.caseFile.read;
    const now = new Date(input.at).getTime();
    const organisation = await repositories.organisations.get(input.organisationId);
    // The settings endpoint refuses such a zone; one written around it must not cost half an hour of retries.
    if (!isTimeZone(organisation.timeZone)) throw new OrganisationDigestImpossible(`organisation ${organisation.id} has a time zone no deadline can be shown in`);
    const clocks = await repositories.clocks.openClocks(organisation.id, FILING_TRACKS);
    if (clocks.length === 0) return { sent: 0, refused: 0 };
    const recipients = await repositories.organisations.usersWithRoles(organisation.id, APPROVER_ROLES);
    const lines = clocks.map((clock) => ({
      incidentReference: clock.reference,
      incidentTitle: clock.title,
      trackLabel: clockName(clock.kind)[language],
      deadline: formatInstant(clock.deadlineAt.toISOString(), organisation.timeZone, language),
      timeLeft: formatTimeLeft(clock.deadlineAt.getTime() - now, language),
      status: isPastDeadline(clock.deadlineAt, now) ? ('overdue' as const) : ('running' as const),
    }));
    const { sent, refused } = await this.mailing.deliverToEach(recipients, (user) => ({
      organisationId: organisation.id,
      incidentId: null,
      kind: 'digest',
      idempotencyKey: `digest:${input.date}:${user.id}`,
      at: new Date(input.at),
      message: this.templates.renderEmail('digest', language, { recipientName: user.displayName, organisationName: organisation.name, date: input.date, clocks: lines }),
    }), attempt);
    return { sent, refused: refused.length };
  }
}
