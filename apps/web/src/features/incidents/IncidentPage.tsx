import { useParams } from 'react-router';
import { OutcomeBadge } from '../../components/OutcomeBadge.js';
import { QueryState } from '../../components/QueryState.js';
import { useI18n } from '../../i18n/i18n.js';
import { NoticesSummary } from '../notices/NoticesSummary.js';
import { TasksPanel } from '../tasks/TasksPanel.js';
import { ScreeningPanel } from '../tracks/ScreeningPanel.js';
import { AssessmentPanel } from './AssessmentPanel.js';
import { CorrectFactsForm } from './CorrectFactsForm.js';
import { FactsPanel } from './FactsPanel.js';
import { TimelinePanel } from './TimelinePanel.js';
import { TracksPanel } from './TracksPanel.js';
import { useIncident } from './use-incidents.js';

export function IncidentPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const incident = useIncident(id);
  return (
    <QueryState query={incident}>
      {(view) => (
        <>
          <p className="caption">
            {t.incident.reference} {view.reference} · {t.incidentStatus[view.status as 'open' | 'closed'] ?? view.status}
          </p>
          <h1>
            {view.title} {view.risk && <OutcomeBadge outcome={view.risk.outcome} />}
          </h1>
          {view.clocksSource === 'database' && <p className="notice">{t.incident.clocksFromDatabase}</p>}
          <div className="incident">
            <div className="incident__main">
              <ScreeningPanel incident={view} />
              <TracksPanel incident={view} />
              <NoticesSummary incident={view} />
              <TasksPanel incident={view} />
              <AssessmentPanel incident={view} />
              <FactsPanel incident={view} />
              <CorrectFactsForm incident={view} />
            </div>
            <div className="incident__side">
              <TimelinePanel incident={view} />
            </div>
          </div>
        </>
      )}
    </QueryState>
  );
}
