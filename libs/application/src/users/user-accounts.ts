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
import { NEW_PASSWORD_LINK_INTERVAL_SECONDS, PasswordLinkTooSoonError } from './password-link-too-soon.js';
import { userAccountView, type UserAccountView } from './user-account-view.js';

export interface Invitation {
  email: string;
  displayName: string;
  role: Role;
  language?: Language;
}

/** A new link for a person: the language of its e-mail (the configured default when absent). */
export interface NewLinkRequest {
  language?: Language;
}

/** What was sent: a new invitation to someone without a password, or a reset link to someone with one. */
export interface SentPasswordLink {
  user: UserAccountView;
  link: { purpose: SentAgainPurpose; expiresAt: string };
}

/** The links an admin sends again; only these count towards the one-a-minute limit (an invitation does not). */
type SentAgainPurpose = 'renewed-invitation' | 'password-reset';
const SENT_AGAIN: readonly SentAgainPurpose[] = ['renewed-invitation', 'password-reset'];

/** What a mail server's refusal says to the admin, for the step that sent the mail. */
interface MailRefusals {
  /** The address is refused for good. */
  refused: (code: string) => string;
  /** The server did not take it now. */
  later: (code: string) => string;
  /** The request field the address came from, when it came with the request. */
  field?: string;
}

const INVITATION_REFUSALS: MailRefusals = {
  refused: (code) => `the mail server refuses this address (${code}): check it and invite again`,
  later: (code) => `the mail server did not take the invitation now (${code}): invite again shortly`,
  field: 'email',
};
const NEW_LINK_REFUSALS: MailRefusals = {
  refused: (code) => `the mail server refuses this person's address (${code}): no link was sent, and their earlier links still work`,
  later: (code) => `the mail server did not take the message now (${code}): no link was sent; try again shortly`,
};

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
        await this.sendLink(repositories, mailer, caller, {
          to: invitation.email,
          displayName: invitation.displayName,
          language: invitation.language,
          passwordReset: false,
          link: passwordLinkUrl(this.config.PUBLIC_URL, link.token),
          expiresAt: link.expiresAt,
          idempotencyKey: `invitation:${userId}`,
          refusals: INVITATION_REFUSALS,
        });
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

  /**
   * E-mails the person a fresh one-time link, the only one that works from now on: a new invitation
   * when they never chose a password (the first expired, was lost, or died with a deactivation), a
   * password reset when they did (their password keeps working until they choose another). Never to
   * a deactivated person, and at most one a minute per person, so a double click sends one message.
   * As with an invitation, the link goes to the person alone and the mail goes out before the commit:
   * a refused message leaves their earlier links as they were.
   */
  async sendNewLink(caller: Caller, userId: string, request: NewLinkRequest): Promise<SentPasswordLink> {
    const mailer = this.mailer ?? raise('unavailable', 'no mail server is configured (SMTP_URL), so no link can be sent');
    return this.caseFile.transaction(async (repositories) => {
      // Locked: the second request of a double click waits for the first and then sees its link.
      const target = (await repositories.users.findOwned(caller.organisationId, userId, { lock: true })) ?? raise('not-found', `user ${userId} not found`);
      if (!target.active) raise('conflict', 'this person is deactivated: reactivate them first, then send a new link');
      const wait = await repositories.users.secondsUntilNextPasswordLink(userId, SENT_AGAIN, NEW_PASSWORD_LINK_INTERVAL_SECONDS);
      if (wait > 0) throw new PasswordLinkTooSoonError(wait);
      const now = new Date();
      const purpose: SentAgainPurpose = target.passwordHash === null ? 'renewed-invitation' : 'password-reset';
      // Only the newest link may be meant: every earlier one stops working.
      await repositories.users.consumePasswordLinks(userId, now);
      const link = await issuePasswordLink(repositories, { userId, purpose, createdBy: caller.id, now });
      await repositories.audit.append({ organisationId: caller.organisationId, actor: caller.id, action: 'user.password-link-sent', detail: { userId, purpose } });
      await this.sendLink(repositories, mailer, caller, {
        to: target.email,
        displayName: target.displayName,
        language: request.language,
        passwordReset: purpose === 'password-reset',
        link: passwordLinkUrl(this.config.PUBLIC_URL, link.token),
        expiresAt: link.expiresAt,
        idempotencyKey: `password-link:${link.id}`,
        refusals: NEW_LINK_REFUSALS,
      });
      return { user: userAccountView(target), link: { purpose, expiresAt: link.expiresAt.toISOString() } };
    });
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

  /** The invitation e-mail (its reset wording for someone who has a password), to the person alone. */
  private async sendLink(
    repositories: Repositories,
    mailer: Mailer,
    caller: Caller,
    mail: { to: string; displayName: string; language: Language | undefined; passwordReset: boolean; link: string; expiresAt: Date; idempotencyKey: string; refusals: MailRefusals },
  ): Promise<void> {
    const organisation = await repositories.organisations.get(caller.organisationId);
    const sender = await repositories.users.get(caller.id);
    const language = mail.language ?? this.config.DEFAULT_LANGUAGE;
    const message = this.templates.renderEmail('invitation', language, {
      recipientName: mail.displayName,
      organisationName: organisation.name,
      inviterName: sender.displayName,
      passwordReset: mail.passwordReset,
      link: mail.link,
      expiresAt: formatInstant(mail.expiresAt.toISOString(), organisation.timeZone, language),
    });
    try {
      await mailer.send({ to: mail.to, ...message, idempotencyKey: mail.idempotencyKey });
    } catch (error) {
      const failure = mailFailureOf(error);
      if (failure === null) throw error;
      if (failure.permanent) raise('unprocessable', mail.refusals.refused(failure.code), mail.refusals.field);
      raise('unavailable', mail.refusals.later(failure.code));
    }
  }
}
