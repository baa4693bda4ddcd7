// What each e-mail template is rendered from. E-mails name incidents and times only: never a
// data subject, never personal data from the facts, so a misdirected reminder discloses nothing.

/** A clock that needs someone: reminder, escalation, overdue notice, supplement reminder. */
export interface ClockEmailModel {
  recipientName: string;
  incidentReference: string;
  incidentTitle: string;
  /** The obligation in the recipient's language, e.g. "Anmälan till IMY (artikel 33)". */
  trackLabel: string;
  /** Already formatted in the organisation's time zone. */
  deadline: string;
  /** Already formatted, e.g. "18 h 30 min" or "overdue by 2 h". */
  timeLeft: string;
  /** How far into the window this reminder fires, e.g. "75 %". */
  reminderLabel: string;
  /** The overdue report is one Art. 33(1) asks reasons for the delay of (not a supplement, not a processor's notice). */
  citesDelayReasons: boolean;
  incidentUrl: string;
}

export const DIGEST_CLOCK_STATUSES = ['running', 'due-soon', 'overdue', 'awaiting-approval'] as const;
export type DigestClockStatus = (typeof DIGEST_CLOCK_STATUSES)[number];

export interface DigestClock {
  incidentReference: string;
  incidentTitle: string;
  trackLabel: string;
  deadline: string;
  timeLeft: string;
  status: DigestClockStatus;
}

/** The daily overview of running clocks, in the order the caller gives (most urgent first, say). */
export interface DigestEmailModel {
  recipientName: string;
  organisationName: string;
  /** The day the digest covers, already formatted. */
  date: string;
  clocks: DigestClock[];
}

/** Tells the DPO and admins that a colleague's address was refused, so someone corrects it. */
export interface EmailRefusedModel {
  recipientName: string;
  /** The colleague whose address was refused: a name, never the address. */
  colleagueName: string;
  organisationName: string;
  /** The codes, e.g. `EENVELOPE RCPT TO 550`. */
  failure: string;
}

/** Tells the DPO that the audit trail failed its verification: the event's number and what happened, never its content. */
export interface AuditTrailBrokenModel {
  recipientName: string;
  organisationName: string;
  /** The first bad event's number. */
  seq: string;
  /** What happened to it, in the message's language (edited, inserted, deleted, the last events deleted). */
  problem: string;
  /** When the verification ran, in words. */
  verifiedAt: string;
}

/**
 * An invitation to breachflow: a one-time link to choose a password, and nothing about incidents.
 * A new invitation (the first one expired or was lost) reads the same; `passwordReset` is the
 * variant for someone who has a password already.
 */
export interface InvitationModel {
  recipientName: string;
  organisationName: string;
  /** The admin who invited them or sent the new link, by name. */
  inviterName: string;
  /** The person has a password: the link replaces it, and the old one works until then. */
  passwordReset: boolean;
  /** The one-time link; it works once and until `expiresAt`. */
  link: string;
  /** Already formatted in the organisation's time zone. */
  expiresAt: string;
}

export interface EmailModels {
  reminder: ClockEmailModel;
  escalation: ClockEmailModel;
  overdue: ClockEmailModel;
  'supplement-reminder': ClockEmailModel;
  digest: DigestEmailModel;
  'email-refused': EmailRefusedModel;
  'audit-trail-broken': AuditTrailBrokenModel;
  invitation: InvitationModel;
}

export type EmailName = keyof EmailModels;
export const EMAIL_NAMES: readonly EmailName[] = ['reminder', 'escalation', 'overdue', 'supplement-reminder', 'digest', 'email-refused', 'audit-trail-broken', 'invitation'];

/** One message for one recipient. */
export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}
