import { Inject, Injectable } from '@nestjs/common';
import type { Writable } from 'node:stream';
import { raise } from '../../../domain/src/failures.js';
import type { RecipientContact } from '../../../domain/src/notices/recipient-row.js';
import { CaseFile } from '../../../persistence/src/case-file.js';
import type { Notice } from '../../../persistence/src/entities/notice.entity.js';
import { APP_CONFIG, type AppConfig } from '../../../platform/src/config.js';
import { RecipientCipher } from '../../../platform/src/recipient-cipher.js';
import { writeLetterBatch, type Letter } from '../../../rendering/src/notice-letter-pdf.js';
import { TemplateCatalog } from '../../../rendering/src/template-catalog.js';
import type { Caller } from '../caller.js';
import { NoticeMessages } from './notice-messages.js';
import { NoticeSteps } from './notice-steps.js';

const PAGE = 500;

/** The print batch of a letter notice: every letter released by sending, in one PDF, written as it is laid out. */
@Injectable()
export class LetterBatch {
  constructor(
    @Inject(CaseFile) private readonly caseFile: CaseFile,
    @Inject(NoticeSteps) private readonly notices: NoticeSteps,
    @Inject(TemplateCatalog) private readonly templates: TemplateCatalog,
    @Inject(RecipientCipher) private readonly cipher: RecipientCipher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async notice(caller: Caller, noticeId: string): Promise<Notice> {
    const notice = await this.notices.owned(caller, noticeId);
    if (notice.channel !== 'letter') raise('unprocessable', 'only a letter notice has a print batch', 'channel');
    if (notice.status !== 'sent' && notice.status !== 'sending' && notice.status !== 'paused') raise('conflict', `the notice is ${notice.status}: letters are printed once it is sent`);
    return notice;
  }

  async write(caller: Caller, notice: Notice, out: Writable): Promise<number> {
    const organisation = await this.caseFile.read.organisations.get(caller.organisationId);
    const messages = new NoticeMessages(this.templates, organisation, notice, this.config.PUBLIC_URL, null);
    const count = await writeLetterBatch(this.letters(notice, messages), out, `${notice.id}`);
    await this.caseFile.read.audit.append({ organisationId: caller.organisationId, incidentId: notice.incidentId, actor: caller.id, action: 'notice.letters-printed', detail: { noticeId: notice.id, letters: count } });
    return count;
  }

  private async *letters(notice: Notice, messages: NoticeMessages): AsyncIterable<Letter> {
    const at = notice.sendStartedAt ?? new Date();
    for (let offset = 0; ; offset += PAGE) {
      const rows = await this.caseFile.read.deliveries.page(notice.id, PAGE, offset, 'sent');
      if (rows.length === 0) return;
      const recipients = await this.caseFile.read.recipients.byIds(rows.map((row) => row.recipientId));
      for (const recipient of recipients) {
        if (!recipient.sealed || !recipient.keyId) continue;
        yield messages.letter(this.cipher.open<RecipientContact>(recipient.keyId, recipient.sealed), at);
      }
    }
  }
}
