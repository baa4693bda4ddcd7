import { z } from 'zod';

const base64Key = z
  .string()
  .refine((value) => Buffer.from(value, 'base64').length === 32, 'must be 32 bytes encoded as base64 (AES-256)');

const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000), // 0: any free port (tests)
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL'),
  TEMPORAL_ADDRESS: z.string().regex(/^[^\s:]+:\d+$/, 'must be host:port'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('breachflow'),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters'),
  JWT_TTL_SECONDS: z.coerce.number().int().min(60).default(8 * 3600),
  PAYLOAD_ENCRYPTION_KEY: base64Key,
  PAYLOAD_ENCRYPTION_KEY_ID: z.string().regex(/^[\w.-]{1,64}$/, 'must be 1-64 letters, digits, dots or dashes').default('key-1'),
  DEMO_PASSWORD: z.string().min(8).default('breachflow-demo'),
  /** Where e-mail goes (smtp://host:port or smtps://user:pass@host:port); the worker needs it. */
  SMTP_URL: z.string().regex(/^smtps?:\/\/\S+$/, 'must be an smtp:// or smtps:// URL').optional(),
  MAIL_FROM: z.string().min(3).default('breachflow <no-reply@breachflow.invalid>'),
  /** The address people use to reach the API, for links in e-mails. */
  PUBLIC_URL: z.string().url().default('http://localhost:3000'),
  /** Development only: where the local SMTP sink stores messages, listed at /dev/mail. */
  MAIL_SINK_DIR: z.string().min(1).optional(),
  /** The language of reminders, escalations and digests. */
  DEFAULT_LANGUAGE: z.enum(['sv', 'en']).default('sv'),
});

export type AppConfig = z.infer<typeof configSchema>;

export class ConfigError extends Error {}

/** Reads and validates configuration once at start-up; a missing or malformed variable fails fast, named. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = configSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const name = issue.path.join('.');
    return `  ${name}: ${env[name] === undefined ? 'is required' : issue.message}`;
  });
  throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
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
