import { Catch, HttpException, HttpStatus, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { STATUS_CODES } from 'node:http';
import type { Logger } from 'pino';
import { InvalidInputError, RefusalError } from '../../../../libs/domain/src/failures.js';
import { WrongCredentialsError } from '../../../../libs/application/src/auth/sign-in.js';
import { SignInThrottledError } from '../../../../libs/application/src/auth/sign-in-throttle.js';
import { SessionEndedError } from '../../../../libs/application/src/auth/session-ended-error.js';
import { PasswordLinkTooSoonError } from '../../../../libs/application/src/users/password-link-too-soon.js';
import { HashingBusyError } from '../../../../libs/platform/src/password-hashing-gate.js';
import { loggableError } from './loggable-error.js';
import { REFUSAL_STATUS } from './refusal-status.js';
import { isServiceUnavailable } from './service-unavailable.js';

/** Seconds a client is asked to wait before retrying while PostgreSQL or Temporal is away. */
const RETRY_AFTER_SECONDS = 5;
/** Seconds a sign-in is asked to wait when the password hashing line is full (a hash takes a fraction of a second). */
const SIGN_IN_BUSY_RETRY_AFTER_SECONDS = 1;

/** What body-parser attaches to the errors Nest maps to HttpExceptions. */
interface BodyParserError {
  type?: string;
}

const BODY_PARSER_MESSAGES: Record<string, string> = {
  'entity.parse.failed': 'the request body is not valid JSON (an object or array is expected)',
  'entity.too.large': 'the request body is larger than 1 MB',
  'encoding.unsupported': 'the request body has an unsupported encoding',
  'charset.unsupported': 'the request body has an unsupported charset',
};

/**
 * One error shape for every failure: `{statusCode, error, message, errors?}`. Bad input names each
 * field (400); a rule's refusal gets the status of its kind (see REFUSAL_STATUS) and says why;
 * malformed bodies (JSON syntax, size) name `(body)`; anything unexpected is logged with its
 * request id and answered 500 without internals.
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  constructor(private readonly log: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest();
    if (exception instanceof InvalidInputError) {
      response.status(HttpStatus.BAD_REQUEST).json({ statusCode: 400, error: 'Bad Request', message: exception.message, errors: exception.errors });
      return;
    }
    if (exception instanceof RefusalError) {
      const { kind, message, field } = exception.refusal;
      const { status, error } = REFUSAL_STATUS[kind];
      response.status(status).json({ statusCode: status, error, kind, message, ...(field !== undefined && { errors: [{ field, message }] }), ...exception.details });
      return;
    }
    if (exception instanceof WrongCredentialsError || exception instanceof SessionEndedError) {
      response.status(HttpStatus.UNAUTHORIZED).json({ statusCode: 401, error: 'Unauthorized', message: exception.message });
      return;
    }
    if (exception instanceof SignInThrottledError || exception instanceof PasswordLinkTooSoonError) {
      response.setHeader('Retry-After', String(exception.retryAfterSeconds));
      response.status(HttpStatus.TOO_MANY_REQUESTS).json({ statusCode: 429, error: 'Too Many Requests', message: exception.message });
      return;
    }
    if (exception instanceof HashingBusyError) {
      response.setHeader('Retry-After', String(SIGN_IN_BUSY_RETRY_AFTER_SECONDS));
      response.status(HttpStatus.SERVICE_UNAVAILABLE).json({ statusCode: 503, error: 'Service Unavailable', kind: 'unavailable', message: exception.message });
      return;
    }
    if (!(exception instanceof HttpException) && isServiceUnavailable(exception)) {
      this.log.warn({ requestId: request.id, reason: loggableError(exception) }, 'a service the request needs did not answer');
      const message = 'the database or the workflow service does not answer at the moment: retry the same request shortly';
      response.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
      response.status(HttpStatus.SERVICE_UNAVAILABLE).json({ statusCode: 503, error: 'Service Unavailable', kind: 'unavailable', message, requestId: request.id });
      return;
    }
    if (!(exception instanceof HttpException)) {
      // Never the request's URL or query string (search text, facts): the request id ties the two.
      this.log.error({ error: loggableError(exception), requestId: request.id }, 'unhandled error');
      response.status(HttpStatus.INTERNAL_SERVER_ERROR).json({ statusCode: 500, error: 'Internal Server Error', message: 'internal error', requestId: request.id });
      return;
    }
    const status = exception.getStatus();
    const parserType = (exception.cause as BodyParserError | undefined)?.type;
    const parserMessage = parserType ? (BODY_PARSER_MESSAGES[parserType] ?? exception.message) : undefined;
    if (parserMessage) {
      response.status(status).json({ statusCode: status, error: STATUS_CODES[status], message: parserMessage, errors: [{ field: '(body)', message: parserMessage }] });
      return;
    }
    const body = exception.getResponse();
    response.status(status).json(typeof body === 'string' ? { statusCode: status, error: STATUS_CODES[status], message: body } : body);
  }
}
