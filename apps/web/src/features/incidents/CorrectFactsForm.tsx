import { useState, type FormEvent } from 'react';
import type { IncidentView } from '../../api/response-bodies.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { SelectField, TextArea, TextField } from '../../components/fields.js';
import { errorFor, formErrorsOf, type FormError } from '../../components/form-errors.js';
import { useI18n } from '../../i18n/i18n.js';
import { fromZonedInputValue, toZonedInputValue } from '../../i18n/time.js';
import { INCIDENT_EDITORS } from '../../rules/domain.js';
import { useCurrentUser } from '../auth/session.js';
import { useOrganisationTimeZone } from '../organisation/use-organisation.js';
import { useCorrectFacts, type CorrectFactsBody } from './use-incidents.js';

type Cause = NonNullable<IncidentView['facts']['cause']>;
type Nis2EntityClass = NonNullable<IncidentView['facts']['nis2EntityClass']>;

/** The facts a report most often lacks, as a form; only what changed is sent, on top of the version shown. */
export function CorrectFactsForm({ incident }: { incident: IncidentView }) {
  const { t } = useI18n();
  const user = useCurrentUser();
  const timeZone = useOrganisationTimeZone();
  const correct = useCorrectFacts(incident.id);
  const facts = incident.facts;
  const initial = {
    title: facts.title,
    summary: facts.summary,
    cause: (facts.cause ?? '') as Cause | '',
    discoveredAt: toZonedInputValue(facts.discoveredAt, timeZone),
    awareAt: toZonedInputValue(facts.awareAt, timeZone),
    containedAt: facts.containedAt ? toZonedInputValue(facts.containedAt, timeZone) : '',
    approxRecords: facts.approxRecords === undefined ? '' : String(facts.approxRecords),
    likelyConsequences: facts.likelyConsequences ?? '',
    measures: facts.measures ?? '',
    careUnit: facts.careUnit ?? '',
    patientConsequences: facts.patientConsequences ?? '',
    nis2EntityClass: (facts.nis2EntityClass ?? '') as Nis2EntityClass | '',
  };
  const [values, setValues] = useState(initial);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [saved, setSaved] = useState(false);
  if (!INCIDENT_EDITORS.includes(user.role)) return null;
  const set = (key: keyof typeof values) => (value: string) => setValues((current) => ({ ...current, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const changes: NonNullable<CorrectFactsBody>['changes'] = {};
    const text = (key: 'title' | 'summary' | 'likelyConsequences' | 'measures' | 'careUnit' | 'patientConsequences') => {
      if (values[key] !== initial[key]) changes[key] = values[key].trim() || (key === 'title' || key === 'summary' ? values[key] : null);
    };
    text('title');
    text('summary');
    text('likelyConsequences');
    text('measures');
    text('careUnit');
    text('patientConsequences');
    if (values.cause !== initial.cause) changes.cause = values.cause || null;
    if (values.nis2EntityClass !== initial.nis2EntityClass) changes.nis2EntityClass = values.nis2EntityClass || null;
    for (const key of ['discoveredAt', 'awareAt', 'containedAt'] as const) {
      if (values[key] !== initial[key]) changes[key] = values[key] ? (fromZonedInputValue(values[key], timeZone) ?? values[key]) : null;
    }
    if (values.approxRecords !== initial.approxRecords) changes.approxRecords = values.approxRecords ? Number(values.approxRecords) : null;
    if (Object.keys(changes).length === 0) {
      setErrors([{ message: t.incident.nothingChanged }]);
      return;
    }
    setErrors([]);
    correct.mutate(
      { changes, baseVersion: incident.factsVersion, ...(reason.trim() && { reason: reason.trim() }) },
      {
        onSuccess: () => {
          setReason('');
          setSaved(true);
        },
        onError: (error) => setErrors(formErrorsOf(error, t.app.loadFailed)),
      },
    );
  };

  const known = ['title', 'summary', 'cause', 'discoveredAt', 'awareAt', 'containedAt', 'approxRecords', 'likelyConsequences', 'measures', 'careUnit', 'patientConsequences', 'nis2EntityClass', 'reason'];
  return (
    <section aria-labelledby="correct" id="correct">
      <h2 id="correct-title">{t.incident.correctTitle}</h2>
      <p className="hint">{t.incident.correctHint}</p>
      <ErrorSummary errors={errors} knownFields={known} />
      {saved && (
        <p className="notice notice--success" role="status">
          {t.form.saved}
        </p>
      )}
      <form onSubmit={submit} noValidate aria-labelledby="correct-title">
        <TextField name="title" label={t.intake.describe.titleLabel} value={values.title} onChange={set('title')} error={errorFor(errors, 'title')} />
        <TextArea name="summary" label={t.intake.describe.summaryLabel} value={values.summary} onChange={set('summary')} error={errorFor(errors, 'summary')} />
        <SelectField name="cause" optional label={t.incident.causeLabel} value={values.cause} placeholder="–" options={(Object.keys(t.incident.cause) as Cause[]).map((value) => ({ value, label: t.incident.cause[value] }))} onChange={set('cause')} error={errorFor(errors, 'cause')} />
        <TextField name="discoveredAt" type="datetime-local" width="short" label={t.intake.when.discoveredLabel} value={values.discoveredAt} onChange={set('discoveredAt')} error={errorFor(errors, 'discoveredAt')} />
        <TextField name="awareAt" type="datetime-local" width="short" label={t.intake.when.awareLabel} hint={t.intake.when.awareHint} value={values.awareAt} onChange={set('awareAt')} error={errorFor(errors, 'awareAt')} />
        <TextField name="containedAt" type="datetime-local" width="short" optional label={t.incident.containedAt} value={values.containedAt} onChange={set('containedAt')} error={errorFor(errors, 'containedAt')} />
        <TextField name="approxRecords" inputMode="numeric" width="short" optional label={t.incident.approxRecords} value={values.approxRecords} onChange={set('approxRecords')} error={errorFor(errors, 'approxRecords')} />
        <TextArea name="likelyConsequences" optional label={t.incident.likelyConsequences} value={values.likelyConsequences} onChange={set('likelyConsequences')} error={errorFor(errors, 'likelyConsequences')} />
        <TextArea name="measures" optional label={t.incident.measures} value={values.measures} onChange={set('measures')} error={errorFor(errors, 'measures')} />
        {facts.careProvider && (
          <>
            <TextField name="careUnit" optional label={t.incident.careUnit} hint={t.incident.careUnitHint} value={values.careUnit} onChange={set('careUnit')} error={errorFor(errors, 'careUnit')} />
            <TextArea name="patientConsequences" optional label={t.incident.patientConsequences} hint={t.incident.patientConsequencesHint} value={values.patientConsequences} onChange={set('patientConsequences')} error={errorFor(errors, 'patientConsequences')} />
          </>
        )}
        <SelectField
          name="nis2EntityClass"
          optional
          label={t.incident.nis2EntityClass}
          hint={t.incident.nis2EntityClassHint}
          value={values.nis2EntityClass}
          placeholder="–"
          options={(['essential', 'important', 'none'] as const).map((value) => ({ value, label: t.incident.nis2EntityClasses[value] }))}
          onChange={set('nis2EntityClass')}
          error={errorFor(errors, 'nis2EntityClass')}
        />
        <TextArea name="reason" optional label={t.incident.correctReason} rows={2} value={reason} onChange={setReason} error={errorFor(errors, 'reason')} />
        <button type="submit" className="button" disabled={correct.isPending}>
          {correct.isPending ? t.form.sending : t.incident.correctSubmit}
        </button>
      </form>
    </section>
  );
}
