import { OutcomeBadge } from '../../components/OutcomeBadge.js';
import { useI18n } from '../../i18n/i18n.js';
import type { IntakeDraft } from './intake-draft.js';
import { useLiveAssessment } from './use-live-assessment.js';

/** The assessment beside the answers, read out politely as it changes. */
export function AssessmentPreview({ draft }: { draft: IntakeDraft }) {
  const { t, language } = useI18n();
  const assessment = useLiveAssessment(draft);
  return (
    <aside className="assessment-preview" aria-labelledby="live-assessment">
      <h2 id="live-assessment">{t.intake.assessmentTitle}</h2>
      <div aria-live="polite">
        {!assessment.data ? (
          <p className="hint">{t.intake.assessmentPending}</p>
        ) : (
          <>
            <p>
              <OutcomeBadge outcome={assessment.data.outcome} /> {assessment.isFetching && <span className="hint">{t.intake.assessmentUpdating}</span>}
            </p>
            <p>{t.outcomeExplained[assessment.data.outcome]}</p>
            <p className="hint">{t.assessment.severity(assessment.data.severity.score.toFixed(2), t.band[assessment.data.severity.band])}</p>
            <details>
              <summary>{t.assessment.rationale}</summary>
              <p>{assessment.data.rationale[language]}</p>
            </details>
          </>
        )}
      </div>
    </aside>
  );
}
