import { Module, type DynamicModule } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../libs/platform/src/config.js';
import { Mailer } from '../../../libs/platform/src/mail/mailer.js';
import { ConfigModule } from '../../../libs/platform/src/nest/config.module.js';
import { DatabaseModule } from '../../../libs/platform/src/nest/database.module.js';
import { TemplateCatalog } from '../../../libs/rendering/src/template-catalog.js';
import { ClockActivities } from './activities/clock.activities.js';
import { DigestActivities } from './activities/digest.activities.js';
import { IncidentActivities } from './activities/incident.activities.js';
import { FilingActivities } from './activities/filing.activities.js';
import { NoticeActivities } from './activities/notice.activities.js';
import { FilingComposer } from './filings/filing-composer.js';
import { PersonalDelivery } from './notices/personal-delivery.js';

/** Every activity provider the worker registers with Temporal. */
export const ACTIVITY_PROVIDERS = [ClockActivities, DigestActivities, FilingActivities, IncidentActivities, NoticeActivities];

@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [ConfigModule.forRoot(config), DatabaseModule],
      providers: [
        ...ACTIVITY_PROVIDERS,
        FilingComposer,
        PersonalDelivery,
        // Templates are compiled once, at start: a broken template stops the worker there, not mid-incident.
        { provide: TemplateCatalog, useFactory: () => TemplateCatalog.load() },
        {
          provide: Mailer,
          inject: [APP_CONFIG],
          useFactory: (appConfig: AppConfig) => {
            if (!appConfig.SMTP_URL) throw new Error('SMTP_URL is required by the worker: it sends reminders and escalations');
            return new Mailer({ smtpUrl: appConfig.SMTP_URL, from: appConfig.MAIL_FROM });
          },
        },
      ],
    };
  }
}
