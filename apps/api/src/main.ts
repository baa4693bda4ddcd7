import 'reflect-metadata';
import { loadConfigOrExit } from '../../../libs/platform/src/config.js';
import { createLogger } from '../../../libs/platform/src/logger.js';
import { createApiApp } from './create-api-app.js';

const config = loadConfigOrExit('breachflow-api');
const app = await createApiApp(config);
await app.listen(config.PORT, config.HOST);
createLogger(config.LOG_LEVEL, 'breachflow-api').info({ host: config.HOST, port: config.PORT }, 'api listening');
