import { Inject, Injectable } from '@nestjs/common';
import { CaseFile } from '../../../persistence/src/case-file.js';
import { APP_CONFIG, type AppConfig } from '../../../platform/src/config.js';

/**
 * Storage limitation for the people a notice went to: once an incident's notices are done (or it
 * is closed) and `RECIPIENT_RETENTION_DAYS` have passed, their sealed contact details are dropped.
 * The masked forms and the keyed hashes stay, so the deliveries remain provable without the addresses.
 */
@Injectable()
export class PurgeRecipients {
  constructor(
    @Inject(CaseFile) private readonly caseFile: CaseFile,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(input: { at: string }): Promise<number> {
    const purged = await this.caseFile.read.recipients.purgeExpired(new Date(input.at), this.config.RECIPIENT_RETENTION_DAYS);
    if (purged > 0) await this.caseFile.read.audit.append({ organisationId: null, actor: 'system', action: 'recipients.purged', detail: { purged, retentionDays: this.config.RECIPIENT_RETENTION_DAYS } });
    return purged;
  }
}
