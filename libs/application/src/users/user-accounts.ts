import { Inject, Injectable, Optional } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { QueryFailedError } from 'typeorm';
import { raise } from '../../../domain/src/failures.js';
import type { Role } from '../../../domain/src/roles.js';
import type { Language } from '../../../domain/src/tracks/catalogue.js';
import { refuseAccountChange, type AccountChange } from '../../../domain/src/users/last-admin.js';
import { RefusalError } from '../../../domain/src/failures.js';
import { CaseFile, type Repositories } from '../../../persistence/src/case-file.js';
import { APP_CONFIG, type AppConfig } from '../../../platform/src/config.js';
import { mailFailureOf } from '../../../platform/src/mail/mail-failure.js';
import { Mailer } from '../../../platform/src/mail/mailer.js';
import { TemplateCatalog } from '../../../rendering/src/template-catalog.js';
import { SessionCheck } from '../auth/session-check.js';
import type { Caller } from '../caller.js';
import { formatInstant } from '../notifications/notice-formatting.js';
import { issuePasswordLink, passwordLinkUrl } from './password-links.js';
import { userAccountView, type UserAccountView } from './user-account-view.js';

export interface Invitation {
  email: string;
  displayName: string;
  role: Role;
  language?: Language;
}

const UNIQUE_VIOLATION = '23505';

/**
 * An organisation's people as an admin manages them: list, invite (a one-time link by e-mail),
 * change a role, deactivate and reactivate. Each change is audited with ids only; the last
 * active admin can be neither demoted nor deactivated.
 */
@Injectable()
export class UserAccounts {
  constructor(
    @Inject(CaseFile) private readonly caseFile: CaseFile,
    @Inject(TemplateCatalog) private readonly templates: TemplateCatalog,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SessionCheck) private readonly sessionCheck: SessionCheck,
    // Absent without SMTP_URL: then nobody can be invited, and the refusal says why.
    @Optional() @Inject(Mailer) private readonly mailer: Mailer | null,
  ) {}

  async list(caller: Caller): Promise<UserAccountView[]> {
    return (await this.caseFile.read.users.inOrganisation(caller.organisationId)).map(userAccountView);
  }

  /**
   * Creates the user without a password and e-mails them a one-time link to choose one. The
   * e-mail goes out before the transaction commits: an address the server refuses leaves no user
   * behind, and the admin can correct it and invite again.
   */
  async invite(caller: Caller, invitation: Invitation): Promise<{ user: UserAccountView; invitation: { expiresAt: string } }> {
    const mailer = this.mailer ?? raise('unavailable', 'no mail server is configured (SMTP_URL), so an invitation cannot be sent');
    try {
      return await this.caseFile.transaction(async (repositories) => {
        if (await repositories.users.emailTaken(invitation.email)) raise('conflict', 'a user with this e-mail address exists already', 'email');
        const userId = randomUUID();
        await repositories.users.insert({ id: userId, organisationId: caller.organisationId, email: invitation.email, displayName: invitation.displayName, role: invitation.role, passwordHash: null });
        const now = new Date();
        const link = await issuePasswordLink(repositories, { userId, purpose: 'invitation', createdBy: caller.id, now });
        await repositories.audit.append({ organisationId: caller.organisationId, actor: caller.id, action: 'user.invited', detail: { userId, role: invitation.role } });
        await this.sendInvitation(repositories, mailer, caller, { ...invitation, userId, link: passwordLinkUrl(this.config.PUBLIC_URL, link.token), expiresAt: link.expiresAt });
        return { user: userAccountView(await repositories.users.get(userId)), invitation: { expiresAt: link.expiresAt.toISOString() } };
      });
    } catch (error) {
      // Two admins inviting the same address at once: the second meets the unique index.
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === UNIQUE_VIOLATION) {
        raise('conflict', 'a user with this e-mail address exists already', 'email');
      }
      throw error;
    }
  }

  async change(caller: Caller, userId: string, change: AccountChange): Promise<UserAccountView> {
    const changed = await this.caseFile.transaction(async (repositories) => {
      // The admins first, always in the same order, then the target: concurrent changes never deadlock.
      const admins = await repositories.users.lockActiveAdmins(caller.organisationId);
      const target = (await repositories.users.findOwned(caller.organisationId, userId, { lock: true })) ?? raise('not-found', `user ${userId} not found`);
      const refusal = refuseAccountChange(target, change, admins.map((admin) => admin.id), caller.id);
      if (refusal) throw new RefusalError(refusal);
      const audit = (action: string, detail: Record<string, unknown>) =>
        repositories.audit.append({ organisationId: caller.organisationId, actor: caller.id, action, detail: { userId, ...detail } });
      if (change.role !== undefined && change.role !== target.role) {
        await repositories.users.update(userId, { role: change.role });
        await audit('user.role-changed', { from: target.role, to: change.role });
      }
      if (change.active !== undefined && change.active !== target.active) {
        await repositories.users.update(userId, { active: change.active });
        // A deactivated person's open invitation dies with the account.
        if (!change.active) await repositories.users.consumePasswordLinks(userId, new Date());
        await audit(change.active ? 'user.reactivated' : 'user.deactivated', {});
      }
      return userAccountView(await repositories.users.get(userId));
    });
    // The person's sessions end with the change (the session check compares role and activity); on
    // this instance from their very next request, not only once the cached check has expired.
    this.sessionCheck.forgetUser(userId);
    return changed;
  }

  private async sendInvitation(
    repositories: Repositories,
    mailer: Mailer,
    caller: Caller,
    invitation: Invitation & { userId: string; link: string; expiresAt: Date },
  ): Promise<void> {
    const organisation = await repositories.organisations.get(caller.organisationId);
    const inviter = await repositories.users.get(caller.id);
    const language = invitation.language ?? this.config.DEFAULT_LANGUAGE;
    const message = this.templates.renderEmail('invitation', language, {
      recipientName: invitation.displayName,
      organisationName: organisation.name,
      inviterName: inviter.displayName,
      link: invitation.link,
      expiresAt: formatInstant(invitation.expiresAt.toISOString(), organisation.timeZone, language),
    });
    try {
      await mailer.send({ to: invitation.email, ...message, idempotencyKey: `invitation:${invitation.userId}` });
    } catch (error) {
      const failure = mailFailureOf(error);
      if (failure === null) throw error;
      if (failure.permanent) raise('unprocessable', `the mail server refuses this address (${failure.code}): check it and invite again`, 'email');
      raise('unavailable', `the mail server did not take the invitation now (${failure.code}): invite again shortly`);
    }
  }
}
