import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, unlink, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { isSinkMessageId, SINK_MESSAGE_EXTENSION } from './sink-message-id.js';

export interface SmtpSinkOptions {
  /** 0 picks a free port. */
  port?: number;
  /** Loopback only: the sink accepts mail from anyone who can connect, without authentication. */
  host?: '127.0.0.1' | '::1' | 'localhost';
  /** Where the `.eml` files go (created, private to the user). */
  storeDir: string;
  /** Larger messages are refused with 552. Default 5 MB. */
  maxMessageBytes?: number;
  /** The oldest files beyond this many are deleted, so a long-running dev stack does not fill the disk. Default 1000. */
  maxStoredMessages?: number;
  /**
   * Recipients answered `550 5.1.1` at RCPT TO, as a real server answers an unknown mailbox: lets
   * a developer (and the tests) watch what the system does with an address that bounces.
   */
  refuseRecipient?: (address: string) => boolean;
}

export interface SmtpSink {
  /** What to give the mailer: `smtp://127.0.0.1:<port>`. */
  url: string;
  port: number;
  stop(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/**
 * A local SMTP server for `npm start` without SMTP_URL: every message the system sends is kept
 * as an `.eml` file instead of leaving the machine, and the API's development page lists them.
 * Plain SMTP with no AUTH and no STARTTLS (nothing to protect on loopback, and no self-signed
 * certificate for the client to trip over).
 *
 * The delivery is recorded as an MTA does at final delivery: a `Return-Path` and one
 * `Delivered-To` per envelope recipient are prepended, so the page shows who a message really
 * went to — the To header alone would not reveal a Bcc.
 */
export async function startSmtpSink(options: SmtpSinkOptions): Promise<SmtpSink> {
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK.has(host)) throw new Error('The SMTP sink listens on a loopback address only');
  const maxBytes = options.maxMessageBytes ?? 5 * 1024 * 1024;
  const maxStored = options.maxStoredMessages ?? 1000;
  await mkdir(options.storeDir, { recursive: true, mode: 0o700 });

  const server = new SMTPServer({
    logger: false,
    name: 'breachflow-sink',
    banner: 'breachflow development mail sink: messages are stored locally, never delivered',
    disabledCommands: ['AUTH', 'STARTTLS'],
    authOptional: true,
    disableReverseLookup: true,
    size: maxBytes,
    maxClients: 20,
    closeTimeout: 1000,
    onConnect(session, callback) {
      // Loopback bind already keeps others out; this also covers a dual-stack surprise.
      if (isLoopbackAddress(session.remoteAddress)) callback();
      else callback(Object.assign(new Error('Only local clients may use the sink'), { responseCode: 554 }));
    },
    onRcptTo(address, _session, callback) {
      if (options.refuseRecipient?.(address.address)) callback(Object.assign(new Error('5.1.1 Mailbox unavailable: the sink refuses this recipient'), { responseCode: 550 }));
      else callback();
    },
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      let bytes = 0;
      stream.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        if (bytes <= maxBytes) chunks.push(chunk);
      });
      stream.on('error', (error: Error) => callback(error));
      stream.on('end', () => {
        if (stream.sizeExceeded || bytes > maxBytes) {
          callback(Object.assign(new Error(`Message exceeds the sink's size limit of ${maxBytes} bytes`), { responseCode: 552 }));
          return;
        }
        const trace = deliveryTrace(session);
        storeMessage(options.storeDir, Buffer.concat([trace, ...chunks]), maxStored).then(
          () => callback(),
          () => callback(Object.assign(new Error('The sink could not store the message'), { responseCode: 451 })),
        );
      });
    },
  });

  const port = await new Promise<number>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.server.off('error', reject);
      resolve((server.server.address() as AddressInfo).port);
    });
  });
  // The URL host must be an IP literal a client resolves to the same socket.
  const urlHost = host === '::1' ? '[::1]' : '127.0.0.1';
  return {
    url: `smtp://${host === 'localhost' ? 'localhost' : urlHost}:${port}`,
    port,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function isLoopbackAddress(address: string): boolean {
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

function deliveryTrace(session: SMTPServerSession): Buffer {
  const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
  const lines = [`Return-Path: <${from}>`, ...session.envelope.rcptTo.map((recipient) => `Delivered-To: ${recipient.address}`)];
  // Envelope addresses come from the SMTP session; keep a stray CR/LF from forging headers.
  return Buffer.from(lines.map((line) => line.replace(/[\r\n]/g, '')).join('\r\n') + '\r\n', 'utf8');
}

let sequence = 0;

/**
 * `<UTC timestamp>-<sequence>-<random>.eml`: sorts by arrival, is unique across processes, and
 * holds nothing but digits, letters and dashes, so an id from a URL can be checked by pattern.
 * Written to a temporary name and renamed, so a reader never parses half a message.
 */
async function storeMessage(storeDir: string, content: Buffer, maxStored: number): Promise<void> {
  const stamp = new Date().toISOString().replace(/[-:.]/g, '');
  sequence = (sequence + 1) % 1_000_000;
  const id = `${stamp}-${String(sequence).padStart(6, '0')}-${randomBytes(6).toString('hex')}${SINK_MESSAGE_EXTENSION}`;
  const temporary = join(storeDir, `.${id}.tmp`);
  await writeFile(temporary, content, { mode: 0o600 });
  await rename(temporary, join(storeDir, id));
  await pruneOldest(storeDir, maxStored);
}

async function pruneOldest(storeDir: string, maxStored: number): Promise<void> {
  const ids = (await readdir(storeDir)).filter(isSinkMessageId).sort();
  const excess = ids.slice(0, Math.max(0, ids.length - maxStored));
  await Promise.all(excess.map((id) => unlink(join(storeDir, id)).catch(() => undefined)));
}
