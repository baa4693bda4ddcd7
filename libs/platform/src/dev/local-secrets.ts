import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A developer machine's secrets, kept in the data directory so tokens, history and the audit trail stay readable. */
export interface LocalSecrets {
  jwtSecret: string;
  payloadKey: string;
  /** AUDIT_HMAC_KEY: the audit trail's seal key. */
  auditHmacKey: string;
  /** The embedded PostgreSQL's runtime role's password. */
  databasePassword: string;
  /** TEMPORAL_UPDATE_SIGNING_KEY: the API signs workflow updates with it, the workflows verify. */
  updateSigningKey: string;
}

const generators: { [Name in keyof LocalSecrets]: () => string } = {
  jwtSecret: () => randomBytes(48).toString('base64url'),
  payloadKey: () => randomBytes(32).toString('base64'),
  auditHmacKey: () => randomBytes(32).toString('base64'),
  databasePassword: () => randomBytes(24).toString('hex'),
  updateSigningKey: () => randomBytes(32).toString('base64'),
};

export const localSecretsPath = (dataDir: string): string => join(dataDir, 'secrets.json');

/** The secrets as they are on disk, or undefined when `npm start` never ran here. */
export function readLocalSecrets(dataDir: string): Partial<LocalSecrets> | undefined {
  const path = localSecretsPath(dataDir);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Partial<LocalSecrets>) : undefined;
}

/** Generated once each; a data directory from before a secret existed gets it added, the others kept. */
export function localSecrets(dataDir: string): LocalSecrets {
  const existing = readLocalSecrets(dataDir) ?? {};
  const missing = (Object.keys(generators) as (keyof LocalSecrets)[]).filter((name) => typeof existing[name] !== 'string');
  const secrets = { ...existing } as LocalSecrets;
  for (const name of missing) secrets[name] = generators[name]();
  if (missing.length > 0) writeFileSync(localSecretsPath(dataDir), JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
