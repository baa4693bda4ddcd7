import { SmsDeliveryError, type OutgoingSms, type SmsTransport } from './sms-transport.js';

/**
 * A provider reached by HTTP: `POST <url>` with a bearer token and `{to, text, reference}`; a 2xx
 * answer with an `id` is accepted. A 4xx other than 408/429 is permanent (the number or message is
 * refused); everything else is worth a retry. The provider's reply body is never kept (it may
 * quote the number).
 */
export class HttpSmsTransport implements SmsTransport {
  constructor(
    private readonly url: string,
    private readonly token: string,
    private readonly timeoutMs = 10_000,
  ) {}

  async send(message: OutgoingSms): Promise<{ providerId: string }> {
    let response: Response;
    try {
      response = await fetch(this.url, {
        method: 'POST',
        headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json', 'idempotency-key': message.idempotencyKey },
        body: JSON.stringify({ to: message.to, text: message.text, reference: message.idempotencyKey }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch {
      throw new SmsDeliveryError('connection', false);
    }
    if (!response.ok) {
      const permanent = response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429;
      throw new SmsDeliveryError(`http-${response.status}`, permanent);
    }
    const body = (await response.json().catch(() => ({}))) as { id?: unknown };
    return { providerId: typeof body.id === 'string' ? body.id : message.idempotencyKey };
  }
}
