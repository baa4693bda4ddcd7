import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditSeal } from '../../../persistence/src/audit/audit-seal.js';
import { CaseFile } from '../../../persistence/src/case-file.js';
import { createDataSource } from '../../../persistence/src/data-source.js';
import { APP_CONFIG, type AppConfig } from '../config.js';

/** One initialised DataSource per process, closed when the application shuts down; use-cases reach it through the CaseFile. */
@Global()
@Module({
  providers: [
    {
      provide: DataSource,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => createDataSource(config.DATABASE_URL).initialize(),
    },
    { provide: AuditSeal, inject: [APP_CONFIG], useFactory: (config: AppConfig) => AuditSeal.fromConfig(config) },
    { provide: CaseFile, inject: [DataSource, AuditSeal], useFactory: (dataSource: DataSource, auditSeal: AuditSeal) => new CaseFile(dataSource, auditSeal) },
  ],
  exports: [DataSource, CaseFile, AuditSeal],
})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
