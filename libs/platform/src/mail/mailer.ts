import nodemailer, { type SendMailOptions, type SMTPTransportOptions, type Transporter } from 'nodemailer';
import addressparser from 'nodemailer/lib/addressparser';
import { extraHeaders } from './extra-headers.js';
import { MailConfigError, MailDeliveryError, MailMessageError } from './mail-errors.js';
import { checkIdempotencyKey, checkMessageIdDomain, IDEMPOTENCY_KEY_HEADER, messageIdFor } from './message-identity.js';
import { singleRecipient } from './single-recipient.js';

/** One message to one person. */
export interface OutgoingMail {
  /** Exactly one bare address (`local@domain`); a list is refused. */
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Extra headers (e.g. `Auto-Submitted`, `List-Unsubscribe`); address and identity headers are refused. */
  headers?: Record<string, string>;
  /**
   * Names the effect, built from ids only (`notice:<incident>:<recipient-id>:<template-version>`).
   * The Message-ID is derived from it, so a retried send is the same message.
   */
  idempotencyKey: string;
}

export interface SentMail {
  /** The Message-ID header, angle brackets included. */
  messageId: string;
}

export interface MailerOptions {
  /** `smtp://[user:pass@]host[:port]` or `smtps://…`; credentials percent-encoded. */
  smtpUrl: string;
  /** The sender: `noreply@example.se` or `Breachflow <noreply@example.se>`. */
  from: string;
  /** Right-hand side of the generated Message-IDs; defaults to `breachflow`. */
  messageIdDomain?: string;
  /** Reuse connections across sends (batches of notices); defaults to true. */
  pool?: boolean;
  /** Milliseconds; kept short so a stuck server fails an activity attempt instead of hanging it. */
  connectionTimeoutMs?: number;
  socketTimeoutMs?: number;
}

// Query parameters of the URL become transport options; these would make nodemailer log
// the SMTP conversation, addresses and message bodies included.
const FORBIDDEN_URL_OPTIONS = new Set(['logger', 'debug', 'transactionlog']);

/**
 * Sends e-mail over SMTP, one recipient per message. Every send is checked (single bare
 * recipient, ids-only idempotency key, no address headers smuggled in `headers`) and the SMTP
 * envelope is set explicitly to that one recipient, with nodemailer's own recipient limit at 1
 * behind it. Nothing is logged here; errors carry codes, never addresses or server replies.
 *
 * Deduplication is the caller's job (the activity records the idempotency key once a send
 * succeeds); the mailer makes a repeated send recognisable by giving it the same Message-ID.
 */
export class Mailer {
  private readonly transport: Transporter;
  private readonly from: string;
  private readonly envelopeFrom: string;
  private readonly messageIdDomain: string;

  constructor(options: MailerOptions) {
    const url = checkSmtpUrl(options.smtpUrl);
    [this.from, this.envelopeFrom] = checkSender(options.from);
    try {
      this.messageIdDomain = checkMessageIdDomain(options.messageIdDomain ?? 'breachflow');
    } catch (error) {
      throw new MailConfigError(error instanceof Error ? error.message : 'Message-ID domain is invalid');
    }
    const connectionTimeout = options.connectionTimeoutMs ?? 10_000;
    const transportOptions: SMTPTransportOptions & { pool?: boolean; maxConnections?: number } = {
      url,
      connectionTimeout,
      greetingTimeout: connectionTimeout,
      socketTimeout: options.socketTimeoutMs ?? 30_000,
      logger: false,
      debug: false,
      disableFileAccess: true,
      disableUrlAccess: true,
      maxRecipients: 1,
      ...(options.pool !== false && { pool: true, maxConnections: 3 }),
    };
    this.transport = nodemailer.createTransport(transportOptions);
  }

  async send(message: OutgoingMail): Promise<SentMail> {
    const mail = this.compose(message);
    try {
      await this.transport.sendMail(mail);
      return { messageId: mail.messageId };
    } catch (error) {
      throw MailDeliveryError.from('send', error);
    }
  }

  /** Connects (and authenticates, when the URL carries credentials): for the health check. */
  async verify(): Promise<void> {
    try {
      await this.transport.verify();
    } catch (error) {
      throw MailDeliveryError.from('verify', error);
    }
  }

  close(): void {
    this.transport.close();
  }

  private compose(message: OutgoingMail): SendMailOptions & { messageId: string } {
    if (typeof message !== 'object' || message === null) throw new MailMessageError('Mail message must be an object');
    const to = singleRecipient(message.to);
    const key = checkIdempotencyKey(message.idempotencyKey);
    const headers = extraHeaders(message.headers);
    if (typeof message.subject !== 'string' || message.subject.trim() === '') throw new MailMessageError('Mail subject is empty');
    if (/[\r\n]/.test(message.subject)) throw new MailMessageError('Mail subject contains a line break');
    if (typeof message.text !== 'string') throw new MailMessageError('Mail text must be a string');
    if (message.html !== undefined && typeof message.html !== 'string') throw new MailMessageError('Mail html must be a string');
    return {
      from: this.from,
      to,
      envelope: { from: this.envelopeFrom, to: [to] },
      subject: message.subject,
      text: message.text,
      ...(message.html !== undefined && { html: message.html }),
      messageId: messageIdFor(key, this.messageIdDomain),
      headers: { ...headers, [IDEMPOTENCY_KEY_HEADER]: key },
      // Belt and braces: nodemailer refuses the message if it ever sees more than one recipient.
      maxRecipients: 1,
      disableFileAccess: true,
      disableUrlAccess: true,
    };
  }
}

/** The URL, if it is an SMTP URL; errors name the problem, never the URL (it may hold a password). */
function checkSmtpUrl(smtpUrl: string): string {
  let url: URL;
  try {
    url = new URL(smtpUrl);
  } catch {
    throw new MailConfigError('SMTP URL is not a valid URL (expected smtp://host:port or smtps://host:port)');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new MailConfigError(`SMTP URL must start with smtp:// or smtps://, not ${url.protocol}//`);
  }
  if (!url.hostname) throw new MailConfigError('SMTP URL has no host');
  for (const name of url.searchParams.keys()) {
    if (FORBIDDEN_URL_OPTIONS.has(name.toLowerCase())) {
      throw new MailConfigError(`SMTP URL option "${name}" is not allowed: it would log message contents`);
    }
  }
  return smtpUrl;
}

/** The sender as given and its bare address for the envelope; exactly one mailbox. */
function checkSender(from: string): [string, string] {
  const parsed = typeof from === 'string' ? addressparser(from) : [];
  const mailbox = parsed.length === 1 ? parsed[0] : undefined;
  if (!mailbox || mailbox.group !== undefined || !mailbox.address) {
    throw new MailConfigError('Mail sender must be one address, e.g. "Breachflow <noreply@example.se>"');
  }
  const address = mailbox.address;
  try {
    return [from.trim(), singleRecipient(address)];
  } catch {
    throw new MailConfigError('Mail sender must be one well-formed address, e.g. "Breachflow <noreply@example.se>"');
  }
}
