import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import type { AppConfig } from '../../../libs/platform/src/config.js';
import { ConfigModule } from '../../../libs/platform/src/nest/config.module.js';
import { DatabaseModule } from '../../../libs/platform/src/nest/database.module.js';
import { AuthController } from './auth/auth.controller.js';
import { AuthGuard } from './auth/auth.guard.js';
import { AuthService } from './auth/auth.service.js';
import { MeController } from './auth/me.controller.js';
import { HealthController } from './health/health.controller.js';
import { IncidentAssessmentsController } from './incidents/incident-assessments.controller.js';
import { IncidentsController } from './incidents/incidents.controller.js';
import { IncidentsService } from './incidents/incidents.service.js';
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
        JwtModule.register({ secret: config.JWT_SECRET, signOptions: { expiresIn: config.JWT_TTL_SECONDS, algorithm: 'HS256' }, verifyOptions: { algorithms: ['HS256'] } }),
      ],
      controllers: [AuthController, MeController, HealthController, IncidentsController, IncidentAssessmentsController, RiskController],
      providers: [AuthService, IncidentsService, IncidentRiskService, IncidentWorkflowGateway, { provide: APP_GUARD, useClass: AuthGuard }],
    };
  }
}
