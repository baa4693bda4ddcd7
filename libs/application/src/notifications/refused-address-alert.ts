import { Inject, Injectable } from '@nestjs/common';
import type { Role } from '../../../domain/src/roles.js';
import { CaseFile } from '../../../persistence/src/case-file.js';
import type { User } from '../../../persistence/src/entities/user.entity.js';
import { APP_CONFIG, type AppConfig } from '../../../platform/src/config.js';
import { TemplateCatalog } from '../../../rendering/src/template-catalog.js';
import { PersonalDelivery } from './personal-delivery.js';
import { sendToEach } from './send-to-each.js';

/** Those who can have a colleague's address corrected. */
const ALERTED_ROLES: readonly Role[] = ['dpo', 'admin'];

export interface Refusal {
  organisationId: string;
  /** The refused e-mail's codes, e.g. `EENVELOPE RCPT TO 550`. */
  failure: string;
  at: Date;
}

/**
 * Tells the DPO and the admins that the mail server refuses a colleague's address, in the app and
 * by e-mail, so a person fixes it instead of reminders silently not arriving. Once a day per
 * colleague: a bouncing address refuses every reminder, and one alert a day is enough to act on.
 * An alert that is itself refused is recorded like any refused e-mail and raises no further
 * alert (the in-app notification still shows it), so two bouncing managers cannot loop.
 */
@Injectable()
export class RefusedAddressAlert {
  constructor(
    @Inject(CaseFile) private readonly caseFile: CaseFile,
    @Inject(PersonalDelivery) private readonly delivery: PersonalDelivery,
    @Inject(TemplateCatalog) private readonly templates: TemplateCatalog,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async raise(colleague: User, refusal: Refusal, attempt: number): Promise<void> {
    const repositories = this.caseFile.read;
    const [organisation, managers] = await Promise.all([repositories.organisations.get(refusal.organisationId), repositories.organisations.usersWithRoles(refusal.organisationId, ALERTED_ROLES)]);
    // A DPO whose own address bounces is not mailed about it: that message would bounce too.
    const alerted = managers.filter((user) => user.id !== colleague.id);
    const day = refusal.at.toISOString().slice(0, 10);
    await sendToEach(alerted, (user) =>
      this.delivery.deliver(user, {
        organisationId: refusal.organisationId,
        incidentId: null,
        kind: 'email-refused',
        idempotencyKey: `email-refused:${colleague.id}:${day}:${user.id}`,
        at: refusal.at,
        message: this.templates.renderEmail('email-refused', this.config.DEFAULT_LANGUAGE, {
          recipientName: user.displayName,
          colleagueName: colleague.displayName,
          organisationName: organisation.name,
          failure: refusal.failure,
        }),
      }, attempt),
    );
  }
}
