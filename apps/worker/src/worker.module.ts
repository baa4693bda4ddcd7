import { Module, type DynamicModule } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../libs/platform/src/config.js';
import { Mailer } from '../../../libs/platform/src/mail/mailer.js';
import { recipientCipherProvider } from '../../../libs/platform/src/recipient-cipher.js';
import { smsTransportProvider } from '../../../libs/platform/src/sms/sms-transport-provider.js';
import { ConfigModule } from '../../../libs/platform/src/nest/config.module.js';
import { DatabaseModule } from '../../../libs/platform/src/nest/database.module.js';
import { TemplateCatalog } from '../../../libs/rendering/src/template-catalog.js';
import { ACTIVITY_USE_CASES } from './activities.js';

@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [ConfigModule.forRoot(config), DatabaseModule],
      providers: [
        ...ACTIVITY_USE_CASES,
        recipientCipherProvider,
        smsTransportProvider,
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
