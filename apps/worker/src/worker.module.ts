import { Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from '../../../libs/platform/src/config.js';
import { ConfigModule } from '../../../libs/platform/src/nest/config.module.js';
import { DatabaseModule } from '../../../libs/platform/src/nest/database.module.js';
import { ClockActivities } from './activities/clock.activities.js';

/** Every activity provider the worker registers with Temporal. */
export const ACTIVITY_PROVIDERS = [ClockActivities];

@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [ConfigModule.forRoot(config), DatabaseModule],
      providers: ACTIVITY_PROVIDERS,
    };
  }
}
