import 'reflect-metadata';
import { loadConfig } from '../../../libs/platform/src/config.js';
import { createLogger } from '../../../libs/platform/src/logger.js';
import { createApiApp } from './create-api-app.js';

const config = loadConfig();
const app = await createApiApp(config);
await app.listen(config.PORT);
createLogger(config.LOG_LEVEL, 'breachflow-api').info({ port: config.PORT }, 'api listening');
