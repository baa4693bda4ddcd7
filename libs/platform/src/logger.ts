import pino, { type Logger } from 'pino';

/**
 * Structured JSON logs. Personal data must never be logged: log ids, not people. Headers
 * that carry credentials are redacted in case a request is ever logged whole.
 */
export function createLogger(level: string, name: string): Logger {
  return pino({
    name,
    level,
    base: { service: name },
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'password', '*.password'], censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}
