import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { OutgoingSms, SmsTransport } from './sms-transport.js';

/**
 * Development only: each SMS is a JSON file in a directory (under `npm start`, `.data/sms`), named
 * by its idempotency key, so a repeat overwrites rather than adds.
 */
export class SinkSmsTransport implements SmsTransport {
  constructor(private readonly directory: string) {}

  async send(message: OutgoingSms): Promise<{ providerId: string }> {
    await mkdir(this.directory, { recursive: true });
    const name = `${message.idempotencyKey.replace(/[^\w.-]/g, '_')}.json`;
    await writeFile(join(this.directory, name), JSON.stringify({ to: message.to, text: message.text, at: new Date().toISOString() }));
    return { providerId: name };
  }
}
