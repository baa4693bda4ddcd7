import { MailDeliveryError, MailMessageError } from './mail-errors.js';

/** What may be kept about a failed send: whether it can ever succeed, and codes only. */
export interface MailFailure {
  /** This message to this recipient will be refused again (see MailDeliveryError.permanent). */
  permanent: boolean;
  /**
   * Codes as recorded and shown to people, e.g. `EENVELOPE RCPT TO 550` or `MailMessageError`:
   * never the server's reply text, which quotes the address.
   */
  code: string;
  /** The SMTP reply code when the server answered, e.g. 550. */
  responseCode: number | null;
  /**
   * Temporary, and about this recipient: the server answered RCPT TO with a 4xx (a full mailbox,
   * greylisting) while taking mail as such. Not 421, which says the whole server is closing.
   */
  recipientDeferred: boolean;
}

/**
 * The failure of a mailer send, or null when the error is not the mail layer's (a database error
 * is not a delivery failure and must not be recorded as one). One reading for every path that
 * sends e-mail, so a refused address means the same in a reminder, a digest and an Art. 34 notice.
 */
export function mailFailureOf(error: unknown): MailFailure | null {
  // The mailer refused the message itself (not one bare address, a bad header): no server was asked.
  if (error instanceof MailMessageError) return { permanent: true, code: error.name, responseCode: null, recipientDeferred: false };
  if (error instanceof MailDeliveryError) {
    const code = [error.code, error.command, error.responseCode === null ? null : String(error.responseCode)].filter((part) => part !== null).join(' ');
    const recipientDeferred = error.command === 'RCPT TO' && error.responseCode !== null && error.responseCode >= 400 && error.responseCode < 500 && error.responseCode !== 421;
    return { permanent: error.permanent, code: code || error.name, responseCode: error.responseCode, recipientDeferred };
  }
  return null;
}
