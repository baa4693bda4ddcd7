import type { IncidentView } from '../../api/response-bodies.js';
import { OutcomeBadge } from '../../components/OutcomeBadge.js';
import { QueryState } from '../../components/QueryState.js';
import { useI18n } from '../../i18n/i18n.js';
import { formatInstant } from '../../i18n/time.js';
import { useOrganisationTimeZone } from '../organisation/use-organisation.js';
import { useFactLabel } from './fact-labels.js';
import { useAssessmentHistory, useFactsVersions } from './use-incidents.js';

/** The current facts, and every version: what changed, who recorded it, why, and how it was assessed. */
export function FactsPanel({ incident }: { incident: IncidentView }) {
  const { t, language } = useI18n();
  const timeZone = useOrganisationTimeZone();
  const versions = useFactsVersions(incident.id);
  const assessments = useAssessmentHistory(incident.id);
  const factLabel = useFactLabel();
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
      <QueryState query={versions}>
        {({ items }) => (
          <ol className="list" reversed>
            {items.map((entry) => {
              const assessed = assessments.data?.items.find((assessment) => assessment.factsVersion === entry.version);
              return (
                <li key={entry.version}>
                  <p className="list__title">{t.incident.versionBy(entry.version, formatInstant(entry.recordedAt, language, timeZone), entry.recordedBy.name ?? t.incident.someone)}</p>
                  <p>
                    {t.incident.versionChanged}: {entry.changed.map((key) => factLabel(key)).join(', ')}
                  </p>
                  {entry.reason && (
                    <p>
                      {t.incident.versionReason}: {entry.reason}
                    </p>
                  )}
                  {assessed && (
                    <p>
                      {t.incident.versionAssessed}: <OutcomeBadge outcome={assessed.computed.outcome} />
                      {assessed.overrides.map((override) => (
                        <span key={override.id} className="hint">
                          {' '}
                          {t.assessment.overridden(t.outcome[override.outcome])} — {override.justification}
                        </span>
                      ))}
                    </p>
                  )}
                </li>
              );
            })}
          </ol>
        )}
      </QueryState>
    </section>
  );
}
