import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { APP_CONFIG, type AppConfig } from '../../../../libs/platform/src/config.js';
import { encryptedDataConverter, ensureSearchAttributes } from '../../../../libs/platform/src/temporal.js';
import { temporalConnectionOptions } from '../../../../libs/platform/src/temporal-connection.js';
import { SignedUpdatesInterceptor } from './signed-updates.interceptor.js';

/** Whether the cluster knows our search attributes; workflows start without them otherwise. */
export const SEARCH_ATTRIBUTES_AVAILABLE = Symbol('SEARCH_ATTRIBUTES_AVAILABLE');

/** The Temporal client, hand-wired (the nestjs-temporal packages do not support Nest 12 / ESM). */
@Global()
@Module({
  providers: [
    {
      provide: Connection,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => Connection.connect(temporalConnectionOptions(config)),
    },
    {
      provide: Client,
      inject: [Connection, APP_CONFIG],
      useFactory: (connection: Connection, config: AppConfig) =>
        new Client({
          connection,
          namespace: config.TEMPORAL_NAMESPACE,
          dataConverter: encryptedDataConverter(config),
          // Every update carries the API's signature; the workflows refuse one without it.
          interceptors: { workflow: [new SignedUpdatesInterceptor(Buffer.from(config.TEMPORAL_UPDATE_SIGNING_KEY, 'base64'))] },
        }),
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
