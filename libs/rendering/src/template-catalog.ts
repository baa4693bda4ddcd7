import Handlebars from 'handlebars';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { FilingDocument, FilingLanguage, FilingTrack } from '../../domain/src/filings/filing-input.js';
import { FILING_TRACKS, TRACK_CATALOGUE } from '../../domain/src/tracks/catalogue.js';
import { EMAIL_NAMES, type EmailModels, type EmailName, type RenderedEmail } from './email-models.js';
import { filingView } from './filing-view.js';
import { NOTICE_TEMPLATE_LANGUAGES, NOTICE_TEMPLATE_PARTS, noticeTemplateName, type NoticeModel } from './notice-model.js';
import type { NoticeLanguage } from '../../domain/src/notices/recipient-row.js';
import { defaultTemplatesDir } from './project-root.js';
import { BUILT_IN_HELPERS, TEMPLATE_HELPERS } from './template-helpers.js';
import { templateReferences } from './template-references.js';

const LANGUAGES: readonly FilingLanguage[] = ['sv', 'en'];
const EMAIL_PARTS = ['subject', 'text', 'html'] as const;
const PARTIALS_DIR = 'partials';

const filingTemplateName = (track: FilingTrack, language: FilingLanguage): string => `filings/${language}/${track}.html`;
const emailTemplateName = (name: EmailName, language: FilingLanguage, part: (typeof EMAIL_PARTS)[number]): string =>
  `email/${language}/${name}.${part}`;

/** Every template the application renders; a catalog without one of them refuses to load. */
export const REQUIRED_TEMPLATES: readonly string[] = [
  // A track's reports are drafted only in the languages its recipient reads (Lex Maria: Swedish).
  ...FILING_TRACKS.flatMap((track) => TRACK_CATALOGUE[track].languages.map((language) => filingTemplateName(track, language))),
  ...LANGUAGES.flatMap((language) => EMAIL_NAMES.flatMap((name) => EMAIL_PARTS.map((part) => emailTemplateName(name, language, part)))),
  ...NOTICE_TEMPLATE_LANGUAGES.flatMap((language) => NOTICE_TEMPLATE_PARTS.map((part) => noticeTemplateName(language, part))),
];

export interface TemplateCatalogOptions {
  /** Helpers beyond the shared ones, for templates other modules add. */
  helpers?: Readonly<Record<string, Handlebars.HelperDelegate>>;
}

interface TemplateSource {
  /** Path below the templates directory without `.hbs`, with `/` separators, e.g. `email/sv/reminder.text`. */
  name: string;
  file: string;
  source: string;
}

/**
 * All Handlebars templates, compiled once when the application starts, in an environment of their
 * own. Templates run in strict mode, so a missing variable is an error rather than a blank in a
 * filing; HTML templates escape every value (`{{…}}`), and plain-text and subject templates do not
 * escape, because there is no HTML to protect and `&amp;` in an e-mail subject would be wrong.
 * Loading fails, naming the file, when a template does not compile, calls an unknown helper or
 * partial, or a required template is missing: a broken template stops the start, not a reminder
 * at 3 a.m.
 */
export class TemplateCatalog {
  private constructor(
    readonly directory: string,
    private readonly templates: ReadonlyMap<string, Handlebars.TemplateDelegate>,
  ) {}

