import type { IncidentView } from '../../api/response-bodies.js';
import { OutcomeBadge } from '../../components/OutcomeBadge.js';
import { QueryState } from '../../components/QueryState.js';
import { useI18n } from '../../i18n/i18n.js';
import { formatInstant } from '../../i18n/time.js';
import { useOrganisationTimeZone } from '../organisation/use-organisation.js';
import { useAssessmentHistory } from './use-incidents.js';

/** The current facts, and every earlier version with when it was assessed and how. */
export function FactsPanel({ incident }: { incident: IncidentView }) {
  const { t, language } = useI18n();
  const timeZone = useOrganisationTimeZone();
  const history = useAssessmentHistory(incident.id);
  const facts = incident.facts;
  const rows = [
    { term: t.incident.summary, value: facts.summary },
    ...(facts.cause ? [{ term: t.incident.causeLabel, value: t.incident.cause[facts.cause] }] : []),
    ...(facts.subjects ? [{ term: t.incident.subjectsCount, value: String(facts.subjects.approxCount) }] : []),
    { term: t.incident.ourRole, value: facts.ourRole === 'processor' ? t.intake.role.processor : t.intake.role.controller },
    ...(facts.likelyConsequences ? [{ term: t.incident.likelyConsequences, value: facts.likelyConsequences }] : []),
    ...(facts.measures ? [{ term: t.incident.measures, value: facts.measures }] : []),
  ];
  return (
    <section aria-labelledby="facts">
      <h2 id="facts">
        {t.incident.facts} <span className="caption">{t.incident.factsVersion(incident.factsVersion)}</span>
      </h2>
      <dl className="summary-list">
        {rows.map((row) => (
          <div className="summary-list__row" key={row.term}>
            <dt>{row.term}</dt>
            <dd>{row.value}</dd>
          </div>
        ))}
      </dl>
      <h3>{t.incident.versions}</h3>
      <QueryState query={history}>
        {({ items }) => (
          <ul className="list">
            {items.map((entry) => (
              <li key={entry.id}>
                {t.incident.versionLine(entry.factsVersion, formatInstant(entry.assessedAt, language, timeZone))} <OutcomeBadge outcome={entry.computed.outcome} />
                {entry.overrides.map((override) => (
                  <p key={override.id} className="hint">
                    {t.assessment.overridden(t.outcome[override.outcome])} — {override.justification}
                  </p>
                ))}
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </section>
  );
}
