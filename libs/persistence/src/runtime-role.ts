import pg from 'pg';
import { RUNTIME_ROLE } from '../../../migrations/1764950000000-audit-seal-and-runtime-role.js';

export { RUNTIME_ROLE };

/**
 * Lets the runtime role (created by the migrations, without a login) sign in with `password`, and
 * returns its connection URL: the owner's URL with the runtime role's name and password. For the
 * embedded development database and the tests; a deployment creates the role with its own
 * password (deploy/postgres-init.sql).
 */
export async function enableRuntimeLogin(ownerUrl: string, password: string): Promise<string> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query(`ALTER ROLE ${RUNTIME_ROLE} WITH LOGIN PASSWORD ${client.escapeLiteral(password)}`);
  } finally {
    await client.end();
  }
  const url = new URL(ownerUrl);
  url.username = RUNTIME_ROLE;
  url.password = encodeURIComponent(password);
  return url.toString();
}
