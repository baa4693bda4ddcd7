/**
 * Administration from the command line, for a deployment's first start (no demo users in
 * production): `npm run --silent admin -- create-admin --email E [--organisation NAME] [--name N]
 * [--one-time-link]`, or `node dist/scripts/admin.js …` in the container. It needs DATABASE_URL
 * (migrated) and, for a link, PUBLIC_URL.
 *
 * With single sign-on only (PASSWORD_SIGN_IN=off in its environment) an admin with a password could
 * never sign in, so create-admin refuses and says what to do instead: `map-sso-group --group G
 * --role admin [--organisation NAME]` maps the identity provider's group of the first admins, and
 * whoever of that group signs in first becomes an admin (their account is created then).
 *
 * The password is asked at the terminal, twice; with --one-time-link nothing is asked and a link
 * to choose it (valid 24 hours, usable once) is printed instead, for the person to open.
 *
 * Exit codes: 0 created, 64 (EX_USAGE) wrong arguments, 65 (EX_DATAERR) refused (a weak password,
 * an e-mail address in use, the two passwords differ), 78 (EX_CONFIG) DATABASE_URL or PUBLIC_URL
 * missing or malformed, 1 anything else.
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { mapSsoGroupFromCommandLine } from '../libs/application/src/organisation/sso-group-mapping.js';
import { COMMAND_LINE_ACTOR, createAdmin } from '../libs/application/src/users/create-admin.js';
import { ROLES, type Role } from '../libs/domain/src/roles.js';
import { InvalidInputError, RefusalError } from '../libs/domain/src/failures.js';
import { compileValidator } from '../libs/domain/src/validation/json-schema-validator.js';
import { AuditSeal } from '../libs/persistence/src/audit/audit-seal.js';
import { CaseFile } from '../libs/persistence/src/case-file.js';
import { createDataSource } from '../libs/persistence/src/data-source.js';
import { askHidden } from '../libs/platform/src/hidden-prompt.js';

const EX_USAGE = 64;
const EX_DATAERR = 65;
const EX_CONFIG = 78;
const USAGE = [
  'usage: npm run --silent admin -- create-admin --email E [--organisation NAME] [--name "Display Name"] [--one-time-link]',
  `       npm run --silent admin -- map-sso-group --group G --role ${ROLES.join('|')} [--organisation NAME]`,
].join('\n');
const say = (message: string) => console.error(`[breachflow-admin] ${message}`);

class ExitError extends Error {
  constructor(
    readonly exitCode: number,
    message: string,
  ) {
    super(message);
  }
}

const validateOptions = compileValidator<{ email: string; organisation?: string; name?: string }>({
  type: 'object',
  required: ['email'],
  properties: {
    email: { type: 'string', format: 'email', maxLength: 320 },
    organisation: { type: 'string', minLength: 1, maxLength: 200, pattern: '\\S' },
    name: { type: 'string', minLength: 1, maxLength: 200, pattern: '\\S' },
  },
});

function environment(name: 'DATABASE_URL' | 'PUBLIC_URL', pattern: RegExp, example: string): string {
  const value = process.env[name];
  if (!value) throw new ExitError(EX_CONFIG, `${name} is required, e.g. ${example}`);
  // The message never repeats the value: a database URL holds a password.
  if (!pattern.test(value)) throw new ExitError(EX_CONFIG, `${name} is malformed: it must look like ${example}`);
  return value;
}

async function askPasswordTwice(): Promise<string> {
  if (!process.stdin.isTTY) throw new ExitError(EX_USAGE, 'no terminal to ask the password on: run it in a terminal, or pass --one-time-link');
  const password = await askHidden('Password for the new admin (at least 12 characters): ');
  const again = await askHidden('The same password again: ');
  if (password !== again) throw new ExitError(EX_DATAERR, 'the two passwords differ: nothing was created');
  return password;
}

/** The audit trail's seal: AUDIT_HMAC_KEY, or outside production the key derived from PAYLOAD_ENCRYPTION_KEY as the apps derive it. */
function auditSealOf(env: NodeJS.ProcessEnv): AuditSeal {
  const base64Key = /^[A-Za-z0-9+/]{43}=$/;
  if (env.AUDIT_HMAC_KEY !== undefined) {
    if (!base64Key.test(env.AUDIT_HMAC_KEY)) throw new ExitError(EX_CONFIG, 'AUDIT_HMAC_KEY must be 32 bytes encoded as base64');
    return AuditSeal.ofKey(Buffer.from(env.AUDIT_HMAC_KEY, 'base64'));
  }
  if (env.NODE_ENV !== 'production' && env.PAYLOAD_ENCRYPTION_KEY !== undefined && base64Key.test(env.PAYLOAD_ENCRYPTION_KEY)) {
    return AuditSeal.fromConfig({ PAYLOAD_ENCRYPTION_KEY: env.PAYLOAD_ENCRYPTION_KEY });
  }
  throw new ExitError(EX_CONFIG, 'AUDIT_HMAC_KEY is required: the audit trail records who created the administrator');
}

