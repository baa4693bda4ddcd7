import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { createSecretKey } from 'node:crypto';
import { SignIn } from '../../../libs/application/src/auth/sign-in.js';
import { SignInThrottle } from '../../../libs/application/src/auth/sign-in-throttle.js';
import { SessionCheck } from '../../../libs/application/src/auth/session-check.js';
import { Sessions } from '../../../libs/application/src/auth/sessions.js';
import { APP_CONFIG } from '../../../libs/platform/src/config.js';
import { PasswordHashingGate } from '../../../libs/platform/src/password-hashing-gate.js';
import { FilingSteps } from '../../../libs/application/src/filings/filing-steps.js';
import { AppendFacts } from '../../../libs/application/src/incidents/append-facts.js';
import { CloseIncident } from '../../../libs/application/src/incidents/close-incident.js';
import { ReopenIncident } from '../../../libs/application/src/incidents/reopen-incident.js';
import { IncidentQueries } from '../../../libs/application/src/incidents/incident-queries.js';
import { IncidentTimeline } from '../../../libs/application/src/incidents/incident-timeline.js';
import { WorkflowOutboxRelay } from '../../../libs/application/src/incidents/workflow-outbox-relay.js';
import { OutboxRelayTimer } from './temporal/outbox-relay-timer.js';
import { ScreenTrack } from '../../../libs/application/src/tracks/screen-track.js';
import { TrackTasks } from '../../../libs/application/src/tracks/track-tasks.js';
import { ImportRecipients } from '../../../libs/application/src/notices/import-recipients.js';
import { RecipientList } from '../../../libs/application/src/notices/recipient-list.js';
import { Art34Exceptions } from '../../../libs/application/src/notices/art34-exceptions.js';
import { LetterBatch } from '../../../libs/application/src/notices/letter-batch.js';
import { Art34ExceptionsController } from './notices/art34-exceptions.controller.js';
import { NoticePreview } from '../../../libs/application/src/notices/notice-preview.js';
import { NoticeSending } from '../../../libs/application/src/notices/notice-sending.js';
import { NoticeSteps } from '../../../libs/application/src/notices/notice-steps.js';
import { PublicNotices } from '../../../libs/application/src/notices/public-notices.js';
import { NoticesController } from './notices/notices.controller.js';
import { PublicNoticeController } from './notices/public-notice.controller.js';
import { recipientCipherProvider } from '../../../libs/platform/src/recipient-cipher.js';
import { RecipientsController } from './notices/recipients.controller.js';
import { OpenIncident } from '../../../libs/application/src/incidents/open-incident.js';
import { NotificationInbox } from '../../../libs/application/src/notifications/notification-inbox.js';
import { OrganisationSettings } from '../../../libs/application/src/organisation/organisation-settings.js';
import { INCIDENT_WORKFLOWS } from '../../../libs/application/src/ports/incident-workflows.js';
import { RegisterEntries } from '../../../libs/application/src/register/register-entries.js';
import { OverrideOutcome } from '../../../libs/application/src/risk/override-outcome.js';
import { SetPassword } from '../../../libs/application/src/users/set-password.js';
import { UserAccounts } from '../../../libs/application/src/users/user-accounts.js';
import { Mailer } from '../../../libs/platform/src/mail/mailer.js';
import type { AppConfig } from '../../../libs/platform/src/config.js';
import { ConfigModule } from '../../../libs/platform/src/nest/config.module.js';
import { DatabaseModule } from '../../../libs/platform/src/nest/database.module.js';
import { TemplateCatalog } from '../../../libs/rendering/src/template-catalog.js';
import { AuthController } from './auth/auth.controller.js';
import { CodecServerController } from './temporal-codec/codec-server.controller.js';
import { AuthGuard } from './auth/auth.guard.js';
import { MeController } from './auth/me.controller.js';
import { SessionController } from './auth/session.controller.js';
import { OidcClient } from './auth/oidc-client.js';
import { SingleSignOnController } from './auth/single-sign-on.controller.js';
import { SsoSignIn } from '../../../libs/application/src/auth/sso-sign-in.js';
import { SsoGroupMapping } from '../../../libs/application/src/organisation/sso-group-mapping.js';
import { DevMailController } from './dev/dev-mail.controller.js';
import { FilingsController } from './filings/filings.controller.js';
import { HealthController } from './health/health.controller.js';
import { IncidentAssessmentsController } from './incidents/incident-assessments.controller.js';
import { IncidentTracksController } from './incidents/incident-tracks.controller.js';
import { IncidentDecisionsController } from './incidents/incident-decisions.controller.js';
import { DecideProposal } from '../../../libs/application/src/decisions/decide-proposal.js';
import { ProposeNotRequired } from '../../../libs/application/src/decisions/propose-not-required.js';
import { IncidentTasksController } from './incidents/incident-tasks.controller.js';
import { IncidentsController } from './incidents/incidents.controller.js';
import { NotificationsController } from './notifications/notifications.controller.js';
import { OrganisationController } from './organisation/organisation.controller.js';
import { RegisterController } from './register/register.controller.js';
import { RiskController } from './risk/risk.controller.js';
import { IncidentWorkflowGateway } from './temporal/incident-workflow.gateway.js';
import { TemporalClientModule } from './temporal/temporal-client.module.js';
import { UsersController } from './users/users.controller.js';

