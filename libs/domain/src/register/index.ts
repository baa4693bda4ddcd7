export { csvField, neutraliseFormula, toCsv, type CsvOptions } from './csv.js';
export { canonicalRegister, canonicalRegisterEntry, compareRegisterEntries } from './register-canonical.js';
export { registerEntryMissing, withRegisterCompleteness, type RegisterCompletenessInput, type RegisterGap } from './register-completeness.js';
export { registerGapLabel, registerToCsv, registerTrackLabel, type RegisterLanguage } from './register-csv.js';
export {
  type RegisterAssessment,
  type RegisterDecision,
  type RegisterEntry,
  type RegisterFiling,
  type RegisterNotRequired,
} from './register-entry.js';
export { registerToJson } from './register-json.js';
