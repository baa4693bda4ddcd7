import { createHash } from 'node:crypto';
import { MailMessageError } from './mail-errors.js';

export const IDEMPOTENCY_KEY_HEADER = 'X-Breachflow-Idempotency-Key';

/**
 * Ids, colons, dots, dashes, underscores — e.g. `reminder:<incident-id>:gdpr-art33:p75:<user-id>`.
 * The key travels in a header to the recipient and into logs, so it must be made of ids only:
 * refusing `@` and spaces keeps an address or a name from ever being used as (part of) a key.
 */
const IDEMPOTENCY_KEY = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,255}$/;

export function checkIdempotencyKey(key: unknown): string {
  if (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key)) {
    throw new MailMessageError(
      'Mail idempotency key must be 1-256 characters of letters, digits and . _ : - (ids only, never an address or a name)',
    );
  }
  return key;
}

const DOMAIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

export function checkMessageIdDomain(domain: string): string {
  if (!DOMAIN.test(domain)) throw new MailMessageError('Message-ID domain must be a host name such as "breachflow" or "mail.example.se"');
  return domain;
}

/**
 * The Message-ID of the message sent under `key`: the same key always gives the same id, so a
 * send retried after a timeout (when the first attempt may in fact have been delivered) is
 * recognisable as the same message by the recipient's mail system and by us. The key is hashed
 * because a Message-ID's left part may not hold colons, and a fixed-length hex id is always valid.
 */
export function messageIdFor(key: string, domain = 'breachflow'): string {
  const digest = createHash('sha256').update(checkIdempotencyKey(key), 'utf8').digest('hex');
  return `<${digest}@${checkMessageIdDomain(domain)}>`;
}
