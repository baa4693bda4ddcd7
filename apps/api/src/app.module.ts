import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { createSecretKey } from 'node:crypto';
import { TemplateCatalog } from '../../../libs/rendering/src/template-catalog.js';
import type { AppConfig } from '../../../libs/platform/src/config.js';
import { ConfigModule } from '../../../libs/platform/src/nest/config.module.js';
import { DatabaseModule } from '../../../libs/platform/src/nest/database.module.js';
import { AuthController } from './auth/auth.controller.js';
import { DevMailController } from './dev/dev-mail.controller.js';
import { AuthGuard } from './auth/auth.guard.js';
import { AuthService } from './auth/auth.service.js';
import { MeController } from './auth/me.controller.js';
import { HealthController } from './health/health.controller.js';
import { FilingsController } from './filings/filings.controller.js';
import { FilingsService } from './filings/filings.service.js';
import { IncidentAssessmentsController } from './incidents/incident-assessments.controller.js';
import { IncidentTracksController } from './incidents/incident-tracks.controller.js';
import { IncidentsController } from './incidents/incidents.controller.js';
import { IncidentsService } from './incidents/incidents.service.js';
import { NotificationsController } from './notifications/notifications.controller.js';
import { OrganisationController } from './organisation/organisation.controller.js';
import { RegisterController } from './register/register.controller.js';
import { RegisterService } from './register/register.service.js';
import { IncidentRiskService } from './risk/incident-risk.service.js';
import { RiskController } from './risk/risk.controller.js';
import { IncidentWorkflowGateway } from './temporal/incident-workflow.gateway.js';
import { TemporalClientModule } from './temporal/temporal-client.module.js';

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
        JwtModule.register({ secret: createSecretKey(Buffer.from(config.JWT_SECRET, 'utf8')), signOptions: { expiresIn: config.JWT_TTL_SECONDS, algorithm: 'HS256' }, verifyOptions: { algorithms: ['HS256'] } }),
      ],
      controllers: [
        AuthController,
        MeController,
        HealthController,
        IncidentsController,
        IncidentAssessmentsController,
        IncidentTracksController,
        FilingsController,
        RegisterController,
        NotificationsController,
        OrganisationController,
        RiskController,
        ...(config.NODE_ENV !== 'production' && config.MAIL_SINK_DIR ? [DevMailController] : []),
      ],
      providers: [
        AuthService,
        IncidentsService,
        IncidentRiskService,
        IncidentWorkflowGateway,
        FilingsService,
        RegisterService,
        // Templates are compiled once, at start: a broken template stops the API there.
        { provide: TemplateCatalog, useFactory: () => TemplateCatalog.load() },
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
    };
  }
}
