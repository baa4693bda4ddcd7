import { simpleParser, type AddressObject } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';

/** One message as the SMTP server received it: the envelope as sent, the content as parsed. */
export interface CapturedMessage {
  /** MAIL FROM. */
  envelopeFrom: string;
  /** Every RCPT TO of the transaction: who the message was actually delivered to. */
  envelopeTo: string[];
  /** The To header as text. */
  to: string;
  subject: string;
  text: string;
  html: string | null;
  /** Header values as they appear in the message (unfolded, not decoded), keyed by lower-case name. */
  headers: Record<string, string>;
  /** The Message-ID header, angle brackets included. */
  messageId: string | null;
  raw: string;
}

export interface SmtpCaptureOptions {
  /** Answer RCPT TO with 550 for these addresses, as a server with an unknown user would. */
  rejectRecipient?: (address: string) => boolean;
  /** Answer RCPT TO with 452 for these addresses, as a server with a full mailbox would (try again later). */
  deferRecipient?: (address: string) => boolean;
  /** Require AUTH PLAIN/LOGIN with these credentials (over plain text: a test server). */
  auth?: { user: string; pass: string };
}

interface Waiter {
  predicate: (message: CapturedMessage) => boolean;
  resolve: (message: CapturedMessage) => void;
}

/**
 * A real SMTP server on 127.0.0.1 (free port) that keeps what it receives in memory, so tests
 * send through the real SMTP client path and can assert on envelopes, not only on headers.
 */
export class SmtpCapture {
  readonly messages: CapturedMessage[] = [];
  /** How many transactions the server refused or could not parse. */
  failures = 0;
  /** Every RCPT TO answered 550 (rejectRecipient) or 452 (deferRecipient), in order: how often such an address was tried. */
  readonly refusedRecipients: string[] = [];
  private waiters: Waiter[] = [];

  private readonly server: SMTPServer;
  private listeningPort = 0;

  private constructor(options: SmtpCaptureOptions) {
    this.server = new SMTPServer({
      logger: false,
      disabledCommands: options.auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
      authOptional: !options.auth,
      allowInsecureAuth: true,
      disableReverseLookup: true,
      closeTimeout: 500,
      size: 10 * 1024 * 1024,
      onAuth(auth, _session, callback) {
        const ok = options.auth !== undefined && auth.username === options.auth.user && auth.password === options.auth.pass;
        if (ok) callback(null, { user: auth.username });
        else callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
      },
      onRcptTo: (address, _session, callback) => {
        if (options.rejectRecipient?.(address.address)) {
          this.refusedRecipients.push(address.address);
          callback(Object.assign(new Error(`<${address.address}>: Recipient address rejected: User unknown`), { responseCode: 550 }));
          return;
        }
        if (options.deferRecipient?.(address.address)) {
          this.refusedRecipients.push(address.address);
          callback(Object.assign(new Error(`<${address.address}>: Mailbox full, try again later`), { responseCode: 452 }));
          return;
        }
        callback();
      },
      onData: (stream: SMTPServerDataStream, session: SMTPServerSession, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('error', (error: Error) => callback(error));
        stream.on('end', () => {
          const envelopeFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
          const envelopeTo = session.envelope.rcptTo.map((recipient) => recipient.address);
          parseMessage(Buffer.concat(chunks), envelopeFrom, envelopeTo).then(
            (message) => {
              this.accept(message);
              callback();
            },
            (error: unknown) => {
              this.failures += 1;
              callback(error instanceof Error ? error : new Error('could not parse the message'));
            },
          );
        });
      },
    });
  }

  get port(): number {
    return this.listeningPort;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  static async start(options: SmtpCaptureOptions = {}): Promise<SmtpCapture> {
    const capture = new SmtpCapture(options);
    capture.listeningPort = await new Promise<number>((resolve, reject) => {
      capture.server.server.once('error', reject);
      capture.server.listen(0, '127.0.0.1', () => resolve((capture.server.server.address() as AddressInfo).port));
    });
    return capture;
  }

  /** The first message (already received or still to come) that satisfies the predicate. */
  waitFor(predicate: (message: CapturedMessage) => boolean = () => true, timeoutMs = 5000): Promise<CapturedMessage> {
    const existing = this.messages.find(predicate);
    if (existing) return Promise.resolve(existing);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        predicate,
        resolve: (message) => {
          clearTimeout(timer);
          resolve(message);
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((candidate) => candidate !== waiter);
        reject(new Error(`no matching message within ${timeoutMs} ms (${this.messages.length} received)`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /** Resolves once `count` messages have been received. */
  async waitForCount(count: number, timeoutMs = 5000): Promise<CapturedMessage[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.messages.length < count) {
      if (Date.now() > deadline) throw new Error(`expected ${count} messages within ${timeoutMs} ms, got ${this.messages.length}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return [...this.messages];
  }

  /** How many times the server refused or deferred this address at RCPT TO. */
  refusalsOf(address: string): number {
    return this.refusedRecipients.filter((refused) => refused === address).length;
  }

  clear(): void {
    this.messages.length = 0;
    this.refusedRecipients.length = 0;
    this.failures = 0;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private accept(message: CapturedMessage): void {
    this.messages.push(message);
    const satisfied = this.waiters.filter((waiter) => waiter.predicate(message));
    this.waiters = this.waiters.filter((waiter) => !satisfied.includes(waiter));
    for (const waiter of satisfied) waiter.resolve(message);
  }
}

async function parseMessage(raw: Buffer, envelopeFrom: string, envelopeTo: string[]): Promise<CapturedMessage> {
  const parsed = await simpleParser(raw);
  const headers: Record<string, string> = {};
  for (const { key, line } of parsed.headerLines) {
    const value = line
      .slice(line.indexOf(':') + 1)
      .replace(/\r?\n[ \t]+/g, ' ')
      .trim();
    headers[key] = key in headers ? `${headers[key]}, ${value}` : value;
  }
  return {
    envelopeFrom,
    envelopeTo,
    to: addressText(parsed.to),
    subject: parsed.subject ?? '',
    text: parsed.text ?? '',
    html: typeof parsed.html === 'string' ? parsed.html : null,
    headers,
    messageId: parsed.messageId ?? null,
    raw: raw.toString('utf8'),
  };
}

function addressText(value: AddressObject | AddressObject[] | undefined): string {
  if (value === undefined) return '';
  return (Array.isArray(value) ? value : [value]).map((address) => address.text).join(', ');
}
