// The rules the web app shows, from the same pure domain code the API enforces them with
// (libs/domain has no I/O): track names in sv/en, who may take which step, the roles.
export { APPROVER_ROLES, INCIDENT_EDITORS, type Role } from '../../../../libs/domain/src/roles.js';
export { TRACK_CATALOGUE, WRITTEN_REASON_MIN_LENGTH, isFilingTrack, type TrackKind, type FilingTrack, type RecordChannel } from '../../../../libs/domain/src/tracks/catalogue.js';
