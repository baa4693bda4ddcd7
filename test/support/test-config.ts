import { randomBytes } from 'node:crypto';
import type { AppConfig } from '../../libs/platform/src/config.js';
import { loadConfig } from '../../libs/platform/src/config.js';
import { services } from './services.js';

/** A complete configuration on the shared test services, with its own task queue so test files never share workers. */
export function testConfig(overrides: Partial<Record<keyof AppConfig, string>> = {}): AppConfig {
  const { databaseUrl, ownerDatabaseUrl, temporalAddress, auditHmacKey } = services();
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    PORT: '0',
    DATABASE_URL: databaseUrl,
    MIGRATION_DATABASE_URL: ownerDatabaseUrl,
    TEMPORAL_ADDRESS: temporalAddress,
    TEMPORAL_TASK_QUEUE: `test-${randomBytes(6).toString('hex')}`,
    JWT_SECRET: randomBytes(32).toString('hex'),
    PAYLOAD_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    AUDIT_HMAC_KEY: auditHmacKey,
    TEMPORAL_UPDATE_SIGNING_KEY: randomBytes(32).toString('base64'),
    ...overrides,
  });
}

/** The environment a child process (worker or API) needs for the same configuration. */
export function configEnv(config: AppConfig): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(config).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]));
}
