// Rendering: filings to HTML, PDF and JSON, and e-mails, from the templates precompiled at start.
export {
  DIGEST_CLOCK_STATUSES,
  EMAIL_NAMES,
  type ClockEmailModel,
  type DigestClock,
  type DigestClockStatus,
  type DigestEmailModel,
  type EmailModels,
  type EmailName,
  type EmailRefusedModel,
  type RenderedEmail,
} from './email-models.js';
export { FILING_JSON_SCHEMA, filingJson } from './filing-json.js';
export { renderFilingPdf } from './filing-pdf.js';
export { filingView, type FilingItemView, type FilingView } from './filing-view.js';
export { defaultTemplatesDir, findProjectRoot } from './project-root.js';
export { REQUIRED_TEMPLATES, TemplateCatalog, type TemplateCatalogOptions } from './template-catalog.js';
