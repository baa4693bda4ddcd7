import { InitialSchema1764000000000 } from './1764000000000-initial-schema.js';
import { RiskAssessments1764100000000 } from './1764100000000-risk-assessments.js';
import { Filings1764200000000 } from './1764200000000-filings.js';
import { TrackCatalogue1764300000000 } from './1764300000000-track-catalogue.js';
import { ImyReport1764400000000 } from './1764400000000-imy-report.js';
import { ScreenedTracks1764500000000 } from './1764500000000-screened-tracks.js';
import { Notices1764600000000 } from './1764600000000-notices.js';
import { WorkflowOutbox1764700000000 } from './1764700000000-workflow-outbox.js';
import { RefusedEmails1764800000000 } from './1764800000000-refused-emails.js';
import { ProposedDecisions1764906000000 } from './1764906000000-proposed-decisions.js';
import { UserAccounts1764910000000 } from './1764910000000-user-accounts.js';
import { RevocableSessions1764940000000 } from './1764940000000-revocable-sessions.js';
import { AuditSealAndRuntimeRole1764950000000 } from './1764950000000-audit-seal-and-runtime-role.js';
import { RecipientImportSpeed1764955000000 } from './1764955000000-recipient-import-speed.js';
import { SingleSignOn1764960000000 } from './1764960000000-single-sign-on.js';
import { PasswordLinkPurposes1764965000000 } from './1764965000000-password-link-purposes.js';

/** Every migration in order; listed explicitly so bundled and compiled builds find them alike. */
export const migrations = [InitialSchema1764000000000, RiskAssessments1764100000000, Filings1764200000000, TrackCatalogue1764300000000, ImyReport1764400000000, ScreenedTracks1764500000000, Notices1764600000000, WorkflowOutbox1764700000000, RefusedEmails1764800000000, ProposedDecisions1764906000000, UserAccounts1764910000000, RevocableSessions1764940000000, AuditSealAndRuntimeRole1764950000000, RecipientImportSpeed1764955000000, SingleSignOn1764960000000, PasswordLinkPurposes1764965000000];
