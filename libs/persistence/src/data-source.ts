import { DataSource } from 'typeorm';
import { migrations } from '../../../migrations/index.js';
import { entities } from './entities/index.js';

/**
 * The one DataSource definition shared by the API, the worker, the migration runner and the
 * tests. The schema comes only from migrations: `synchronize` stays off.
 */
export function createDataSource(url: string, options: { poolSize?: number; applicationName?: string } = {}): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    poolSize: options.poolSize ?? 10,
    applicationName: options.applicationName ?? 'breachflow',
  });
}

/** Applies pending migrations; safe to call on every start. */
export async function runMigrations(url: string): Promise<string[]> {
  const dataSource = await createDataSource(url, { poolSize: 1, applicationName: 'breachflow-migrate' }).initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}
