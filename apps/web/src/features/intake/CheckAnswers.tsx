import { Link } from 'react-router';
import { useI18n } from '../../i18n/i18n.js';
import type { IntakeDraft, StepId } from './intake-draft.js';
import { useIntakeOptions } from './intake-options.js';

/** Every answer on one page, each with a link back to the question that asked it. */
export function CheckAnswers({ draft, steps }: { draft: IntakeDraft; steps: StepId[] }) {
  const { t } = useI18n();
  const q = t.intake;
  const options = useIntakeOptions();
  const label = <V extends string>(list: ReadonlyArray<{ value: V; label: string }>, value: V | undefined) => list.find((option) => option.value === value)?.label ?? '–';
  const labels = <V extends string>(list: ReadonlyArray<{ value: V; label: string }>, values: readonly V[]) => values.map((value) => label(list, value)).join(', ') || '–';
  const yesNo = (value: boolean | undefined) => (value === undefined ? '–' : value ? t.form.yes : t.form.no);
  const answers: Array<{ step: StepId; question: string; answer: string }> = [
    { step: 'describe', question: q.describe.titleLabel, answer: draft.title },
    { step: 'describe', question: q.describe.summaryLabel, answer: draft.summary },
    { step: 'kind', question: q.kind.title, answer: labels(options.kinds, draft.kinds) },
    { step: 'kind', question: q.kind.maliciousLabel, answer: yesNo(draft.malicious) },
    { step: 'recipients', question: q.recipients.title, answer: label(options.exposure, draft.exposure) },
    { step: 'recipients', question: q.recipients.trustedLabel, answer: yesNo(draft.recipientsTrusted) },
    { step: 'data', question: q.data.categoriesLabel, answer: labels(options.dataCategories, draft.dataCategories) },
    { step: 'data', question: q.data.identifiabilityLabel, answer: label(options.identifiability, draft.identifiability) },
    { step: 'protection', question: q.protection.title, answer: label(options.protection, draft.protection) },
    { step: 'subjects', question: q.subjects.countLabel, answer: draft.approxCount },
    { step: 'subjects', question: q.subjects.categoriesLabel, answer: labels(options.subjectCategories, draft.subjectCategories) },
    { step: 'care', question: q.care.title, answer: label(options.careImpact, draft.careImpact) },
    { step: 'role', question: q.role.title, answer: label(options.ourRole, draft.ourRole) },
    { step: 'when', question: q.when.discoveredLabel, answer: draft.discoveredAt.replace('T', ' ') },
    { step: 'when', question: q.when.awareLabel, answer: draft.awareAt.replace('T', ' ') },
  ];
  const rows = answers.filter((row) => steps.includes(row.step));
  return (
    <>
      <h1>{q.checkTitle}</h1>
      <dl className="summary-list">
        {rows.map((row, index) => (
          <div className="summary-list__row" key={index}>
            <dt>{row.question}</dt>
            <dd>{row.answer}</dd>
            <dd>
              <Link to={`/incidents/new/${row.step}`}>
                {q.change}
                <span className="visually-hidden"> {row.question}</span>
              </Link>
            </dd>
          </div>
        ))}
      </dl>
    </>
  );
}
