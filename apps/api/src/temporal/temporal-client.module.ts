import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { APP_CONFIG, type AppConfig } from '../../../../libs/platform/src/config.js';
import { encryptedDataConverter, ensureSearchAttributes } from '../../../../libs/platform/src/temporal.js';

/** Whether the cluster knows our search attributes; workflows start without them otherwise. */
export const SEARCH_ATTRIBUTES_AVAILABLE = Symbol('SEARCH_ATTRIBUTES_AVAILABLE');

/** The Temporal client, hand-wired (the nestjs-temporal packages do not support Nest 12 / ESM). */
@Global()
@Module({
  providers: [
    {
      provide: Connection,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => Connection.connect({ address: config.TEMPORAL_ADDRESS }),
    },
    {
      provide: Client,
      inject: [Connection, APP_CONFIG],
      useFactory: (connection: Connection, config: AppConfig) =>
        new Client({ connection, namespace: config.TEMPORAL_NAMESPACE, dataConverter: encryptedDataConverter(config) }),
    },
    {
      provide: SEARCH_ATTRIBUTES_AVAILABLE,
      inject: [Connection, APP_CONFIG],
      useFactory: (connection: Connection, config: AppConfig) => ensureSearchAttributes(connection.operatorService, config.TEMPORAL_NAMESPACE),
    },
  ],
  exports: [Client, Connection, SEARCH_ATTRIBUTES_AVAILABLE],
})
export class TemporalClientModule implements OnApplicationShutdown {
  constructor(@Inject(Connection) private readonly connection: Connection) {}

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}
