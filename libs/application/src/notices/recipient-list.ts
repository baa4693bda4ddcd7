import { Inject, Injectable } from '@nestjs/common';
import { CaseFile } from '../../../persistence/src/case-file.js';
import type { Caller } from '../caller.js';
import { IncidentQueries } from '../incidents/incident-queries.js';

export interface RecipientView {
  id: string;
  /** Masked: enough to recognise a row, never the address. */
  masked: Record<string, string>;
  channels: string[];
  language: string;
  segment: string | null;
  importedAt: string;
  purged: boolean;
}

/** The people an incident's notices go to, listed masked, a page at a time. */
@Injectable()
export class RecipientList {
  constructor(
    @Inject(CaseFile) private readonly caseFile: CaseFile,
    @Inject(IncidentQueries) private readonly incidents: IncidentQueries,
  ) {}

  async page(caller: Caller, incidentId: string, limit: number, offset: number): Promise<{ items: RecipientView[]; total: number; limit: number; offset: number }> {
    const incident = await this.incidents.owned(caller, incidentId);
    const { items, total } = await this.caseFile.read.recipients.page(incident.id, limit, offset);
    return {
      items: items.map((recipient) => ({
        id: recipient.id,
        masked: recipient.masked,
        channels: recipient.channels,
        language: recipient.language,
        segment: recipient.segment,
        importedAt: recipient.createdAt.toISOString(),
        purged: recipient.purgedAt !== null,
      })),
      total,
      limit,
      offset,
    };
  }
}
