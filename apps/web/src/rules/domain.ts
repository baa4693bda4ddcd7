// The rules the web app shows, from the same pure domain code the API enforces them with
// (libs/domain has no I/O): track names in sv/en, who may take which step, the roles, the
// screening questions' conclusion, what each task records.
export { APPROVER_ROLES, INCIDENT_EDITORS, ROLES, type Role } from '../../../../libs/domain/src/roles.js';
export { TRACK_CATALOGUE, WRITTEN_REASON_MIN_LENGTH, isFilingTrack, type TrackKind, type FilingTrack, type RecordChannel, type Language as TrackLanguage } from '../../../../libs/domain/src/tracks/catalogue.js';
export type { FilingKind } from '../../../../libs/domain/src/filings/filing-kinds.js';
export { answersApply, type ScreeningAnswers } from '../../../../libs/domain/src/tracks/screening.js';
export { PATIENT_INFORMATION_ITEMS, type PatientInformationData, type PatientInformationItem } from '../../../../libs/domain/src/tracks/tasks/patient-information.js';
export type { EventAnalysisData, PlannedMeasure } from '../../../../libs/domain/src/tracks/tasks/event-analysis.js';
export type { ServiceRecipientsData } from '../../../../libs/domain/src/tracks/tasks/service-recipients.js';
export type { TaskKind } from '../../../../libs/domain/src/tracks/tasks/task-kinds.js';
export { TASK_CATALOGUE } from '../../../../libs/domain/src/tracks/tasks/task-kinds.js';
