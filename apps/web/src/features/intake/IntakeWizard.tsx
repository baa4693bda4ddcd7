import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { CheckboxGroup, RadioGroup, SelectField, TextArea, TextField, YesNo } from '../../components/fields.js';
import { errorFor, formErrorsOf, type FormError } from '../../components/form-errors.js';
import { useI18n } from '../../i18n/i18n.js';
import { useOrganisationTimeZone } from '../organisation/use-organisation.js';
import { useCreateIncident } from '../incidents/use-incidents.js';
import { AssessmentPreview } from './AssessmentPreview.js';
import { CheckAnswers } from './CheckAnswers.js';
import { createBodyOf, emptyDraft, stepErrors, stepsFor, STEP_IDS, type IntakeDraft, type StepId } from './intake-draft.js';
import { useIntakeOptions } from './intake-options.js';

const STORAGE_KEY = 'breachflow.intake';

/** The draft survives a reload of the tab (sessionStorage), never leaves the browser before "create". */
function useStoredDraft(): [IntakeDraft, (change: Partial<IntakeDraft>) => void, () => void] {
  const [draft, setDraft] = useState<IntakeDraft>(() => {
    const stored = window.sessionStorage.getItem(STORAGE_KEY);
    return stored ? { ...emptyDraft(), ...(JSON.parse(stored) as IntakeDraft) } : emptyDraft();
  });
  useEffect(() => window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(draft)), [draft]);
  const update = (change: Partial<IntakeDraft>) => setDraft((current) => ({ ...current, ...change }));
  const reset = () => {
    window.sessionStorage.removeItem(STORAGE_KEY);
    setDraft(emptyDraft());
  };
  return [draft, update, reset];
}

/**
 * The guided intake: one question per page in plain language with the EDPB's guidance as hints,
 * the live assessment beside it, then a check of every answer and one POST with an
 * Idempotency-Key fixed for this draft, so a double click or a retry creates one incident.
 */
export function IntakeWizard() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const timeZone = useOrganisationTimeZone();
  const params = useParams();
  const [draft, update, reset] = useStoredDraft();
  const [errors, setErrors] = useState<FormError[]>([]);
  const create = useCreateIncident();
  const steps = stepsFor(draft);
  const step: StepId = STEP_IDS.includes(params.step as StepId) && steps.includes(params.step as StepId) ? (params.step as StepId) : steps[0];
  const index = steps.indexOf(step);

  useEffect(() => setErrors([]), [step]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = stepErrors(step, draft, t);
    setErrors(problems);
    if (problems.length) return;
    if (step !== 'check') {
      void navigate(`/incidents/new/${steps[index + 1]}`);
      return;
    }
    create.mutate(
      { body: createBodyOf(draft, timeZone), idempotencyKey: draft.idempotencyKey },
      {
        onSuccess: (incident) => {
          reset();
          void navigate(`/incidents/${incident.id}`);
        },
        onError: (error) => setErrors(formErrorsOf(error, t.app.loadFailed)),
      },
    );
  };

  return (
    <div className="intake">
      <div className="intake__form">
        {index > 0 && (
          <p>
            <Link to={`/incidents/new/${steps[index - 1]}`} className="back-link">
              {t.app.back}
            </Link>
          </p>
        )}
        <p className="caption">
          {t.intake.title} · {t.intake.stepOf(index + 1, steps.length)}
        </p>
        <ErrorSummary errors={errors} knownFields={KNOWN_FIELDS} />
        <form onSubmit={submit} noValidate>
          <StepQuestions step={step} draft={draft} update={update} errors={errors} />
          {step === 'check' && <p className="hint">{t.intake.createHint}</p>}
          <button type="submit" className="button" disabled={create.isPending}>
            {step === 'check' ? (create.isPending ? t.form.sending : t.intake.create) : t.form.continue}
          </button>
        </form>
      </div>
      <AssessmentPreview draft={draft} />
    </div>
  );
}

const KNOWN_FIELDS = ['title', 'summary', 'kinds', 'breach.malicious', 'breach.confidentiality.exposure', 'data.categories', 'data.identifiability', 'data.protection', 'subjects.approxCount', 'subjects.categories', 'careImpact', 'affectedControllers', 'occurredAt', 'discoveredAt', 'awareAt'];

function Page({ title, hint, children }: { title: string; hint?: string; children: ReactNode }) {
  return (
    <>
      <h1>{title}</h1>
      {hint && <p className="lead">{hint}</p>}
      {children}
    </>
  );
}

