import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { v7 as timeOrderedUuid } from 'uuid';
import { raise } from '../../../domain/src/failures.js';
import { acceptRecipientRow, type RowError } from '../../../domain/src/notices/recipient-row.js';
import { CaseFile } from '../../../persistence/src/case-file.js';
import type { NewRecipient } from '../../../persistence/src/repositories/notice-recipient.repository.js';
import { RecipientCipher } from '../../../platform/src/recipient-cipher.js';
import type { Caller } from '../caller.js';
import { IncidentQueries } from '../incidents/incident-queries.js';

/** One row as a parser read it, with the line (CSV) or position (JSON) it came from. */
export interface RawRecipientRow {
  line: number;
  raw: Record<string, unknown>;
}

/** The file itself cannot be read on from `line` (malformed CSV or JSON): what came before is kept. */
export class RecipientFileError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`the file cannot be read from line ${line}: ${reason}`);
    this.name = 'RecipientFileError';
  }
}

export interface RecipientImportReport {
  importId: string;
  /** Rows read from the file. */
  received: number;
  /** New people, stored sealed. */
  imported: number;
  /** Already imported for this incident before (a re-import changes nothing). */
  alreadyImported: number;
  /** Rows refused, each reported in `errors` (a duplicate within the file included). */
  rejected: number;
  /** The first `ERROR_REPORT_LIMIT` problems, by line, field and reason. */
  errors: RowError[];
  errorsTruncated: boolean;
}

const BATCH_ROWS = 5_000;
/** Batches inserted at once, each on a connection of its own, while the next is read and sealed. */
const BATCHES_IN_FLIGHT = 2;
const IDENTITY_FIELD: Readonly<Record<string, string>> = { email: 'email', phone: 'phone', post: 'postalAddress' };
export const ERROR_REPORT_LIMIT = 1_000;

/**
 * Imports the people to tell from a stream of rows, never holding the file: rows are checked,
 * sealed and inserted a batch at a time. Each bad row is reported with its line, field and reason;
 * good rows are kept; the same person twice in a file is reported, and a person already imported
 * for the incident is counted, not stored again. Nothing of a row's content reaches a log or an
 * error message.
 */
@Injectable()
export class ImportRecipients {
  constructor(
    @Inject(CaseFile) private readonly caseFile: CaseFile,
    @Inject(IncidentQueries) private readonly incidents: IncidentQueries,
    @Inject(RecipientCipher) private readonly cipher: RecipientCipher,
  ) {}

  async execute(caller: Caller, incidentId: string, rows: AsyncIterable<RawRecipientRow>): Promise<RecipientImportReport> {
    const incident = await this.incidents.owned(caller, incidentId);
    if (incident.status === 'closed') raise('conflict', 'the incident is closed');
    const run = new ImportRun(randomUUID(), caller.organisationId, incident.id, this.cipher, (batch) => this.caseFile.read.recipients.insertNew(batch));
    try {
      for await (const row of rows) await run.take(row);
    } catch (error) {
      if (!(error instanceof RecipientFileError)) throw error;
      // The rows read so far are kept; the report says where reading stopped and why.
      run.reject([{ line: error.line, field: '(file)', reason: error.reason }]);
    }
    const report = await run.finish();
    await this.caseFile.read.audit.append({
      organisationId: caller.organisationId,
      incidentId: incident.id,
      actor: caller.id,
      action: 'recipients.imported',
      detail: { importId: report.importId, received: report.received, imported: report.imported, alreadyImported: report.alreadyImported, rejected: report.rejected },
    });
    return report;
  }
}

/** One import as it reads: the report so far, the people seen (by keyed hash), the batch to insert. */
class ImportRun {
  private readonly report: RecipientImportReport;
  private readonly firstLineOf = new Map<string, number>();
  private batch: NewRecipient[] = [];
  /** The batches being inserted while the next one is read: parsing and the database overlap. */
  private readonly inserting = new Set<Promise<void>>();

  constructor(
    importId: string,
    private readonly organisationId: string,
    private readonly incidentId: string,
    private readonly cipher: RecipientCipher,
    private readonly insert: (batch: readonly NewRecipient[]) => Promise<number>,
  ) {
    this.report = { importId, received: 0, imported: 0, alreadyImported: 0, rejected: 0, errors: [], errorsTruncated: false };
  }

  async take({ line, raw }: RawRecipientRow): Promise<void> {
    this.report.received += 1;
    const checked = acceptRecipientRow(raw, line);
    if ('errors' in checked) return this.reject(checked.errors);
    const { recipient } = checked;
    const identityHash = this.cipher.identityHash(recipient.identity);
    const earlier = this.firstLineOf.get(identityHash);
    if (earlier !== undefined) return this.reject([{ line, field: IDENTITY_FIELD[recipient.identity.split(':')[0]!] ?? 'email', reason: `the same person as on line ${earlier}` }]);
    this.firstLineOf.set(identityHash, line);
    const { keyId, sealed } = this.cipher.seal(recipient.contact);
    this.batch.push({
      // Time-ordered ids land at the end of the primary key's index instead of all over it.
      id: timeOrderedUuid(),
      organisationId: this.organisationId,
      incidentId: this.incidentId,
      identityHash,
      keyId,
      sealed,
      masked: recipient.masked,
      channels: recipient.channels,
      language: recipient.language,
      segment: recipient.segment,
      importId: this.report.importId,
    });
    if (this.batch.length >= BATCH_ROWS) await this.flush();
  }

  reject(errors: readonly RowError[]): void {
    this.report.rejected += 1;
    for (const error of errors) {
      if (this.report.errors.length < ERROR_REPORT_LIMIT) this.report.errors.push(error);
      else this.report.errorsTruncated = true;
    }
  }

  async finish(): Promise<RecipientImportReport> {
    await this.flush();
    await Promise.all(this.inserting);
    return this.report;
  }

  /** Hands the batch to the database once fewer than `BATCHES_IN_FLIGHT` are being inserted. */
  private async flush(): Promise<void> {
    if (this.batch.length === 0) return;
    const batch = this.batch;
    this.batch = [];
    while (this.inserting.size >= BATCHES_IN_FLIGHT) await Promise.race(this.inserting);
    const inserting: Promise<void> = this.insert(batch).then((inserted) => {
      this.report.imported += inserted;
      this.report.alreadyImported += batch.length - inserted;
      this.inserting.delete(inserting);
    });
    this.inserting.add(inserting);
    // A failed insert surfaces at the next await of the batches in flight, not as an unhandled rejection meanwhile.
    inserting.catch(() => undefined);
  }
}
