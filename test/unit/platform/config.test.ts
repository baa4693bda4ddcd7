import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { ConfigError, loadConfig } from '../../../libs/platform/src/config.js';

const REQUIRED = ['DATABASE_URL', 'TEMPORAL_ADDRESS', 'JWT_SECRET', 'TEMPORAL_UPDATE_SIGNING_KEY', 'PAYLOAD_ENCRYPTION_KEY'] as const;

const completeEnv = (): NodeJS.ProcessEnv => ({
  DATABASE_URL: 'postgres://breachflow:secret@db.internal:5432/breachflow',
  TEMPORAL_ADDRESS: 'temporal:7233',
  JWT_SECRET: 'j'.repeat(32),
  PAYLOAD_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  TEMPORAL_UPDATE_SIGNING_KEY: randomBytes(32).toString('base64'),
});

/** The configuration error for `env`, or a failure when it was accepted. */
function configError(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected the configuration to be refused');
}

describe('configuration at start-up', () => {
  it('accepts a complete environment and fills in the documented defaults', () => {
    const env = completeEnv();
    expect(loadConfig(env)).toMatchObject({
      ...env,
      NODE_ENV: 'development',
      PORT: 3000,
      LOG_LEVEL: 'info',
      TEMPORAL_NAMESPACE: 'default',
      TEMPORAL_TASK_QUEUE: 'breachflow',
      JWT_TTL_SECONDS: 900,
      SESSION_CHECK_CACHE_MS: 5000,
      TRUST_PROXY: false,
      PAYLOAD_ENCRYPTION_KEY_ID: 'key-1',
      DEMO_PASSWORD: 'breachflow-demo',
    });
  });

  it('takes explicit values over the defaults and turns numbers into numbers', () => {
    const config = loadConfig({
      ...completeEnv(),
      NODE_ENV: 'production',
      PORT: '8080',
      LOG_LEVEL: 'warn',
      TEMPORAL_NAMESPACE: 'breachflow-prod',
      TEMPORAL_TASK_QUEUE: 'breachflow-eu',
      JWT_TTL_SECONDS: '600',
      TRUST_PROXY: 'loopback, 10.0.0.0/8',
      PAYLOAD_ENCRYPTION_KEY_ID: 'key-2026.11',
      AUDIT_HMAC_KEY: randomBytes(32).toString('base64'),
    });
    expect(config).toMatchObject({
      NODE_ENV: 'production',
      PORT: 8080,
      LOG_LEVEL: 'warn',
      TEMPORAL_NAMESPACE: 'breachflow-prod',
      TEMPORAL_TASK_QUEUE: 'breachflow-eu',
      JWT_TTL_SECONDS: 600,
      TRUST_PROXY: ['loopback', '10.0.0.0/8'],
      PAYLOAD_ENCRYPTION_KEY_ID: 'key-2026.11',
    });
  });

  it('requires the audit trail\'s HMAC key in production, and only there', () => {
    expect(configError({ ...completeEnv(), NODE_ENV: 'production' }).message).toContain('AUDIT_HMAC_KEY: is required');
    expect(loadConfig({ ...completeEnv(), NODE_ENV: 'development' }).AUDIT_HMAC_KEY).toBeUndefined();
    expect(configError({ ...completeEnv(), AUDIT_HMAC_KEY: 'c2hvcnQ=' }).message).toContain('AUDIT_HMAC_KEY: must be 32 bytes');
  });

  it('ignores unrelated environment variables (PATH, HOME, …)', () => {
    const config = loadConfig({ ...completeEnv(), PATH: '/usr/bin', HOME: '/home/node' });
    expect(config).not.toHaveProperty('PATH');
  });

  it.each(REQUIRED)('stops with a message naming %s when it is missing', (name) => {
    const env = completeEnv();
    delete env[name];
    const error = configError(env);
    expect(error.message).toBe(`Invalid configuration:\n  ${name}: is required`);
  });

  it('names every missing variable at once, so one restart is enough to fix them', () => {
    const message = configError({}).message;
    for (const name of REQUIRED) expect(message).toContain(`${name}: is required`);
  });

  describe('a malformed variable is named with the reason', () => {
    it('refuses a JWT_SECRET of 31 characters and accepts one of 32', () => {
      expect(configError({ ...completeEnv(), JWT_SECRET: 's'.repeat(31) }).message).toContain(
        'JWT_SECRET: must be at least 32 characters',
      );
      expect(loadConfig({ ...completeEnv(), JWT_SECRET: 's'.repeat(32) }).JWT_SECRET).toHaveLength(32);
    });

    it.each([
      ['31 bytes', randomBytes(31).toString('base64')],
      ['33 bytes', randomBytes(33).toString('base64')],
      ['a passphrase', 'correct horse battery staple'],
      ['empty', ''],
    ])('refuses a PAYLOAD_ENCRYPTION_KEY of %s: it must be 32 bytes in base64', (_what, value) => {
      expect(configError({ ...completeEnv(), PAYLOAD_ENCRYPTION_KEY: value }).message).toContain(
        'PAYLOAD_ENCRYPTION_KEY: must be 32 bytes encoded as base64 (AES-256)',
      );
    });

    it('accepts a PAYLOAD_ENCRYPTION_KEY as `openssl rand -base64 32` prints it', () => {
      const key = randomBytes(32).toString('base64');
      expect(loadConfig({ ...completeEnv(), PAYLOAD_ENCRYPTION_KEY: key }).PAYLOAD_ENCRYPTION_KEY).toBe(key);
    });

    it.each(['temporal', 'http://temporal:7233', 'temporal:port', ':7233', 'temporal: 7233'])(
      'refuses TEMPORAL_ADDRESS "%s": it must be host:port',
      (value) => {
        expect(configError({ ...completeEnv(), TEMPORAL_ADDRESS: value }).message).toContain('TEMPORAL_ADDRESS: must be host:port');
      },
    );

    it.each(['temporal:7233', '127.0.0.1:7243', 'breachflow.a1b2c.tmprl.cloud:7233'])('accepts TEMPORAL_ADDRESS "%s"', (value) => {
      expect(loadConfig({ ...completeEnv(), TEMPORAL_ADDRESS: value }).TEMPORAL_ADDRESS).toBe(value);
    });

    it('refuses a DATABASE_URL that is not PostgreSQL, and accepts both postgres:// and postgresql://', () => {
      expect(configError({ ...completeEnv(), DATABASE_URL: 'mysql://db:3306/breachflow' }).message).toContain(
        'DATABASE_URL: must be a postgres:// URL',
      );
      expect(loadConfig({ ...completeEnv(), DATABASE_URL: 'postgresql://db/breachflow' }).DATABASE_URL).toBe('postgresql://db/breachflow');
    });

    it('refuses a PAYLOAD_ENCRYPTION_KEY_ID with characters that do not belong in payload metadata', () => {
      expect(configError({ ...completeEnv(), PAYLOAD_ENCRYPTION_KEY_ID: 'key 1' }).message).toContain(
        'PAYLOAD_ENCRYPTION_KEY_ID: must be 1-64 letters, digits, dots or dashes',
      );
    });

    it.each([
      ['PORT', '65536'],
      ['PORT', 'http'],
      ['LOG_LEVEL', 'verbose'],
      ['NODE_ENV', 'prod'],
      ['JWT_TTL_SECONDS', '59'],
      ['JWT_TTL_SECONDS', '901'],
      ['SESSION_CHECK_CACHE_MS', '5001'],
      ['TRUST_PROXY', 'true'],
    ])('refuses %s=%s, naming it', (name, value) => {
      expect(configError({ ...completeEnv(), [name]: value }).message).toMatch(new RegExp(`^  ${name}: `, 'm'));
    });

    it('accepts the edge values PORT=65535 and JWT_TTL_SECONDS=60', () => {
      expect(loadConfig({ ...completeEnv(), PORT: '65535', JWT_TTL_SECONDS: '60' })).toMatchObject({ PORT: 65535, JWT_TTL_SECONDS: 60 });
    });

    it('takes PAYLOAD_ENCRYPTION_KEYS instead of PAYLOAD_ENCRYPTION_KEY only with the recipient keys given too (they are derived from it otherwise)', () => {
      const { PAYLOAD_ENCRYPTION_KEY: _single, ...env } = completeEnv();
      const keys = `key-2:${randomBytes(32).toString('base64')}`;
      const message = configError({ ...env, PAYLOAD_ENCRYPTION_KEYS: keys }).message;
      expect(message).toContain('RECIPIENT_KEYS: is required when PAYLOAD_ENCRYPTION_KEY is not set');
      expect(message).toContain('RECIPIENT_HASH_KEY: is required when PAYLOAD_ENCRYPTION_KEY is not set');
      // The audit seal is derived from PAYLOAD_ENCRYPTION_KEY too, outside production: without it, it must be given.
      expect(message).toContain('AUDIT_HMAC_KEY: is required');
      const recipientKeys = { RECIPIENT_KEYS: `r-1:${randomBytes(32).toString('base64')}`, RECIPIENT_HASH_KEY: randomBytes(32).toString('base64'), AUDIT_HMAC_KEY: randomBytes(32).toString('base64') };
      expect(loadConfig({ ...env, PAYLOAD_ENCRYPTION_KEYS: keys, ...recipientKeys }).PAYLOAD_ENCRYPTION_KEYS).toBe(keys);
    });

    it('refuses PAYLOAD_ENCRYPTION_KEYS that are not "id:base64" with 32-byte keys', () => {
      expect(configError({ ...completeEnv(), PAYLOAD_ENCRYPTION_KEYS: `key-2:${randomBytes(16).toString('base64')}` }).message).toContain('PAYLOAD_ENCRYPTION_KEYS: must be "id:base64,id:base64"');
    });

    it('refuses a TLS client certificate without its key, and the key without the certificate', () => {
      expect(configError({ ...completeEnv(), TEMPORAL_TLS_CERT: '/etc/temporal/client.pem' }).message).toContain('TEMPORAL_TLS_KEY: is required');
      expect(configError({ ...completeEnv(), TEMPORAL_TLS_KEY: '/etc/temporal/client.key' }).message).toContain('TEMPORAL_TLS_CERT: is required');
    });

    describe('single sign-on', () => {
      const sso = { OIDC_ISSUER: 'https://login.region.example.se/realms/vard', OIDC_CLIENT_ID: 'breachflow', OIDC_CLIENT_SECRET: 's'.repeat(32) };

      it('is off without OIDC_ISSUER, passwords on; with it, the groups claim and scopes default', () => {
        expect(loadConfig(completeEnv())).toMatchObject({ PASSWORD_SIGN_IN: 'on', OIDC_GROUPS_CLAIM: 'groups' });
        expect(loadConfig(completeEnv()).OIDC_ISSUER).toBeUndefined();
        expect(loadConfig({ ...completeEnv(), ...sso, PASSWORD_SIGN_IN: 'off' })).toMatchObject({ ...sso, PASSWORD_SIGN_IN: 'off', OIDC_SCOPES: 'openid email profile' });
      });

      it('refuses passwords off without SSO: nobody could sign in', () => {
        expect(configError({ ...completeEnv(), PASSWORD_SIGN_IN: 'off' }).message).toContain('PASSWORD_SIGN_IN: may be off only with single sign-on configured (OIDC_ISSUER)');
        expect(configError({ ...completeEnv(), PASSWORD_SIGN_IN: 'no' }).message).toContain('PASSWORD_SIGN_IN');
      });

      it('needs the client id and secret with the issuer, and refuses client settings without an issuer', () => {
        const message = configError({ ...completeEnv(), OIDC_ISSUER: sso.OIDC_ISSUER }).message;
        expect(message).toContain('OIDC_CLIENT_ID: is required with OIDC_ISSUER');
        expect(message).toContain('OIDC_CLIENT_SECRET: is required with OIDC_ISSUER');
        expect(configError({ ...completeEnv(), OIDC_CLIENT_ID: 'breachflow' }).message).toContain('OIDC_CLIENT_ID: has no effect without OIDC_ISSUER');
      });

      it('refuses a provider over plain HTTP unless it is on this machine', () => {
        expect(configError({ ...completeEnv(), ...sso, OIDC_ISSUER: 'http://login.region.example.se' }).message).toContain('OIDC_ISSUER: must be an https:// URL');
        expect(loadConfig({ ...completeEnv(), ...sso, OIDC_ISSUER: 'http://127.0.0.1:4000' }).OIDC_ISSUER).toBe('http://127.0.0.1:4000');
      });

      it('refuses scopes without openid and a groups claim that is not a claim name', () => {
        expect(configError({ ...completeEnv(), ...sso, OIDC_SCOPES: 'email profile' }).message).toContain('OIDC_SCOPES: must include openid');
        expect(configError({ ...completeEnv(), ...sso, OIDC_GROUPS_CLAIM: 'groups; drop' }).message).toContain('OIDC_GROUPS_CLAIM');
      });
    });

    it('never repeats a secret in the error message (it goes to the logs)', () => {
      const tooShortSecret = 'hunter2-but-longer';
      const wrongKey = randomBytes(16).toString('base64');
      const message = configError({ ...completeEnv(), JWT_SECRET: tooShortSecret, PAYLOAD_ENCRYPTION_KEY: wrongKey }).message;
      expect(message).not.toContain(tooShortSecret);
      expect(message).not.toContain(wrongKey);
    });
  });
});
