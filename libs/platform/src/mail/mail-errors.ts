/**
 * Errors of the mail layer. Their messages are written to logs and to Temporal failure
 * messages (which the payload codec does not encrypt), so they never carry an address, a
 * subject, a body or an SMTP URL: an SMTP server's reply often quotes the recipient
 * (`550 <anna@example.se>: unknown user`), which is why the original error is not kept as
 * `cause` either (log serializers print causes).
 */

/** The message was refused before anything was sent: retrying the same input cannot succeed. */
export class MailMessageError extends Error {
  override readonly name = 'MailMessageError';
  readonly permanent = true;

  constructor(message: string) {
    super(message);
  }
}

/** The mailer was configured with something unusable (bad SMTP URL, bad sender). */
export class MailConfigError extends Error {
  override readonly name = 'MailConfigError';
}

/** What is safe to keep from a transport error: codes, never the server's reply text. */
export interface MailDeliveryFailure {
  /** Nodemailer's error code, e.g. `ECONNECTION`, `EAUTH`, `EENVELOPE`, `ETIMEDOUT`. */
  code: string | null;
  /** The SMTP reply code when the server answered, e.g. 550. */
  responseCode: number | null;
  /** The SMTP command that failed, e.g. `RCPT TO`, `DATA`, `CONN`. */
  command: string | null;
}

/** The SMTP steps whose 5xx answer is about this message or this recipient, not about our connection or login. */
const MESSAGE_COMMANDS = new Set(['RCPT TO', 'DATA']);
/** Nodemailer's own refusals of an envelope or a message, before the server is asked: the same input fails again. */
const CLIENT_REFUSALS = new Set(['EENVELOPE', 'EMESSAGE']);

/**
 * Sending (or verifying) failed in the transport or at the server. `permanent` is true when this
 * message to this recipient will be refused again: a 5xx answer to RCPT TO or DATA (`550 mailbox
 * unavailable`), or nodemailer refusing the envelope itself. A caller (a Temporal activity) then
 * records the recipient as undeliverable and goes on with the others. Everything else is worth a
 * retry: connection trouble, timeouts, 4xx, and also a 5xx to AUTH or to the greeting, which says
 * our mail setup is broken, not the recipient, so marking each recipient refused would be wrong.
 */
export class MailDeliveryError extends Error {
  override readonly name = 'MailDeliveryError';
  readonly code: string | null;
  readonly responseCode: number | null;
  readonly command: string | null;
  readonly permanent: boolean;

  constructor(action: 'send' | 'verify', failure: MailDeliveryFailure) {
    const details = [failure.code, failure.command, failure.responseCode === null ? null : String(failure.responseCode)]
      .filter((part): part is string => part !== null)
      .join(' ');
    super(`Mail ${action} failed${details ? ` (${details})` : ''}`);
    this.code = failure.code;
    this.responseCode = failure.responseCode;
    this.command = failure.command;
    const refusedByServer = failure.responseCode !== null && failure.responseCode >= 500 && failure.responseCode < 600 && failure.command !== null && MESSAGE_COMMANDS.has(failure.command);
    const refusedByClient = failure.responseCode === null && failure.code !== null && CLIENT_REFUSALS.has(failure.code);
    this.permanent = refusedByServer || refusedByClient;
  }

  /** Keeps only the safe fields of whatever the transport threw. */
  static from(action: 'send' | 'verify', error: unknown): MailDeliveryError {
    const record = typeof error === 'object' && error !== null ? (error as Record<string, unknown>) : {};
    const safeToken = (value: unknown): string | null =>
      typeof value === 'string' && /^[A-Z][A-Z0-9 _-]{0,40}$/i.test(value) ? value : null;
    const responseCode = typeof record.responseCode === 'number' && Number.isInteger(record.responseCode) ? record.responseCode : null;
    return new MailDeliveryError(action, { code: safeToken(record.code), responseCode, command: safeToken(record.command) });
  }
}
