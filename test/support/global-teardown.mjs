import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

export default async function globalTeardown() {
  const { adminDatabaseUrl, database } = JSON.parse(process.env.BREACHFLOW_TEST_SERVICES ?? '{}');
  if (process.env.DATABASE_URL && database) {
    const { dropDatabase } = await import(join(root, 'dist/libs/platform/src/dev/embedded-database.js'));
    await dropDatabase(adminDatabaseUrl, database).catch(() => undefined);
  }
  await globalThis[Symbol.for('breachflow.test.stop')]?.();
}
