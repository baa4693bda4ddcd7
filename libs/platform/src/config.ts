import { z } from 'zod';

const base64Key = z
  .string()
  .refine((value) => Buffer.from(value, 'base64').length === 32, 'must be 32 bytes encoded as base64 (AES-256)');

const keyId = z.string().regex(/^[\w.-]{1,64}$/, 'must be 1-64 letters, digits, dots or dashes');
const keyList = z
  .string()
  .regex(/^[\w.-]{1,64}:[A-Za-z0-9+/=]{43,44}(,[\w.-]{1,64}:[A-Za-z0-9+/=]{43,44})*$/, 'must be "id:base64,id:base64" with 32-byte keys');
/** A PEM file's path, or the PEM itself (a secret store may hand over either). */
const pemOrPath = z.string().min(1);

const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000), // 0: any free port (tests)
  /** The address the API listens on: loopback unless a container (or a proxy on another host) must reach it. */
  HOST: z.string().regex(/^[\w.:-]+$/, 'must be an IP address or host name, e.g. 127.0.0.1 or 0.0.0.0').default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** The runtime role's connection (API, worker, audit:verify): in a deployment a role that may only append to the audit trail. */
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL'),
  /** The owning role's connection, for migrations only; DATABASE_URL when absent (development). */
  MIGRATION_DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional(),
  TEMPORAL_ADDRESS: z.string().regex(/^[^\s:]+:\d+$/, 'must be host:port'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('breachflow'),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters'),
  /** Lifetime of an access token: at most 15 minutes, so a stolen one is short-lived; API clients renew it with their refresh token. */
  JWT_TTL_SECONDS: z.coerce.number().int().min(60).max(900, 'must be at most 900 (15 minutes): clients renew with POST /api/auth/refresh').default(900),
  /** The `iss` every access token carries and every request must show. */
  JWT_ISSUER: z.string().min(1).default('breachflow'),
  /** The `aud` every access token carries and every request must show: tokens minted for another service are refused. */
  JWT_AUDIENCE: z.string().min(1).default('breachflow-api'),
  /** How long a sign-in lasts at most (the browser session, or a refresh token family), however often it is used. */
  SESSION_TTL_SECONDS: z.coerce.number().int().min(300).max(7 * 24 * 3600).default(12 * 3600),
  /** A session unused for this long ends (the browser's cookie, or a refresh token not exchanged in time). */
  SESSION_IDLE_SECONDS: z.coerce.number().int().min(120).max(24 * 3600).default(30 * 60),
  /** How long the API trusts what it last read about a session and its user (revoked? active? role?): at most 5 s. */
  SESSION_CHECK_CACHE_MS: z.coerce.number().int().min(0).max(5000).default(5000),
  /** Wrong passwords for one account (any address) before its sign-in is refused for the throttle window. */
  SIGN_IN_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).max(1000).default(10),
  /** Wrong passwords from one client address (any accounts) before its sign-ins are refused for the throttle window. */
  SIGN_IN_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(30),
  /** The window the failures are counted in, and how long sign-in stays refused once a limit is passed. */
  SIGN_IN_THROTTLE_WINDOW_SECONDS: z.coerce.number().int().min(1).max(24 * 3600).default(15 * 60),
  /** Password hashes computed at once (scrypt N=2^17 takes 128 MiB each). */
  SIGN_IN_MAX_CONCURRENT_HASHES: z.coerce.number().int().min(1).max(64).default(2),
  /** Sign-ins that may wait for a hash; beyond them the API answers 503 with Retry-After at once. */
  SIGN_IN_MAX_WAITING_HASHES: z.coerce.number().int().min(0).max(10_000).default(32),
  /**
   * Which reverse proxies may tell the client's address in X-Forwarded-For (Express's `trust proxy`):
   * `false` (none, the default: the socket's address counts), a number of proxy hops, or a comma-separated
   * list of addresses, subnets (10.0.0.0/8) and the names loopback, linklocal, uniquelocal. `true` is refused:
   * it would let any client choose the address its sign-in failures are counted against.
   */
  TRUST_PROXY: z
    .string()
    .default('false')
    .refine((value) => value.trim() !== 'true', 'must name the proxies (a hop count, addresses or subnets), not "true"')
    .transform(trustProxySetting),
  /** Temporal's TLS (mTLS to a self-hosted cluster or Temporal Cloud): the client certificate and key, and the CA that signed the server's certificate. */
  TEMPORAL_TLS_CERT: pemOrPath.optional(),
  TEMPORAL_TLS_KEY: pemOrPath.optional(),
  TEMPORAL_TLS_CA: pemOrPath.optional(),
  /** The name the server's certificate is checked against, when it differs from TEMPORAL_ADDRESS's host. */
  TEMPORAL_TLS_SERVER_NAME: z.string().min(1).optional(),
  /** TLS to Temporal without a client certificate (e.g. Temporal Cloud with an API key): "true". */
  TEMPORAL_TLS: z.enum(['true', 'false']).optional(),
  /** A Temporal Cloud API key, sent as a bearer token on every call (implies TLS). */
  TEMPORAL_API_KEY: z.string().min(1).optional(),
  /**
   * The key the API signs each workflow update with (HMAC-SHA-256 over the update's name, id,
   * workflow id, arguments and time) and the worker's workflows verify it with: base64 of 32 bytes,
   * held by the API and the worker only — never derived from the payload key, so that whoever can
   * decrypt payloads still cannot send an update that passes.
   */
  TEMPORAL_UPDATE_SIGNING_KEY: base64Key,
  /** Origins of the Temporal Web UI allowed to call the codec server (comma-separated). */
  TEMPORAL_UI_ORIGINS: z
    .string()
    .regex(/^https?:\/\/[^\s,/]+(,https?:\/\/[^\s,/]+)*$/, 'must be comma-separated origins such as https://temporal.example.org')
    .optional(),
  /** The payload key of a single-key deployment (also the root recipient keys are derived from when RECIPIENT_KEYS is absent). */
  PAYLOAD_ENCRYPTION_KEY: base64Key.optional(),
  PAYLOAD_ENCRYPTION_KEY_ID: keyId.default('key-1'),
  /** Payload keys "id:base64,id:base64": the first encrypts, every one decrypts (rotation with workflows in flight). */
  PAYLOAD_ENCRYPTION_KEYS: keyList.optional(),
  /** Keys that seal notice recipients' contact details, "id:base64,id:base64" (the first is current); derived from the payload key when absent. */
  RECIPIENT_KEYS: keyList.optional(),
  /** The key of the recipients' identity hash (base64, 32 bytes); derived from the payload key when absent. Never rotate it. */
  RECIPIENT_HASH_KEY: base64Key.optional(),
  /**
   * The key of the audit trail's HMAC chain (base64, 32 bytes). It never enters the database, so
   * whoever owns the database cannot re-seal an edited trail. Required in production; in
   * development and tests derived from the payload key when absent.
   */
  AUDIT_HMAC_KEY: base64Key.optional(),
  /** Days after the Art. 34 track is complete before recipients' contact details are purged. */
  RECIPIENT_RETENTION_DAYS: z.coerce.number().int().min(0).max(3650).default(90),
  /** Messages per second a notice is sent at, unless the send request says otherwise. */
  NOTICE_RATE_PER_SECOND: z.coerce.number().positive().max(10_000).default(200),
  /** Recipients per delivery batch (one activity each). */
  NOTICE_BATCH_SIZE: z.coerce.number().int().min(1).max(5_000).default(250),
  /** An SMS provider's HTTP endpoint and token; without them SMS go to the local sink (development) or are refused. */
  SMS_PROVIDER_URL: z.string().url().optional(),
  SMS_PROVIDER_TOKEN: z.string().min(8).optional(),
  SMS_SINK_DIR: z.string().min(1).optional(),
  DEMO_PASSWORD: z.string().min(8).default('breachflow-demo'),
  /** Where e-mail goes (smtp://host:port or smtps://user:pass@host:port); the worker needs it. */
  SMTP_URL: z.string().regex(/^smtps?:\/\/\S+$/, 'must be an smtp:// or smtps:// URL').optional(),
  MAIL_FROM: z.string().min(3).default('breachflow <no-reply@breachflow.invalid>'),
  /** The address people use to reach the API, for links in e-mails. */
  PUBLIC_URL: z.string().url().default('http://localhost:3000'),
  /** Development only: where the local SMTP sink stores messages, listed at /dev/mail. */
  MAIL_SINK_DIR: z.string().min(1).optional(),
  /**
   * A staff e-mail whose recipient the server keeps deferring (4xx to RCPT TO: a full mailbox) is
   * given up after this many attempts of its activity, so one such address never holds a track's
   * next reminders; a server that cannot be reached at all is retried without limit. At most 10:
   * the digest gives an organisation up after 11 attempts, and the person must be given up first.
   */
  STAFF_MAIL_DEFERRED_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(10),
  /** The language of reminders, escalations and digests. */
  DEFAULT_LANGUAGE: z.enum(['sv', 'en']).default('sv'),
  /**
   * Single sign-on (OpenID Connect): the identity provider's issuer (its discovery document is at
   * `<issuer>/.well-known/openid-configuration`, or give the document's URL itself). Unset: no SSO.
   * HTTPS, except on a loopback address (a provider on the same machine, as in the tests).
   */
  OIDC_ISSUER: z
    .string()
    .url()
    .refine(isHttpsOrLoopback, 'must be an https:// URL (http:// only for a provider on 127.0.0.1 or localhost)')
    .optional(),
  /** The client id and secret breachflow is registered with at the identity provider (a confidential client). */
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** Where the provider sends the browser back; `PUBLIC_URL/api/auth/oidc/callback` when absent. Register exactly this at the provider. */
  OIDC_REDIRECT_URI: z.string().url().optional(),
  /** The ID token (or userinfo) claim that lists the person's groups; a dotted path reaches into an object (`realm_access.roles`). */
  OIDC_GROUPS_CLAIM: z.string().regex(/^[\w:/-]+(\.[\w:/-]+)*$/, 'must be a claim name or a dotted path such as realm_access.roles').default('groups'),
  /** The scopes asked for: `openid` and the e-mail address are needed; add what makes your provider send the groups. */
  OIDC_SCOPES: z
    .string()
    .regex(/^[\w:./-]+( [\w:./-]+)*$/, 'must be scopes separated by single spaces')
    .refine((scopes) => scopes.split(' ').includes('openid'), 'must include openid')
    .default('openid email profile'),
  /** `off`: e-mail and password sign-in (and choosing a password) is refused; people sign in with SSO only. Needs OIDC_ISSUER. */
  PASSWORD_SIGN_IN: z.enum(['on', 'off']).default('on'),
}).superRefine((config, context) => {
  // A derived key would put the audit trail's integrity in the hands of whoever holds the payload key.
  if (config.NODE_ENV === 'production' && config.AUDIT_HMAC_KEY === undefined) {
    context.addIssue({ code: 'custom', path: ['AUDIT_HMAC_KEY'], message: 'is required in production' });
  } else if (config.AUDIT_HMAC_KEY === undefined && config.PAYLOAD_ENCRYPTION_KEY === undefined && config.PAYLOAD_ENCRYPTION_KEYS !== undefined) {
    // Outside production the audit seal is derived from PAYLOAD_ENCRYPTION_KEY; a rotating key list cannot stand in for it.
    context.addIssue({ code: 'custom', path: ['AUDIT_HMAC_KEY'], message: 'is required when PAYLOAD_ENCRYPTION_KEY is not set' });
  }
});