function StepQuestions({ step, draft, update, errors }: { step: StepId; draft: IntakeDraft; update: (change: Partial<IntakeDraft>) => void; errors: FormError[] }) {
  const { t } = useI18n();
  const q = t.intake;
  const options = useIntakeOptions();
  const error = (field: string) => errorFor(errors, field);
  switch (step) {
    case 'describe':
      return (
        <Page title={q.describe.title} hint={q.describe.hint}>
          <TextField name="title" label={q.describe.titleLabel} hint={q.describe.titleHint} value={draft.title} onChange={(title) => update({ title })} error={error('title')} />
          <TextArea name="summary" label={q.describe.summaryLabel} hint={q.describe.summaryHint} value={draft.summary} onChange={(summary) => update({ summary })} error={error('summary')} />
        </Page>
      );
    case 'kind':
      return (
        <Page title={q.kind.title}>
          <CheckboxGroup name="kinds" label={q.kind.title} hint={q.kind.hint} values={draft.kinds} options={options.kinds} onChange={(kinds) => update({ kinds })} error={error('kinds')} />
          <YesNo name="breach.malicious" label={q.kind.maliciousLabel} hint={q.kind.maliciousHint} value={draft.malicious} onChange={(malicious) => update({ malicious })} error={error('breach.malicious')} />
        </Page>
      );
    case 'recipients':
      return (
        <Page title={q.recipients.title} hint={q.recipients.hint}>
          <RadioGroup name="breach.confidentiality.exposure" label={q.recipients.title} value={draft.exposure} options={options.exposure} onChange={(exposure) => update({ exposure })} error={error('breach.confidentiality.exposure')} />
          <YesNo name="breach.confidentiality.recipientsTrusted" optional label={q.recipients.trustedLabel} hint={q.recipients.trustedHint} value={draft.recipientsTrusted} onChange={(recipientsTrusted) => update({ recipientsTrusted })} />
          <YesNo name="breach.confidentiality.dataRetrievedOrDeleted" optional label={q.recipients.retrievedLabel} value={draft.dataRetrievedOrDeleted} onChange={(dataRetrievedOrDeleted) => update({ dataRetrievedOrDeleted })} />
        </Page>
      );
    case 'altered-or-lost':
      return (
        <Page title={q.lost.title}>
          {draft.kinds.includes('integrity') && (
            <>
              <YesNo name="breach.integrity.recoverable" label={q.lost.integrityRecoverable} value={draft.integrityRecoverable} onChange={(integrityRecoverable) => update({ integrityRecoverable })} />
              <YesNo name="breach.integrity.possiblyMisused" label={q.lost.integrityMisused} value={draft.integrityPossiblyMisused} onChange={(integrityPossiblyMisused) => update({ integrityPossiblyMisused })} />
            </>
          )}
          {draft.kinds.includes('availability') && (
            <>
              <YesNo name="breach.availability.permanentLoss" label={q.lost.permanentLoss} value={draft.availabilityPermanentLoss} onChange={(availabilityPermanentLoss) => update({ availabilityPermanentLoss })} />
              <YesNo name="breach.availability.backupRestorable" label={q.lost.backupRestorable} value={draft.availabilityBackupRestorable} onChange={(availabilityBackupRestorable) => update({ availabilityBackupRestorable })} />
            </>
          )}
        </Page>
      );
    case 'data':
      return (
        <Page title={q.data.title} hint={q.data.hint}>
          <CheckboxGroup name="data.categories" label={q.data.categoriesLabel} values={draft.dataCategories} options={options.dataCategories} onChange={(dataCategories) => update({ dataCategories })} error={error('data.categories')} />
          <RadioGroup name="data.identifiability" label={q.data.identifiabilityLabel} value={draft.identifiability} options={options.identifiability} onChange={(identifiability) => update({ identifiability })} error={error('data.identifiability')} />
        </Page>
      );
    case 'protection':
      return <RadioGroup asPageHeading name="data.protection" label={q.protection.title} hint={q.protection.hint} value={draft.protection} options={options.protection} onChange={(protection) => update({ protection })} error={error('data.protection')} />;
    case 'subjects':
      return (
        <Page title={q.subjects.title} hint={q.subjects.hint}>
          <TextField name="subjects.approxCount" label={q.subjects.countLabel} inputMode="numeric" width="short" value={draft.approxCount} onChange={(approxCount) => update({ approxCount })} error={error('subjects.approxCount')} />
          <CheckboxGroup name="subjects.categories" label={q.subjects.categoriesLabel} values={draft.subjectCategories} options={options.subjectCategories} onChange={(subjectCategories) => update({ subjectCategories })} error={error('subjects.categories')} />
        </Page>
      );
    case 'care':
      return <RadioGroup asPageHeading name="careImpact" label={q.care.title} hint={q.care.hint} value={draft.careImpact} options={options.careImpact} onChange={(careImpact) => update({ careImpact })} error={error('careImpact')} />;
    case 'role':
      return (
        <Page title={q.role.title} hint={q.role.hint}>
          <RadioGroup name="ourRole" label={q.role.title} value={draft.ourRole} options={options.ourRole} onChange={(ourRole) => update({ ourRole })} />
          {draft.ourRole === 'processor' && <TextArea name="affectedControllers" label={q.role.controllersLabel} hint={q.role.controllersHint} rows={3} value={draft.affectedControllers} onChange={(affectedControllers) => update({ affectedControllers })} error={error('affectedControllers')} />}
          <SelectField name="controller.sector" label={q.role.sectorLabel} value={draft.sector} options={options.sector} onChange={(sector) => update({ sector })} />
        </Page>
      );
    case 'when':
      return (
        <Page title={q.when.title} hint={q.when.hint}>
          <TextField name="occurredAt" type="datetime-local" optional width="short" label={q.when.occurredLabel} hint={q.when.occurredHint} value={draft.occurredAt} onChange={(occurredAt) => update({ occurredAt })} error={error('occurredAt')} />
          <TextField name="discoveredAt" type="datetime-local" width="short" label={q.when.discoveredLabel} value={draft.discoveredAt} onChange={(discoveredAt) => update({ discoveredAt })} error={error('discoveredAt')} />
          <TextField name="awareAt" type="datetime-local" width="short" label={q.when.awareLabel} hint={q.when.awareHint} value={draft.awareAt} onChange={(awareAt) => update({ awareAt })} error={error('awareAt')} />
        </Page>
      );
    case 'check':
      return <CheckAnswers draft={draft} steps={stepsFor(draft)} />;
  }
}
