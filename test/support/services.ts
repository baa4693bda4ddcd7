/** Where the shared test services run; the global setup publishes it through the environment. */
export interface TestServices {
  temporalAddress: string;
  /** The runtime role's connection (the apps'): no UPDATE, DELETE or TRUNCATE on the audit trail. */
  databaseUrl: string;
  /** The owner's connection (migrations; an attacker who owns the database). */
  ownerDatabaseUrl: string;
  adminDatabaseUrl: string;
  /** The run's AUDIT_HMAC_KEY. */
  auditHmacKey: string;
  database: string;
}

export function services(): TestServices {
  const raw = process.env.BREACHFLOW_TEST_SERVICES;
  if (!raw) throw new Error('test services are not running: run the e2e tests through jest (global setup)');
  return JSON.parse(raw) as TestServices;
}
