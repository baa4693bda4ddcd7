import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { pinoHttp } from 'pino-http';
import type { AppConfig } from '../../../libs/platform/src/config.js';
import { createLogger } from '../../../libs/platform/src/logger.js';
import { AppModule } from './app.module.js';
import { HttpExceptionFilter } from './common/http-exception.filter.js';
import { securityHeaders } from './common/security-headers.js';
import { rejectUnstorableText } from './common/unstorable-text.js';
import { isRecipientImport } from './notices/recipient-rows.js';
import { openApiDocument } from './openapi/openapi-document.js';
import { temporalUiCors } from './temporal-codec/temporal-ui-cors.js';
import { defaultWebRoot, serveWebApp } from './web/serve-web-app.js';

/** Builds the HTTP application (not yet listening), shared by main.ts, the tests and the benchmarks. */
export async function createApiApp(config: AppConfig, options: { webRoot?: string } = {}): Promise<INestApplication> {
  const log = createLogger(config.LOG_LEVEL, 'breachflow-api');
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger: ['error', 'warn'],
    bodyParser: false,
  });
  app.disable('x-powered-by');
  // The client's address (request.ip) and protocol follow X-Forwarded-For/-Proto only through the
  // proxies named here; sign-in throttling counts failures per address, so a client must not choose its own.
  app.set('trust proxy', config.TRUST_PROXY);
  for (const middleware of securityHeaders(config)) app.use(middleware);
  app.use(
    pinoHttp({
      logger: log,
      genReqId: (req, res) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      // Paths carry ids only; query strings may carry search text, so they are not logged.
      serializers: {
        req: (req) => ({ id: req.id, method: req.method, path: String(req.url).split('?')[0] }),
        res: (res) => ({ statusCode: res.statusCode }),
      },
    }),
  );
  app.use(temporalUiCors(config));
  // A recipient import is streamed by its own route (100,000 rows are never held in memory at once).
  const isJson = (req: IncomingMessage) => /^application\/(.+\+)?json\b/.test(req.headers['content-type'] ?? '');
  app.useBodyParser('json', { limit: '1mb', strict: true, type: (req: IncomingMessage) => isJson(req) && !isRecipientImport(req) });
  app.use(rejectUnstorableText);
  app.useGlobalFilters(new HttpExceptionFilter(log));
  app.enableShutdownHooks();

  // In production the contract is not published: it maps every route for whoever asks. The build
  // writes it (dist/openapi.json) for those who need it.
  if (config.NODE_ENV !== 'production') {
    const document = openApiDocument(app);
    SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/openapi.json' });
  }
  serveWebApp(app, options.webRoot ?? defaultWebRoot(), log);
  return app;
}
