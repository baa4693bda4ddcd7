import { AuditEvent } from './audit-event.entity.js';
import { DeadlineClock } from './deadline-clock.entity.js';
import { Filing } from './filing.entity.js';
import { FilingReview } from './filing-review.entity.js';
import { IdempotencyKey } from './idempotency-key.entity.js';
import { IncidentFactsVersion } from './incident-facts-version.entity.js';
import { Incident } from './incident.entity.js';
import { Notification } from './notification.entity.js';
import { Organisation } from './organisation.entity.js';
import { PasswordLink } from './password-link.entity.js';
import { Reminder } from './reminder.entity.js';
import { RiskAssessment } from './risk-assessment.entity.js';
import { RiskOverride } from './risk-override.entity.js';
import { Notice } from './notice.entity.js';
import { NoticeDelivery } from './notice-delivery.entity.js';
import { NoticeRecipient } from './notice-recipient.entity.js';
import { NoticeReview } from './notice-review.entity.js';
import { TrackDecision } from './track-decision.entity.js';
import { TrackException } from './track-exception.entity.js';
import { ProposedDecision } from './proposed-decision.entity.js';
import { TrackScreening } from './track-screening.entity.js';
import { TrackTask } from './track-task.entity.js';
import { User } from './user.entity.js';
import { Session } from './session.entity.js';
import { RefreshToken } from './refresh-token.entity.js';

export { AuditEvent, DeadlineClock, Filing, FilingReview, IdempotencyKey, Notice, NoticeDelivery, NoticeRecipient, NoticeReview, Notification, ProposedDecision, TrackDecision, TrackException, TrackScreening, TrackTask, Incident, IncidentFactsVersion, Organisation, PasswordLink, Reminder, RiskAssessment, RiskOverride, User, Session, RefreshToken };

export const entities = [AuditEvent, DeadlineClock, Filing, FilingReview, IdempotencyKey, Notice, NoticeDelivery, NoticeRecipient, NoticeReview, Notification, ProposedDecision, TrackDecision, TrackException, TrackScreening, TrackTask, Incident, IncidentFactsVersion, Organisation, PasswordLink, Reminder, RiskAssessment, RiskOverride, User, Session, RefreshToken];
