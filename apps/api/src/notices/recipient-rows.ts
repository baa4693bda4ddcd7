import { PayloadTooLargeException, UnsupportedMediaTypeException } from '@nestjs/common';
import { parse as parseCsv, CsvError } from 'csv-parse';
import type { Request } from 'express';
import { pipeline, Transform, type Duplex, type TransformCallback } from 'node:stream';
import { streamArray } from 'stream-json/streamers/stream-array.js';
import { RecipientFileError, type RawRecipientRow } from '../../../../libs/application/src/notices/import-recipients.js';

/** The largest import file accepted: far above 100,000 rows of contact details. */
export const RECIPIENT_FILE_LIMIT_BYTES = 200 * 1024 * 1024;

/** Passes bytes on and stops the stream once the limit is passed. */
class ByteLimit extends Transform {
  private seen = 0;

  constructor(private readonly limit: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.seen += chunk.length;
    if (this.seen > this.limit) done(new PayloadTooLargeException(`an import file may be at most ${this.limit / 1024 / 1024} MB`));
    else done(null, chunk);
  }
}

/** Whether the request is an import the API must stream rather than parse as JSON whole. */
export const isRecipientImport = (req: { method?: string; url?: string }): boolean => req.method === 'POST' && /^\/api\/incidents\/[^/]+\/recipients(\?|$)/.test(req.url ?? '');

/**
 * The rows of an uploaded recipient file, read as they arrive: CSV (`text/csv`, UTF-8 with or
 * without a BOM, `,` or `;`, a header row naming the columns) or a JSON array of objects.
 * A malformed file ends the rows with a `RecipientFileError` naming the line.
 */
export function recipientRows(req: Request): AsyncIterable<RawRecipientRow> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  // pipeline() passes an error anywhere (the size limit, a dropped connection) on to the parser, whose reader then throws it.
  const parsed = (parser: Duplex): Duplex => pipeline(req, new ByteLimit(RECIPIENT_FILE_LIMIT_BYTES), parser, () => undefined);
  if (type === 'text/csv') {
    return csvRows(parsed(parseCsv({ bom: true, columns: (header: string[]) => header.map((name) => name.trim()), delimiter: [',', ';'], trim: true, skip_empty_lines: true, relax_column_count: true, info: true })));
  }
  if (type === 'application/json') return jsonRows(parsed(streamArray.withParserAsStream()));
  throw new UnsupportedMediaTypeException('send the recipients as text/csv or as a JSON array (application/json)');
}

async function* csvRows(csv: Duplex): AsyncIterable<RawRecipientRow> {
  try {
    for await (const { record, info } of csv as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) yield { line: info.lines, raw: record };
  } catch (error) {
    if (error instanceof CsvError) throw new RecipientFileError((error as CsvError & { lines?: number }).lines ?? 0, `malformed CSV (${error.code})`);
    throw error;
  }
}

async function* jsonRows(elements: Duplex): AsyncIterable<RawRecipientRow> {
  let position = 0;
  try {
    for await (const { value } of elements as AsyncIterable<{ key: number; value: unknown }>) {
      position += 1;
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        yield { line: position, raw: { '(row)': 'not an object' } };
        continue;
      }
      yield { line: position, raw: value as Record<string, unknown> };
    }
  } catch (error) {
    if (error instanceof PayloadTooLargeException) throw error;
    throw new RecipientFileError(position + 1, 'malformed JSON: send an array of objects');
  }
}
