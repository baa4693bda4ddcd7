import { APP_CONFIG, type AppConfig } from '../config.js';
import { HttpSmsTransport } from './http-sms-transport.js';
import { SinkSmsTransport } from './sink-sms-transport.js';
import { SMS_TRANSPORT, UnconfiguredSmsTransport, type SmsTransport } from './sms-transport.js';

/** The configured provider; the local sink outside production; otherwise none (SMS notices fail, saying so). */
export function smsTransportOf(config: AppConfig): SmsTransport {
  if (config.SMS_PROVIDER_URL && config.SMS_PROVIDER_TOKEN) return new HttpSmsTransport(config.SMS_PROVIDER_URL, config.SMS_PROVIDER_TOKEN);
  if (config.SMS_SINK_DIR && config.NODE_ENV !== 'production') return new SinkSmsTransport(config.SMS_SINK_DIR);
  return new UnconfiguredSmsTransport();
}

export const smsTransportProvider = { provide: SMS_TRANSPORT, inject: [APP_CONFIG], useFactory: smsTransportOf };