export type AppConfig = z.infer<typeof configSchema>;

/** HTTPS, or plain HTTP to this very machine (nothing on the network can read or change it there). */
function isHttpsOrLoopback(value: string): boolean {
  if (!URL.canParse(value)) return true; // said by .url()
  const url = new URL(value);
  return url.protocol === 'https:' || (url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname));
}

/** TRUST_PROXY as Express takes it: false, a hop count, or the list of trusted proxies. */
function trustProxySetting(value: string): false | number | string[] {
  const trimmed = value.trim();
  if (trimmed === '' || trimmed === 'false') return false;
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  return trimmed.split(',').map((entry) => entry.trim()).filter((entry) => entry !== '');
}

export class ConfigError extends Error {}

/** Reads and validates configuration once at start-up; a missing or malformed variable fails fast, named. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = configSchema.safeParse(env);
  const problems = (parsed.success ? [] : parsed.error.issues).map((issue) => {
    const name = issue.path.join('.');
    return `  ${name}: ${env[name] === undefined ? 'is required' : issue.message}`;
  });
  problems.push(...variablesThatGoTogether(env).map(([name, message]) => `  ${name}: ${message}`));
  if (parsed.success && problems.length === 0) return parsed.data;
  throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
}

/** Rules across variables, checked on the raw environment so that they are named alongside every other problem. */
function variablesThatGoTogether(env: NodeJS.ProcessEnv): Array<[string, string]> {
  const problems: Array<[string, string]> = [];
  if (env.PAYLOAD_ENCRYPTION_KEY === undefined) {
    if (env.PAYLOAD_ENCRYPTION_KEYS === undefined) problems.push(['PAYLOAD_ENCRYPTION_KEY', 'is required']);
    // Recipient keys are derived from PAYLOAD_ENCRYPTION_KEY unless they are given themselves.
    else for (const name of ['RECIPIENT_KEYS', 'RECIPIENT_HASH_KEY']) if (env[name] === undefined) problems.push([name, 'is required when PAYLOAD_ENCRYPTION_KEY is not set']);
  }
  if (env.OIDC_ISSUER !== undefined) {
    for (const name of ['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET']) if (env[name] === undefined) problems.push([name, 'is required with OIDC_ISSUER']);
  } else {
    for (const name of ['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_REDIRECT_URI']) if (env[name] !== undefined) problems.push([name, 'has no effect without OIDC_ISSUER: set OIDC_ISSUER too, or remove it']);
  }
  // Nobody could sign in at all.
  if (env.PASSWORD_SIGN_IN === 'off' && env.OIDC_ISSUER === undefined) problems.push(['PASSWORD_SIGN_IN', 'may be off only with single sign-on configured (OIDC_ISSUER)']);
  if ((env.TEMPORAL_TLS_CERT === undefined) !== (env.TEMPORAL_TLS_KEY === undefined)) {
    problems.push([env.TEMPORAL_TLS_CERT === undefined ? 'TEMPORAL_TLS_CERT' : 'TEMPORAL_TLS_KEY', 'is required: TEMPORAL_TLS_CERT and TEMPORAL_TLS_KEY go together']);
  }
  return problems;
}

export const APP_CONFIG = Symbol('APP_CONFIG');

/** For a process entry point: the configuration, or a readable message and exit code 78 (EX_CONFIG). */
export function loadConfigOrExit(service: string): AppConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`[${service}] ${error.message}`);
    process.exit(78);
  }
}
