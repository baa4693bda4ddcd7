/** Where the shared test services run; the global setup publishes it through the environment. */
export interface TestServices {
  temporalAddress: string;
  databaseUrl: string;
  adminDatabaseUrl: string;
  database: string;
}

export function services(): TestServices {
  const raw = process.env.BREACHFLOW_TEST_SERVICES;
  if (!raw) throw new Error('test services are not running: run the e2e tests through jest (global setup)');
  return JSON.parse(raw) as TestServices;
}
