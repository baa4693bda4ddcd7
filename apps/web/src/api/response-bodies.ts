// What the API answers, typed by the very types its use-cases return (type-only imports: none of
// this code reaches the bundle). The OpenAPI document describes paths, parameters and request
// bodies; these fill in the JSON bodies of its successful answers, path by path, so a changed
// endpoint or a changed answer fails the typecheck.
import type { BrowserSessionView } from '../../../api/src/auth/session.controller.js';
import type { SignInMethods } from '../../../api/src/auth/single-sign-on.controller.js';
import type { SsoGroupLine } from '../../../../libs/application/src/organisation/sso-group-mapping.js';
import type { FactsVersionView } from '../../../../libs/application/src/incidents/facts-version-view.js';
import type { FilingView } from '../../../../libs/application/src/filings/filing-view.js';
import type { IncidentSummaryView, IncidentView } from '../../../../libs/application/src/incidents/incident-view.js';
import type { NotificationView } from '../../../../libs/application/src/notifications/notification-inbox.js';
import type { ProposedDecisionView } from '../../../../libs/application/src/decisions/proposed-decision-view.js';
import type { ExceptionView } from '../../../../libs/application/src/notices/art34-exceptions.js';
import type { RecipientImportReport } from '../../../../libs/application/src/notices/import-recipients.js';
import type { DeliveryView } from '../../../../libs/application/src/notices/notice-sending.js';
import type { NoticeView } from '../../../../libs/application/src/notices/notice-view.js';
import type { RecipientView } from '../../../../libs/application/src/notices/recipient-list.js';
import type { DeliveryCounts } from '../../../../libs/persistence/src/repositories/notice-delivery.repository.js';
import type { TimelineEntry } from '../../../../libs/application/src/incidents/incident-timeline.js';
import type { OrganisationUserView, OrganisationView } from '../../../../libs/application/src/organisation/organisation-settings.js';
import type { TaskView } from '../../../../libs/application/src/tracks/track-tasks.js';
import type { UserAccountView } from '../../../../libs/application/src/users/user-account-view.js';
import type { SentPasswordLink } from '../../../../libs/application/src/users/user-accounts.js';
import type { Assessment } from '../../../../libs/domain/src/risk/assessment.js';
import type { AssessmentHistoryEntry } from '../../../../libs/persistence/src/risk/risk-picture-view.js';
import type { RegisterEntry } from '../../../../libs/domain/src/register/register-entry.js';
import type { paths } from './openapi.generated.js';

export type { Assessment, AssessmentHistoryEntry, FactsVersionView, BrowserSessionView, FilingView, IncidentSummaryView, IncidentView, NotificationView, OrganisationUserView, OrganisationView, RegisterEntry, TaskView, TimelineEntry, UserAccountView };
export type { SentPasswordLink };
export type { ProposedDecisionView };
export type { SignInMethods, SsoGroupLine };
export type { DeliveryCounts, DeliveryView, ExceptionView, NoticeView, RecipientImportReport, RecipientView };
export type TrackView = IncidentView['tracks'][number];
export type DeliveriesPage = { counts: DeliveryCounts; items: DeliveryView[]; limit: number; offset: number };

