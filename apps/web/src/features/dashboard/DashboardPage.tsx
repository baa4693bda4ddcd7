import { Link } from 'react-router';
import { Countdown } from '../../components/Countdown.js';
import { OutcomeBadge } from '../../components/OutcomeBadge.js';
import { QueryState } from '../../components/QueryState.js';
import { useI18n } from '../../i18n/i18n.js';
import { formatInstant } from '../../i18n/time.js';
import { APPROVER_ROLES, TRACK_CATALOGUE } from '../../rules/domain.js';
import { nearestDeadline, nextStepsFor, type NextStep } from '../incidents/next-steps.js';
import { useOpenIncidents } from '../incidents/use-incidents.js';
import { noticeName } from '../notices/notice-labels.js';
import { useNoticeApprovals } from '../notices/use-notices.js';
import { useMarkRead, useUnreadNotifications } from '../notifications/use-notifications.js';
import { useCurrentPerson, useOrganisationTimeZone } from '../organisation/use-organisation.js';

export function DashboardPage() {
  const { t } = useI18n();
  const incidents = useOpenIncidents();
  return (
    <>
      <h1>{t.dashboard.title}</h1>
      <div className="dashboard">
        <section aria-labelledby="open-incidents" className="dashboard__incidents">
          <h2 id="open-incidents">{t.dashboard.openIncidents}</h2>
          <QueryState query={incidents}>
            {(items) =>
              items.length === 0 ? (
                <p>{t.dashboard.noOpenIncidents}</p>
              ) : (
                <ul className="cards">
                  {[...items]
                    .sort((a, b) => (nearestDeadline(a) ?? '9999').localeCompare(nearestDeadline(b) ?? '9999'))
                    .map((incident) => {
                      const deadline = nearestDeadline(incident);
                      return (
                        <li key={incident.id} className="card">
                          <h3 className="card__title">
                            <Link to={`/incidents/${incident.id}`}>{incident.title}</Link>
                          </h3>
                          <p className="card__meta">
                            {incident.reference} {incident.risk && <OutcomeBadge outcome={incident.risk.outcome} />}
                          </p>
                          <p>
                            <span className="label-inline">{t.dashboard.nearestDeadline}: </span>
                            {deadline ? <Countdown deadline={deadline} /> : t.dashboard.noDeadline}
                          </p>
                        </li>
                      );
                    })}
                </ul>
              )
            }
          </QueryState>
        </section>
        <div className="dashboard__side">
          <WaitingForMe />
          <UnreadNotifications />
        </div>
      </div>
    </>
  );
}

function WaitingForMe() {
  const { t, language } = useI18n();
  const person = useCurrentPerson();
  const incidents = useOpenIncidents();
  // Notices awaiting approval and exceptions awaiting a decision, for whoever may decide them (not their own).
  const approver = APPROVER_ROLES.includes(person.role);
  const noticeApprovals = useNoticeApprovals(approver);
  const notices = (noticeApprovals.data?.notices ?? []).filter(({ notice }) => notice.lastEditorId !== person.id);
  const exceptions = (noticeApprovals.data?.exceptions ?? []).filter(({ exception }) => exception.proposedBy !== person.id);
  const describe = (step: NextStep) => {
    const track = TRACK_CATALOGUE[step.track].label[language];
    const text = { screen: t.dashboard.toScreen, draft: t.dashboard.toDraft, 'finish-draft': t.dashboard.draftToFinish, approve: t.dashboard.approvalToGive, record: t.dashboard.toRecord }[step.kind];
    return text(track, step.incident.reference);
  };
  return (
    <section aria-labelledby="waiting-for-me">
      <h2 id="waiting-for-me">{t.dashboard.waitingForMe}</h2>
      <QueryState query={incidents}>
        {(items) => {
          const steps = nextStepsFor(person, items);
          if (steps.length === 0 && notices.length === 0 && exceptions.length === 0) return <p>{t.dashboard.nothingWaiting}</p>;
          return (
            <ul className="list">
              {notices.map(({ incident, notice }) => (
                <li key={notice.id}>
                  <Link to={`/notices/${notice.id}`}>{t.dashboard.noticeToApprove(noticeName(t, notice), incident.reference)}</Link>
                </li>
              ))}
              {exceptions.map(({ incident, exception }) => (
                <li key={exception.id}>
                  <Link to={`/incidents/${incident.id}/notices#exception`}>{t.dashboard.exceptionToDecide(exception.ground, incident.reference)}</Link>
                </li>
              ))}
              {steps.map((step) => (
                <li key={`${step.incident.id}:${step.track}:${step.kind}:${step.filingId ?? ''}`}>
                  <Link to={step.filingId ? `/filings/${step.filingId}` : `/incidents/${step.incident.id}${step.kind === 'screen' ? '#screening' : ''}`}>{describe(step)}</Link>
                  {step.deadline && (
                    <div>
                      <Countdown deadline={step.deadline} compact />
                    </div>
                  )}
                </li>
              ))}
            </ul>
          );
        }}
      </QueryState>
    </section>
  );
}

function UnreadNotifications() {
  const { t, language } = useI18n();
  const timeZone = useOrganisationTimeZone();
  const notifications = useUnreadNotifications();
  const markRead = useMarkRead();
  return (
    <section aria-labelledby="notifications">
      <h2 id="notifications">{t.dashboard.notifications}</h2>
      <QueryState query={notifications}>
        {({ items }) =>
          items.length === 0 ? (
            <p>{t.dashboard.noNotifications}</p>
          ) : (
            <ul className="list">
              {items.map((notification) => (
                <li key={notification.id}>
                  <p className="list__title">{notification.title}</p>
                  <p className="hint">{formatInstant(notification.createdAt, language, timeZone)}</p>
                  <p className="actions">
                    {notification.incidentId && <Link to={`/incidents/${notification.incidentId}`}>{t.dashboard.openIncident}</Link>}
                    <button type="button" className="button button--secondary button--compact" onClick={() => markRead.mutate(notification.id)}>
                      {t.dashboard.markRead}
                      <span className="visually-hidden">: {notification.title}</span>
                    </button>
                  </p>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </section>
  );
}
