/**
 * `npm run --silent audit:verify [-- --witness FILE]`: walks the whole audit trail and says
 * whether it is intact. Exit codes: 0 intact; 1 broken, naming the first bad event by its number
 * and what happened to it (edited, inserted, deleted, tail truncated), never anything of its
 * content; 78 (EX_CONFIG) configuration missing or malformed; 69 (EX_UNAVAILABLE) the database
 * could not be read.
 *
 * It needs DATABASE_URL (the runtime role suffices) and AUDIT_HMAC_KEY; without DATABASE_URL,
 * outside production, the embedded database of a running `npm start` and its secrets in .data/.
 * An intact trail is recorded as a checkpoint in the database; `--witness FILE` also keeps it in a
 * file, which should live where the database's owner cannot write, and checks the trail against
 * the file's previous content: a trail whose last events were deleted, checkpoints and all, is
 * still caught.
 */
import 'reflect-metadata';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { AuditSeal, type AuditWitness } from '../libs/persistence/src/audit/audit-seal.js';
import { verifyAuditTrail } from '../libs/persistence/src/audit/audit-verification.js';
import { createDataSource } from '../libs/persistence/src/data-source.js';
import { RUNTIME_ROLE } from '../libs/persistence/src/runtime-role.js';
import { readLocalSecrets } from '../libs/platform/src/dev/local-secrets.js';

const EX_CONFIG = 78;
const EX_UNAVAILABLE = 69;
const say = (message: string) => console.error(`[breachflow-audit] ${message}`);

class ConfigurationProblem extends Error {}

const isBase64Key = (value: string) => /^[A-Za-z0-9+/]{43}=$/.test(value) && Buffer.from(value, 'base64').length === 32;

function configuration(env: NodeJS.ProcessEnv): { databaseUrl: string; seal: AuditSeal } {
  const production = env.NODE_ENV === 'production';
  let databaseUrl = env.DATABASE_URL;
  let auditKey = env.AUDIT_HMAC_KEY;
  if (!databaseUrl && !production) {
    // The embedded database of `npm start`, as its apps reach it.
    const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
    const secrets = readLocalSecrets(resolve(env.BREACHFLOW_DATA_DIR || join(root, '.data')));
    if (!secrets?.databasePassword || !secrets.auditHmacKey) throw new ConfigurationProblem('DATABASE_URL: is required (or run `npm start` first, for its embedded database)');
    databaseUrl = `postgres://${RUNTIME_ROLE}:${secrets.databasePassword}@127.0.0.1:${env.BREACHFLOW_PG_PORT || 54329}/breachflow`;
    auditKey ??= secrets.auditHmacKey;
  }
  if (!databaseUrl) throw new ConfigurationProblem('DATABASE_URL: is required');
  if (!/^postgres(ql)?:\/\//.test(databaseUrl)) throw new ConfigurationProblem('DATABASE_URL: must be a postgres:// URL');
  if (auditKey !== undefined) {
    if (!isBase64Key(auditKey)) throw new ConfigurationProblem('AUDIT_HMAC_KEY: must be 32 bytes encoded as base64');
    return { databaseUrl, seal: AuditSeal.ofKey(Buffer.from(auditKey, 'base64')) };
  }
  // The same rule as the apps: outside production the key may be derived from the payload key.
  const payloadKey = env.PAYLOAD_ENCRYPTION_KEY;
  if (production || payloadKey === undefined) throw new ConfigurationProblem('AUDIT_HMAC_KEY: is required');
  if (!isBase64Key(payloadKey)) throw new ConfigurationProblem('PAYLOAD_ENCRYPTION_KEY: must be 32 bytes encoded as base64');
  return { databaseUrl, seal: AuditSeal.fromConfig({ PAYLOAD_ENCRYPTION_KEY: payloadKey }) };
}

function readWitness(path: string): AuditWitness | undefined {
  if (!existsSync(path)) return undefined;
  const witness = JSON.parse(readFileSync(path, 'utf8')) as Partial<AuditWitness>;
  if (typeof witness.seq !== 'string' || !/^[1-9]\d*$/.test(witness.seq) || typeof witness.mac !== 'string' || !/^[0-9a-f]{64}$/.test(witness.mac)) {
    throw new ConfigurationProblem(`--witness: ${path} is not a witness this command wrote ({"seq": "…", "mac": "…"})`);
  }
  return { seq: witness.seq, mac: witness.mac };
}

async function main(): Promise<number> {
  let options: { databaseUrl: string; seal: AuditSeal };
  let witnessPath: string | undefined;
  let previousWitness: AuditWitness | undefined;
  try {
    const { values } = parseArgs({ options: { witness: { type: 'string' } } });
    witnessPath = values.witness;
    options = configuration(process.env);
    previousWitness = witnessPath ? readWitness(witnessPath) : undefined;
  } catch (error) {
    if (!(error instanceof ConfigurationProblem) && !(error instanceof TypeError) && !(error instanceof SyntaxError)) throw error;
    say(`Invalid configuration:\n  ${error.message}`);
    return EX_CONFIG;
  }
  const dataSource = createDataSource(options.databaseUrl, { poolSize: 1, applicationName: 'breachflow-audit-verify' });
  try {
    await dataSource.initialize();
    const verification = await verifyAuditTrail(dataSource.manager, options.seal, { externalWitnesses: previousWitness ? [previousWitness] : [] });
    if (!verification.ok) {
      console.log(`audit trail broken at event ${verification.seq} (${verification.problem}): ${verification.explanation}`);
      return 1;
    }
    const sealed = verification.sealedFrom === null ? 'no event sealed yet' : verification.sealedFrom === '1' ? 'every event sealed' : `sealed from event ${verification.sealedFrom} on (before it: hash chain only)`;
    console.log(`audit trail intact: ${verification.events} events, ${sealed}; checkpoint at event ${verification.last?.seq ?? 'none (empty trail)'}`);
    if (witnessPath && verification.last) writeFileSync(witnessPath, `${JSON.stringify({ ...verification.last, verifiedAt: new Date().toISOString() }, null, 2)}\n`);
    return 0;
  } catch (error) {
    // The message of a connection error names the host, never the password.
    say(`the audit trail could not be read: ${(error as Error).message}`);
    return EX_UNAVAILABLE;
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
  }
}

process.exitCode = await main();