  static load(templatesDir: string = defaultTemplatesDir(), options: TemplateCatalogOptions = {}): TemplateCatalog {
    const environment = Handlebars.create();
    const helpers = { ...TEMPLATE_HELPERS, ...options.helpers };
    for (const [name, helper] of Object.entries(helpers)) environment.registerHelper(name, helper);
    const known = new Set([...BUILT_IN_HELPERS, ...Object.keys(helpers)]);

    const sources = readTemplates(templatesDir);
    const partials = sources.filter((template) => template.name.startsWith(`${PARTIALS_DIR}/`));
    const partialNames = new Set(partials.map(partialName));
    const compiled = new Map<string, Handlebars.TemplateDelegate>();

    for (const template of sources) {
      const compileOptions = { strict: true, noEscape: !isHtml(template.name) };
      try {
        const references = templateReferences(environment.parse(template.source));
        const unknownHelpers = [...references.helpers].filter((helper) => !known.has(helper));
        if (unknownHelpers.length > 0) throw new Error(`unknown helper(s): ${unknownHelpers.join(', ')}`);
        const unknownPartials = [...references.partials].filter((partial) => !partialNames.has(partial));
        if (unknownPartials.length > 0) throw new Error(`unknown partial(s): ${unknownPartials.join(', ')}`);
        // Precompiling runs the whole compiler now, so every compile error surfaces at start.
        environment.precompile(template.source, compileOptions);
        compiled.set(template.name, environment.compile(template.source, compileOptions));
      } catch (error) {
        throw new Error(`template ${template.file} does not compile: ${(error as Error).message}`, { cause: error });
      }
    }
    for (const partial of partials) environment.registerPartial(partialName(partial), compiled.get(partial.name)!);

    const absent = REQUIRED_TEMPLATES.filter((name) => !compiled.has(name));
    if (absent.length > 0) {
      throw new Error(`missing template(s) in ${templatesDir}: ${absent.map((name) => `${name}.hbs`).join(', ')}`);
    }
    return new TemplateCatalog(templatesDir, compiled);
  }

  has(name: string): boolean {
    return this.templates.has(name);
  }

  /** Any template by name (its path below the templates directory, without `.hbs`). */
  render(name: string, context: object): string {
    const template = this.templates.get(name);
    if (template === undefined) throw new Error(`no template ${name}.hbs in ${this.directory}`);
    return template(context);
  }

  /** The filing as a complete, printable HTML page in its own language. */
  renderFiling(document: FilingDocument): string {
    return this.render(filingTemplateName(document.track, document.language), filingView(document));
  }

  /** An Art. 34 notice by e-mail to one person. */
  renderNoticeEmail(language: NoticeLanguage, model: NoticeModel): RenderedEmail {
    return {
      subject: this.render(noticeTemplateName(language, 'email.subject'), model).replace(/\s+/g, ' ').trim(),
      text: this.render(noticeTemplateName(language, 'email.text'), model),
      html: this.render(noticeTemplateName(language, 'email.html'), model),
    };
  }

  /** An SMS: one line pointing to the public notice or a phone line, never details of the breach. */
  renderNoticeSms(language: NoticeLanguage, model: NoticeModel): string {
    return this.render(noticeTemplateName(language, 'sms.text'), model).replace(/\s+/g, ' ').trim();
  }

  /** The public notice (Art. 34(3)(c)): a page without personal data. */
  renderPublicNotice(language: NoticeLanguage, model: NoticeModel): string {
    return this.render(noticeTemplateName(language, 'public.html'), model);
  }

  /** One message for one recipient. */
  renderEmail<Name extends EmailName>(name: Name, language: FilingLanguage, model: EmailModels[Name]): RenderedEmail {
    return {
      // A subject is one line: a line break in a title must not reach the mail header.
      subject: this.render(emailTemplateName(name, language, 'subject'), model).replace(/\s+/g, ' ').trim(),
      text: this.render(emailTemplateName(name, language, 'text'), model),
      html: this.render(emailTemplateName(name, language, 'html'), model),
    };
  }
}

function isHtml(name: string): boolean {
  return name.endsWith('.html') || name.startsWith(`${PARTIALS_DIR}/`);
}

/** `partials/filing-item.html` is the partial `filing-item`. */
function partialName(template: TemplateSource): string {
  return template.name.slice(PARTIALS_DIR.length + 1).replace(/\.html$/, '');
}

function readTemplates(directory: string): TemplateSource[] {
  let entries: string[];
  try {
    entries = readdirSync(directory, { recursive: true, encoding: 'utf8' });
  } catch (error) {
    throw new Error(`cannot read the templates directory ${directory}: ${(error as Error).message}`, { cause: error });
  }
  return entries
    .filter((entry) => entry.endsWith('.hbs'))
    .sort()
    .map((entry) => {
      const file = join(directory, entry);
      return { name: relative(directory, file).split(sep).join('/').replace(/\.hbs$/, ''), file, source: readFileSync(file, 'utf8') };
    });
}
