import type { DataSource, EntityManager } from 'typeorm';
import { appendAuditEntries, type AuditEntry } from './audit/audit-log.js';
import type { AuditSeal } from './audit/audit-seal.js';
import { AuditRepository } from './repositories/audit.repository.js';
import { ClockRepository } from './repositories/clock.repository.js';
import { FactsVersionRepository } from './repositories/facts-version.repository.js';
import { FilingRepository } from './repositories/filing.repository.js';
import { IncidentRepository } from './repositories/incident.repository.js';
import { NoticeDeliveryRepository } from './repositories/notice-delivery.repository.js';
import { NoticeRecipientRepository } from './repositories/notice-recipient.repository.js';
import { NoticeRepository } from './repositories/notice.repository.js';
import { NotificationRepository } from './repositories/notification.repository.js';
import { OrganisationRepository } from './repositories/organisation.repository.js';
import { ProposedDecisionRepository } from './repositories/proposed-decision.repository.js';
import { RiskRepository } from './repositories/risk.repository.js';
import { ScreeningRepository } from './repositories/screening.repository.js';
import { SessionRepository } from './repositories/session.repository.js';
import { SsoGroupRoleRepository } from './repositories/sso-group-role.repository.js';
import { TaskRepository } from './repositories/task.repository.js';
import { TrackDecisionRepository } from './repositories/track-decision.repository.js';
import { TrackExceptionRepository } from './repositories/track-exception.repository.js';
import { UserRepository } from './repositories/user.repository.js';
import { WorkflowOutboxRepository } from './repositories/workflow-outbox.repository.js';

/** Every repository, bound to one connection or one transaction. */
export class Repositories {
  readonly audit: AuditRepository;
  readonly clocks: ClockRepository;
  readonly facts: FactsVersionRepository;
  readonly filings: FilingRepository;
  readonly incidents: IncidentRepository;
  readonly notices: NoticeRepository;
  readonly deliveries: NoticeDeliveryRepository;
  readonly recipients: NoticeRecipientRepository;
  readonly notifications: NotificationRepository;
  readonly organisations: OrganisationRepository;
  readonly proposedDecisions: ProposedDecisionRepository;
  readonly risk: RiskRepository;
  readonly screenings: ScreeningRepository;
  readonly sessions: SessionRepository;
  readonly ssoGroupRoles: SsoGroupRoleRepository;
  readonly tasks: TaskRepository;
  readonly trackDecisions: TrackDecisionRepository;
  readonly trackExceptions: TrackExceptionRepository;
  readonly outbox: WorkflowOutboxRepository;
  readonly users: UserRepository;

  constructor(manager: EntityManager, auditSeal: AuditSeal, pendingAuditEvents?: AuditEntry[]) {
    this.audit = new AuditRepository(manager, auditSeal, pendingAuditEvents);
    this.clocks = new ClockRepository(manager);
    this.facts = new FactsVersionRepository(manager);
    this.filings = new FilingRepository(manager);
    this.incidents = new IncidentRepository(manager);
    this.notices = new NoticeRepository(manager);
    this.deliveries = new NoticeDeliveryRepository(manager);
    this.recipients = new NoticeRecipientRepository(manager);
    this.notifications = new NotificationRepository(manager);
    this.organisations = new OrganisationRepository(manager);
    this.proposedDecisions = new ProposedDecisionRepository(manager);
    this.risk = new RiskRepository(manager);
    this.screenings = new ScreeningRepository(manager);
    this.sessions = new SessionRepository(manager);
    this.ssoGroupRoles = new SsoGroupRoleRepository(manager);
    this.tasks = new TaskRepository(manager);
    this.trackDecisions = new TrackDecisionRepository(manager);
    this.trackExceptions = new TrackExceptionRepository(manager);
    this.outbox = new WorkflowOutboxRepository(manager);
    this.users = new UserRepository(manager);
  }
}

/**
 * The case file in PostgreSQL: the one way the use-cases reach the database. Reads go through
 * `read`; a change that must be whole (with its audit event) goes through `transaction`.
 */
export class CaseFile {
  readonly read: Repositories;

  constructor(
    private readonly dataSource: DataSource,
    private readonly auditSeal: AuditSeal,
  ) {
    this.read = new Repositories(dataSource.manager, auditSeal);
  }

  transaction<T>(work: (repositories: Repositories) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const auditEvents: AuditEntry[] = [];
      const result = await work(new Repositories(manager, this.auditSeal, auditEvents));
      await appendAuditEntries(manager, this.auditSeal, auditEvents);
      return result;
    });
  }

  /** Whether the database answers (for health checks). */
  async ping(): Promise<void> {
    await this.dataSource.query('SELECT 1');
  }
}
