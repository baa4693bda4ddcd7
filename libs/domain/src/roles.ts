/** The roles of DESIGN.md; four-eyes rules and guards are expressed in terms of these. */
export const ROLES = ['responder', 'approver', 'dpo', 'admin', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Roles that may create incidents and change their facts. */
export const INCIDENT_EDITORS: readonly Role[] = ['responder', 'approver', 'dpo'];

/** Roles that may approve or reject filings, override outcomes and decide a track is not required. */
export const APPROVER_ROLES: readonly Role[] = ['approver', 'dpo'];