export interface ResponseBodies {
  '/api/auth/session': { get: BrowserSessionView; post: BrowserSessionView };
  '/api/auth/set-password': { post: { email: string } };
  '/api/auth/logout-everywhere': { post: { sessionsEnded: number } };
  '/api/auth/methods': { get: SignInMethods };
  '/api/incidents': { get: { items: IncidentSummaryView[]; total: number; limit: number; offset: number }; post: IncidentView };
  '/api/incidents/{id}': { get: IncidentView };
  '/api/incidents/{id}/facts': { patch: IncidentView };
  '/api/incidents/{id}/assessments': { get: { items: AssessmentHistoryEntry[] } };
  '/api/incidents/{id}/facts-versions': { get: { items: FactsVersionView[] } };
  '/api/incidents/{id}/assessment/override': { post: IncidentView };
  '/api/incidents/{id}/timeline': { get: { items: TimelineEntry[] } };
  '/api/incidents/{id}/tracks/{kind}/screening': { post: IncidentView };
  '/api/incidents/{id}/tracks/{kind}/not-required': { post: IncidentView };
  '/api/incidents/{id}/decisions': { get: { items: ProposedDecisionView[] } };
  '/api/incidents/{id}/decisions/{decisionId}/approve': { post: ProposedDecisionView };
  '/api/incidents/{id}/decisions/{decisionId}/reject': { post: ProposedDecisionView };
  '/api/incidents/{id}/tracks/{kind}/intermediate-request': { post: IncidentView };
  '/api/incidents/{id}/tracks/{kind}/handled': { post: IncidentView };
  '/api/incidents/{id}/close': { post: IncidentView };
  '/api/incidents/{id}/tasks': { get: { items: TaskView[] }; post: TaskView };
  '/api/incidents/{id}/tasks/{taskId}': { patch: TaskView };
  '/api/incidents/{id}/tasks/{taskId}/complete': { post: TaskView };
  '/api/incidents/{id}/filings': { post: FilingView };
  '/api/filings/{id}': { get: FilingView };
  '/api/filings/{id}/render': { post: FilingView };
  '/api/filings/{id}/submit': { post: FilingView };
  '/api/filings/{id}/approve': { post: FilingView };
  '/api/filings/{id}/reject': { post: FilingView };
  '/api/filings/{id}/record': { post: FilingView };
  '/api/filings/{id}/reference': { post: FilingView };
  '/api/risk/assess': { post: Assessment };
  '/api/register': { get: RegisterEntry[] };
  '/api/notifications': { get: { items: NotificationView[] } };
  '/api/organisation': { get: OrganisationView; patch: OrganisationView };
  '/api/organisation/users': { get: { items: OrganisationUserView[] } };
  '/api/users': { get: UserAccountView[]; post: { user: UserAccountView; invitation: { expiresAt: string } } };
  '/api/users/{id}': { patch: UserAccountView };
  '/api/organisation/sso-groups': { get: { groups: SsoGroupLine[] }; put: { groups: SsoGroupLine[] } };
  '/api/users/{id}/invitation': { post: SentPasswordLink };
  '/api/incidents/{id}/recipients': { get: { items: RecipientView[]; total: number; limit: number; offset: number }; post: RecipientImportReport };
  '/api/incidents/{id}/notices': { get: { items: NoticeView[] }; post: NoticeView };
  '/api/notices/{id}': { get: NoticeView; patch: NoticeView };
  '/api/notices/{id}/submit': { post: NoticeView };
  '/api/notices/{id}/approve': { post: NoticeView };
  '/api/notices/{id}/reject': { post: NoticeView };
  '/api/notices/{id}/send': { post: NoticeView };
  '/api/notices/{id}/pause': { post: NoticeView };
  '/api/notices/{id}/resume': { post: NoticeView };
  '/api/notices/{id}/cancel': { post: NoticeView };
  '/api/notices/{id}/retry-failed': { post: NoticeView };
  '/api/notices/{id}/deliveries': { get: DeliveriesPage };
  '/api/incidents/{id}/tracks/gdpr-art34/exception': { post: ExceptionView };
  '/api/incidents/{id}/tracks/gdpr-art34/exceptions': { get: { items: ExceptionView[] } };
  '/api/incidents/{id}/tracks/gdpr-art34/exception/{exceptionId}/approve': { post: ExceptionView };
  '/api/incidents/{id}/tracks/gdpr-art34/exception/{exceptionId}/reject': { post: ExceptionView };
}

// A path named here that the OpenAPI document no longer has is an error, naming the path.
type UnknownPaths = Exclude<keyof ResponseBodies, keyof paths>;
export const everyTypedPathExists: [UnknownPaths] extends [never] ? true : UnknownPaths = true;

type SuccessStatus = 200 | 201 | 202;
type WithJsonBody<Operation, Body> = Operation extends { responses: infer Responses }
  ? Omit<Operation, 'responses'> & {
      responses: { [Status in keyof Responses]: Status extends SuccessStatus ? { headers: Record<string, unknown>; content: { 'application/json': Body } } : Responses[Status] };
    }
  : Operation;

/** The OpenAPI paths with the JSON answers filled in. */
export type ApiPaths = {
  [Path in keyof paths]: Path extends keyof ResponseBodies
    ? { [Method in keyof paths[Path]]: Method extends keyof ResponseBodies[Path] ? WithJsonBody<paths[Path][Method], ResponseBodies[Path][Method]> : paths[Path][Method] }
    : paths[Path];
};
