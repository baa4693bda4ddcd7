import { Catch, HttpException, HttpStatus, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Logger } from 'pino';

interface BodyParserError {
  type?: string;
  status?: number;
  expose?: boolean;
  message?: string;
}

/**
 * One error shape for every failure. Malformed request bodies (JSON syntax, size) are the
 * caller's fault and get a 4xx; anything unexpected is logged by request id and answered 500
 * without internals.
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  constructor(private readonly log: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse();
    const request = http.getRequest();
    if (exception instanceof HttpException) {
      const body = exception.getResponse();
      response
        .status(exception.getStatus())
        .json(typeof body === 'string' ? { statusCode: exception.getStatus(), message: body } : body);
      return;
    }
    const parserError = exception as BodyParserError;
    if (parserError?.type && parserError.status && parserError.status >= 400 && parserError.status < 500) {
      const message =
        parserError.type === 'entity.parse.failed' ? 'the request body is not valid JSON' : (parserError.message ?? 'bad request');
      response.status(parserError.status).json({ statusCode: parserError.status, error: 'Bad Request', message, errors: [{ field: '(body)', message }] });
      return;
    }
    this.log.error({ err: exception, requestId: request.id }, 'unhandled error');
    response
      .status(HttpStatus.INTERNAL_SERVER_ERROR)
      .json({ statusCode: 500, message: 'internal error', requestId: request.id });
  }
}
