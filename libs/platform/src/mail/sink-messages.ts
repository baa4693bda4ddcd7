import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isSinkMessageId, sinkMessageReceivedAt } from './sink-message-id.js';

/** A stored message as the development page lists it. */
export interface SinkMessageSummary {
  /** The file name; what `readSinkMessage` takes. */
  id: string;
  /** ISO-8601, UTC. */
  receivedAt: string;
  /** The From header as text. */
  from: string;
  /** The To header as text. */
  to: string;
  /** The envelope recipients (RCPT TO) the sink recorded: who the message was really sent to. */
  envelopeTo: string[];
  subject: string;
  text: string;
}

export interface SinkMessage extends SinkMessageSummary {
  messageId: string | null;
  /** The HTML part as sent: untrusted markup, to be shown sandboxed (or escaped), never inline. */
  html: string | null;
  /** Header lines in order, unfolded but not decoded. */
  headers: Array<{ name: string; value: string }>;
  /** The message source. */
  raw: string;
}

export class InvalidSinkMessageIdError extends Error {
  override readonly name = 'InvalidSinkMessageIdError';

  constructor() {
    super('Not a sink message id');
  }
}

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 500;

/** The newest stored messages first; an empty list when nothing has been stored yet. */
export async function listSinkMessages(storeDir: string, options: { limit?: number } = {}): Promise<SinkMessageSummary[]> {
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? DEFAULT_LIMIT), 0), MAX_LIMIT);
  let names: string[];
  try {
    names = await readdir(storeDir);
  } catch (error) {
    if (isMissing(error)) return [];
    throw error;
  }
  // Ids start with a fixed-width UTC timestamp and an in-process sequence: name order is arrival order.
  const newest = names.filter(isSinkMessageId).sort().reverse().slice(0, limit);
  const loaded = await Promise.all(newest.map((id) => load(storeDir, id)));
  return loaded.filter((message): message is SinkMessage => message !== null).map(summary);
}

/** One stored message, or null when there is no such message; an id that is not a sink id is refused. */
export async function readSinkMessage(storeDir: string, id: string): Promise<SinkMessage | null> {
  if (!isSinkMessageId(id)) throw new InvalidSinkMessageIdError();
  return load(storeDir, id);
}

async function load(storeDir: string, id: string): Promise<SinkMessage | null> {
  let raw: Buffer;
  try {
    raw = await readFile(join(storeDir, id));
  } catch (error) {
    // Pruned between listing and reading, or never there.
    if (isMissing(error)) return null;
    throw error;
  }
  const parsed = await simpleParser(raw);
  return {
    id,
    receivedAt: sinkMessageReceivedAt(id),
    from: addressText(parsed.from),
    to: addressText(parsed.to),
    envelopeTo: headerValues(parsed, 'delivered-to'),
    subject: parsed.subject ?? '',
    text: parsed.text ?? '',
    messageId: parsed.messageId ?? null,
    html: typeof parsed.html === 'string' ? parsed.html : null,
    headers: parsed.headerLines.map(({ key, line }) => ({ name: key, value: unfold(line.slice(line.indexOf(':') + 1)) })),
    raw: raw.toString('utf8'),
  };
}

function summary(message: SinkMessage): SinkMessageSummary {
  const { id, receivedAt, from, to, envelopeTo, subject, text } = message;
  return { id, receivedAt, from, to, envelopeTo, subject, text };
}

function headerValues(parsed: ParsedMail, name: string): string[] {
  return parsed.headerLines.filter(({ key }) => key === name).map(({ line }) => unfold(line.slice(line.indexOf(':') + 1)));
}

function unfold(value: string): string {
  return value.replace(/\r?\n[ \t]+/g, ' ').trim();
}

function addressText(value: AddressObject | AddressObject[] | undefined): string {
  if (value === undefined) return '';
  return (Array.isArray(value) ? value : [value]).map((address) => address.text).join(', ');
}

function isMissing(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ENOENT';
}