/** The use-cases the API's controllers call (the worker's activities call their own from the same layer). */
const USE_CASES = [SignIn, Sessions, WorkflowOutboxRelay, OpenIncident, AppendFacts, IncidentQueries, IncidentTimeline, OverrideOutcome, ProposeNotRequired, DecideProposal, CloseIncident, ReopenIncident, FilingSteps, ScreenTrack, TrackTasks, ImportRecipients, RecipientList, NoticeSteps, NoticePreview, NoticeSending, LetterBatch, PublicNotices, Art34Exceptions, RegisterEntries, NotificationInbox, OrganisationSettings, UserAccounts, SetPassword, SsoSignIn, SsoGroupMapping];

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule,
        TemporalClientModule,
        // A KeyObject, not the string: jsonwebtoken 9 first tries a string as a public key on every
        // verification (about 0.35 ms each, see bench/RESULTS.md); the key is the same, tokens too.
        // Issuer and audience are set on every token and required on every one verified: a token this
        // secret signed for anything else is refused.
        JwtModule.register({
          secret: createSecretKey(Buffer.from(config.JWT_SECRET, 'utf8')),
          signOptions: { expiresIn: config.JWT_TTL_SECONDS, algorithm: 'HS256', issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE },
          verifyOptions: { algorithms: ['HS256'], issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE },
        }),
      ],
      controllers: [
        AuthController,
        SessionController,
        SingleSignOnController,
        MeController,
        CodecServerController,
        HealthController,
        IncidentsController,
        IncidentAssessmentsController,
        IncidentTracksController,
        IncidentDecisionsController,
        IncidentTasksController,
        RecipientsController,
        NoticesController,
        PublicNoticeController,
        Art34ExceptionsController,
        FilingsController,
        RegisterController,
        NotificationsController,
        OrganisationController,
        UsersController,
        RiskController,
        ...(config.NODE_ENV !== 'production' && config.MAIL_SINK_DIR ? [DevMailController] : []),
      ],
      providers: [
        ...USE_CASES,
        SignInThrottle,
        SessionCheck,
        OidcClient,
        {
          provide: PasswordHashingGate,
          useFactory: (appConfig: AppConfig) => new PasswordHashingGate(appConfig.SIGN_IN_MAX_CONCURRENT_HASHES, appConfig.SIGN_IN_MAX_WAITING_HASHES),
          inject: [APP_CONFIG],
        },
        recipientCipherProvider,
        // Invitations are the API's only e-mail: one at a time, so no pooled connections to close.
        { provide: Mailer, useFactory: () => (config.SMTP_URL ? new Mailer({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM, pool: false }) : null) },
        OutboxRelayTimer,
        { provide: INCIDENT_WORKFLOWS, useClass: IncidentWorkflowGateway },
        // Templates are compiled once, at start: a broken template stops the API there.
        { provide: TemplateCatalog, useFactory: () => TemplateCatalog.load() },
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
    };
  }
}
