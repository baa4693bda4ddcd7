/** One SMS to one number. */
export interface OutgoingSms {
  /** E.164, e.g. +46701234567. */
  to: string;
  text: string;
  /** Ids only; the same key is the same message, so a provider can drop a repeat. */
  idempotencyKey: string;
}

/** Sending failed; `permanent` when the same message would be refused again (a bad number). */
export class SmsDeliveryError extends Error {
  override readonly name = 'SmsDeliveryError';

  constructor(
    readonly code: string,
    readonly permanent: boolean,
  ) {
    super(`SMS send failed (${code})`);
  }
}

/** Where SMS go: an HTTP provider in production, a directory under `npm start`. */
export interface SmsTransport {
  send(message: OutgoingSms): Promise<{ providerId: string }>;
}

export const SMS_TRANSPORT = Symbol('SMS_TRANSPORT');

/** No provider is configured: every SMS is refused, permanently and saying why. */
export class UnconfiguredSmsTransport implements SmsTransport {
  send(): Promise<{ providerId: string }> {
    return Promise.reject(new SmsDeliveryError('no-sms-provider-configured', true));
  }
}
