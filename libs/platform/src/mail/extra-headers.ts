import { MailMessageError } from './mail-errors.js';
import { IDEMPOTENCY_KEY_HEADER } from './message-identity.js';

/**
 * Headers the mailer sets itself. Address headers are the important ones: nodemailer derives
 * recipients from To/Cc/Bcc wherever they come from, so a caller's `headers: { Bcc: … }` would
 * be a second recipient behind the single-recipient check.
 */
const RESERVED = new Set(
  [
    'to',
    'cc',
    'bcc',
    'from',
    'sender',
    'reply-to',
    'return-path',
    'delivered-to',
    'envelope-to',
    'apparently-to',
    'disposition-notification-to',
    'message-id',
    'subject',
    'date',
    'mime-version',
    'received',
    IDEMPOTENCY_KEY_HEADER.toLowerCase(),
  ],
);
const RESERVED_PREFIXES = ['resent-', 'content-'];

// RFC 5322 allows any printable ASCII but ':' in a field name; letters, digits and '-' are all
// that real headers use, and the narrow set leaves no room for tricks.
const FIELD_NAME = /^[A-Za-z0-9][A-Za-z0-9-]{0,75}$/;

/** The caller's extra headers, checked: no reserved names, no line breaks (header injection). */
export function extraHeaders(headers: Readonly<Record<string, string>> | undefined): Record<string, string> {
  const checked: Record<string, string> = {};
  if (headers === undefined) return checked;
  for (const [name, value] of Object.entries(headers)) {
    if (!FIELD_NAME.test(name)) throw new MailMessageError(`Mail header name "${name.slice(0, 80)}" is not a plain header name`);
    const lower = name.toLowerCase();
    if (RESERVED.has(lower) || RESERVED_PREFIXES.some((prefix) => lower.startsWith(prefix))) {
      throw new MailMessageError(`Mail header "${name}" is set by the mailer and cannot be passed in headers`);
    }
    if (typeof value !== 'string') throw new MailMessageError(`Mail header "${name}" must have a string value`);
    if (/[\r\n\0]/.test(value)) throw new MailMessageError(`Mail header "${name}" contains a line break`);
    if (Object.keys(checked).some((existing) => existing.toLowerCase() === lower)) {
      throw new MailMessageError(`Mail header "${name}" is given twice`);
    }
    checked[name] = value;
  }
  return checked;
}