async function createAdminCommand(args: string[]): Promise<void> {
  if (process.env.PASSWORD_SIGN_IN === 'off') {
    throw new ExitError(
      EX_USAGE,
      'password sign-in is switched off (PASSWORD_SIGN_IN=off): an admin with a password could not sign in. Map the identity provider\'s group of the first admins instead:\n' +
        '  npm run --silent admin -- map-sso-group --group G --role admin [--organisation NAME]\n' +
        'whoever of that group signs in first with single sign-on becomes an admin.',
    );
  }
  let parsed;
  try {
    parsed = parseArgs({ args, options: { email: { type: 'string' }, organisation: { type: 'string' }, name: { type: 'string' }, 'one-time-link': { type: 'boolean' } }, strict: true, allowPositionals: false });
  } catch (error) {
    throw new ExitError(EX_USAGE, `${(error as Error).message}\n${USAGE}`);
  }
  const options = validateOptions(parsed.values);
  if (!options.ok) throw new ExitError(EX_USAGE, `${options.errors.map((error) => `--${error.field} ${error.message}`).join('; ')}\n${USAGE}`);
  const { email, organisation, name } = options.value;
  const databaseUrl = environment('DATABASE_URL', /^postgres(ql)?:\/\/\S+$/, 'postgres://user:password@host:5432/breachflow');
  const publicUrl = parsed.values['one-time-link'] ? environment('PUBLIC_URL', /^https?:\/\/[^\s/]+/, 'https://breachflow.example.se') : undefined;
  const credential = publicUrl !== undefined ? { oneTimeLink: { publicUrl } } : { password: await askPasswordTwice() };

  const auditSeal = auditSealOf(process.env);
  const dataSource = createDataSource(databaseUrl, { poolSize: 1, applicationName: 'breachflow-admin' });
  await dataSource.initialize();
  try {
    const created = await createAdmin(new CaseFile(dataSource, auditSeal), { email, displayName: name ?? email.split('@')[0]!, organisationName: organisation, credential });
    const where = `${created.organisationName}${created.organisationCreated ? ' (organisation created)' : ''}`;
    console.log(`created admin ${email} in ${where}; recorded in the audit trail as done by ${COMMAND_LINE_ACTOR}`);
    if (created.link) {
      console.log(`one-time link to choose the password, valid until ${created.link.expiresAt.toISOString()} and usable once:`);
      console.log(created.link.url);
    }
  } finally {
    await dataSource.destroy();
  }
}

const validateGroupOptions = compileValidator<{ group: string; role: Role; organisation?: string }>({
  type: 'object',
  required: ['group', 'role'],
  properties: {
    group: { type: 'string', minLength: 1, maxLength: 256, pattern: '^\\S(.*\\S)?$' },
    role: { type: 'string', enum: [...ROLES] },
    organisation: { type: 'string', minLength: 1, maxLength: 200, pattern: '\\S' },
  },
});

async function mapSsoGroupCommand(args: string[]): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { group: { type: 'string' }, role: { type: 'string' }, organisation: { type: 'string' } }, strict: true, allowPositionals: false });
  } catch (error) {
    throw new ExitError(EX_USAGE, `${(error as Error).message}\n${USAGE}`);
  }
  const options = validateGroupOptions(parsed.values);
  if (!options.ok) throw new ExitError(EX_USAGE, `${options.errors.map((error) => `--${error.field} ${error.message}`).join('; ')}\n${USAGE}`);
  const databaseUrl = environment('DATABASE_URL', /^postgres(ql)?:\/\/\S+$/, 'postgres://user:password@host:5432/breachflow');
  const auditSeal = auditSealOf(process.env);
  const dataSource = createDataSource(databaseUrl, { poolSize: 1, applicationName: 'breachflow-admin' });
  await dataSource.initialize();
  try {
    const { group, role, organisation } = options.value;
    const mapped = await mapSsoGroupFromCommandLine(new CaseFile(dataSource, auditSeal), { group, role, organisationName: organisation });
    console.log(`members of ${group} get the role ${role} in ${mapped.organisationName}${mapped.organisationCreated ? ' (organisation created)' : ''} at their next single sign-on; ${mapped.groups.length} group(s) mapped; recorded in the audit trail as done by ${COMMAND_LINE_ACTOR}`);
  } finally {
    await dataSource.destroy();
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'map-sso-group') await mapSsoGroupCommand(rest);
    else if (command === 'create-admin') await createAdminCommand(rest);
    else throw new ExitError(EX_USAGE, command ? `unknown command ${command}\n${USAGE}` : USAGE);
    return 0;
  } catch (error) {
    if (error instanceof ExitError) {
      say(error.message);
      return error.exitCode;
    }
    if (error instanceof InvalidInputError) {
      say(`refused: ${error.errors.map((problem) => `${problem.field} ${problem.message}`).join('; ')}; nothing was created`);
      return EX_DATAERR;
    }
    if (error instanceof RefusalError) {
      say(`refused: ${error.message}; nothing was created`);
      return EX_DATAERR;
    }
    say(`failed: ${(error as Error).message}`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
