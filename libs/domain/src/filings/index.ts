// Filings: the structured documents an authority or a controller receives, built purely from the facts.
export { buildFilingDocument } from './build-filing-document.js';
export type {
  FilingDocument,
  FilingHeader,
  FilingInput,
  FilingItem,
  FilingKind,
  FilingLanguage,
  FilingSection,
  FilingTrack,
  OrganisationProfile,
} from './filing-input.js';
export { FILING_ITEM_IDS, FILING_SECTION_IDS, type Art33Point, type FilingItemId, type FilingSectionId } from './filing-item-ids.js';
export { filingLabels, itemLabel, sectionTitle, type FilingChrome, type FilingLabels, type FilingPhrases } from './filing-labels.js';
export { formatInstant, formatOccurredAt } from './format-instant.js';
export { formatCount, formatDuration, formatScore } from './format-numbers.js';
export {
  IMY_CATEGORY_RULES_2025_02,
  IMY_CAUSE_GROUPS,
  IMY_INCIDENT_TYPES,
  imyCategories,
  type ImyCategories,
  type ImyCategoryRule,
  type ImyCauseGroup,
  type ImyIncidentType,
} from './imy-categories-2025-02.js';
export { IMY_FORM_VERSION, IMY_MANDATORY_FIELDS, IMY_QUESTION_NUMBERS } from './imy-form-2026-11.js';
