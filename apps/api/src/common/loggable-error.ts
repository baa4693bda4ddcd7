import { QueryFailedError } from 'typeorm';

/** What of an unexpected error goes to the log. */
export interface LoggableError {
  type: string;
  message?: string;
  code?: string;
  stack?: string;
}

/**
 * An error as it may be logged: a failed SQL statement carries its statement and parameters (the
 * facts of an incident, a person's address) and PostgreSQL's text often quotes the offending
 * value, so of those only the kind and the SQLSTATE code are kept; the stack keeps its frames,
 * not the message heading it. Other errors keep their message: the code's own words.
 */
export function loggableError(error: unknown): LoggableError {
  if (!(error instanceof Error)) return { type: typeof error };
  const frames = error.stack?.split('\n').filter((line) => /^\s+at /.test(line)).join('\n');
  if (error instanceof QueryFailedError) {
    const code = (error.driverError as { code?: unknown } | undefined)?.code;
    return { type: error.name, ...(typeof code === 'string' && { code }), stack: frames };
  }
  return { type: error.name, message: error.message, stack: frames };
}
