import { Link } from 'react-router';
import type { IncidentView, ProposedDecisionView } from '../../api/response-bodies.js';
import { Countdown } from '../../components/Countdown.js';
import { QueryState } from '../../components/QueryState.js';
import { useI18n } from '../../i18n/i18n.js';
import { TRACK_CATALOGUE } from '../../rules/domain.js';
import { useCurrentUser } from '../auth/session.js';
import { noticeName } from '../notices/notice-labels.js';
import { useOpenIncidents } from '../incidents/use-incidents.js';
import { useNoticeApprovals } from '../notices/use-notices.js';
import { useAwaitingApproval } from './use-filings.js';

/**
 * The approvals inbox: every report awaiting approval, soonest deadline first; then the notices to
 * the people affected awaiting approval, the decisions not to notify (a track not required, a
 * lower risk outcome) awaiting their second approval, and the Art. 34(3) exceptions. One's
 * own revisions and proposals are marked, not offered.
 */
export function ApprovalsPage() {
  const { t } = useI18n();
  const waiting = useAwaitingApproval();
  const notices = useNoticeApprovals();
  const incidents = useOpenIncidents();
  const decisions = (incidents.data ?? []).flatMap((incident) => incident.pendingDecisions.map((decision) => ({ incident, decision })));
  return (
    <>
      <h1>{t.approvals.title}</h1>
      <p className="lead">{t.approvals.intro}</p>
      <QueryState query={waiting}>
        {(reports) => (
          <QueryState query={notices}>
            {(other) =>
              reports.length + other.notices.length + other.exceptions.length + decisions.length === 0 ? (
                <p>{t.approvals.empty}</p>
              ) : (
                <ul className="cards">
                  <ReportCards items={reports} />
                  <DecisionCards items={decisions} />
                  <NoticeCards {...other} />
                </ul>
              )
            }
          </QueryState>
        )}
      </QueryState>
    </>
  );
}

function ReportCards({ items }: { items: NonNullable<ReturnType<typeof useAwaitingApproval>['data']> }) {
  const { t, language } = useI18n();
  const user = useCurrentUser();
  return (
    <>
      {[...items]
        .sort((a, b) => (a.filing.document.deadline ?? '9999').localeCompare(b.filing.document.deadline ?? '9999'))
        .map(({ incident, filing }) => (
          <li key={filing.id} className="card">
            <h2 className="card__title">
              {TRACK_CATALOGUE[filing.track].label[language]}: {incident.title}
            </h2>
            <p className="card__meta">
              {incident.reference} · {t.filing.revision(filing.revision)}
            </p>
            {filing.document.deadline && (
              <p>
                <Countdown deadline={filing.document.deadline} />
              </p>
            )}
            <p>
              {filing.lastEditorId === user.id ? (
                <span>{t.approvals.ownRevision}</span>
              ) : (
                <Link className="button" to={`/filings/${filing.id}`}>
                  {t.approvals.review}
                  <span className="visually-hidden">: {incident.title}</span>
                </Link>
              )}
            </p>
          </li>
        ))}
    </>
  );
}

function NoticeCards({ notices, exceptions }: NonNullable<ReturnType<typeof useNoticeApprovals>['data']>) {
  const { t } = useI18n();
  const user = useCurrentUser();
  return (
    <>
      {notices.map(({ incident, notice }) => (
        <li key={notice.id} className="card" data-notice={notice.id}>
          <h2 className="card__title">
            {t.approvals.noticesTitle}: {incident.title}
          </h2>
          <p className="card__meta">
            {incident.reference} · {noticeName(t, notice)} · {t.filing.revision(notice.revision)}
          </p>
          <p>
            {notice.lastEditorId === user.id ? (
              <span>{t.approvals.ownRevision}</span>
            ) : (
              <Link className="button" to={`/notices/${notice.id}`}>
                {t.approvals.review}
                <span className="visually-hidden">
                  : {noticeName(t, notice)}, {incident.title}
                </span>
              </Link>
            )}
          </p>
        </li>
      ))}
      {exceptions.map(({ incident, exception }) => (
        <li key={exception.id} className="card" data-exception={exception.id}>
          <h2 className="card__title">{t.approvals.exceptionTitle(exception.ground, incident.title)}</h2>
          <p className="card__meta">{incident.reference}</p>
          <DecideOrOwnProposal proposedBy={exception.proposedBy} to={`/incidents/${incident.id}/notices#exception`} incidentTitle={incident.title} />
        </li>
      ))}
    </>
  );
}

function DecisionCards({ items }: { items: Array<{ incident: IncidentView; decision: ProposedDecisionView }> }) {
  const { t, language } = useI18n();
  return (
    <>
      {items.map(({ incident, decision }) => (
        <li key={decision.id} className="card" data-pending-decision={decision.id}>
          <h2 className="card__title">
            {decision.track
              ? t.decisions.inboxNotRequired(TRACK_CATALOGUE[decision.track].label[language], incident.title)
              : t.decisions.inboxLowering(t.outcome[decision.outcome ?? 'risk'], incident.title)}
          </h2>
          <p className="card__meta">
            {incident.reference} · {t.decisions.pending}
          </p>
          <DecideOrOwnProposal proposedBy={decision.proposedBy} to={`/incidents/${incident.id}#${decision.track ? `track-${decision.track}` : 'assessment'}`} incidentTitle={incident.title} />
        </li>
      ))}
    </>
  );
}

/** A proposal awaits someone other than its author (four eyes): the link to decide it, or why it is not offered. */
function DecideOrOwnProposal({ proposedBy, to, incidentTitle }: { proposedBy: string; to: string; incidentTitle: string }) {
  const { t } = useI18n();
  const user = useCurrentUser();
  return (
    <p>
      {proposedBy === user.id ? (
        <span>{t.approvals.ownProposal}</span>
      ) : (
        <Link className="button" to={to}>
          {t.approvals.decide}
          <span className="visually-hidden">: {incidentTitle}</span>
        </Link>
      )}
    </p>
  );
}
