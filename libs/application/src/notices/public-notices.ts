import { Inject, Injectable } from '@nestjs/common';
import { CaseFile } from '../../../persistence/src/case-file.js';
import { APP_CONFIG, type AppConfig } from '../../../platform/src/config.js';
import { TemplateCatalog } from '../../../rendering/src/template-catalog.js';
import { NoticeMessages } from './notice-messages.js';

/** The published public notices, as anyone may read them. */
@Injectable()
export class PublicNotices {
  constructor(
    @Inject(CaseFile) private readonly caseFile: CaseFile,
    @Inject(TemplateCatalog) private readonly templates: TemplateCatalog,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The page, or null when no notice is published under the address (a draft never is). */
  async page(slug: string): Promise<string | null> {
    const notice = await this.caseFile.read.notices.bySlug(slug);
    if (!notice || notice.channel !== 'public' || (notice.status !== 'sent' && notice.status !== 'sending')) return null;
    const organisation = await this.caseFile.read.organisations.get(notice.organisationId);
    return new NoticeMessages(this.templates, organisation, notice, this.config.PUBLIC_URL, slug).publicPage();
  }
}
