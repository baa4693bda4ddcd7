import { useState, type FormEvent, type ReactNode } from 'react';
import type { IncidentView, TaskView } from '../../api/response-bodies.js';
import { Countdown } from '../../components/Countdown.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { Checkbox, CheckboxGroup, RadioGroup, TextArea, TextField, YesNo } from '../../components/fields.js';
import { errorFor, formErrorsOf, type FormError } from '../../components/form-errors.js';
import { QueryState } from '../../components/QueryState.js';
import { useI18n } from '../../i18n/i18n.js';
import { formatInstant, fromZonedInputValue, toZonedInputValue } from '../../i18n/time.js';
import {
  INCIDENT_EDITORS,
  PATIENT_INFORMATION_ITEMS,
  TASK_CATALOGUE,
  type EventAnalysisData,
  type PatientInformationData,
  type PatientInformationItem,
  type PlannedMeasure,
  type ServiceRecipientsData,
} from '../../rules/domain.js';
import { useCurrentPerson, useOrganisationTimeZone } from '../organisation/use-organisation.js';
import { useTasks, useTaskSteps } from './use-tasks.js';

/**
 * The work a screened track asks for besides its reports: the event analysis (Lex Maria), informing
 * each group of patients (one task per group), informing the service's recipients (NIS2). A task is
 * done only when its record meets the law's content; the API says what is missing, next to the field.
 */
export function TasksPanel({ incident }: { incident: IncidentView }) {
  const { t } = useI18n();
  const tasks = useTasks(incident.id);
  const person = useCurrentPerson();
  const lexMaria = incident.screenings['lex-maria']?.applies === true;
  const editor = INCIDENT_EDITORS.includes(person.role) && incident.status === 'open';
  if (!lexMaria && incident.screenings.nis2?.applies !== true && (tasks.data?.items.length ?? 0) === 0) return null;
  return (
    <section aria-labelledby="tasks">
      <h2 id="tasks">{t.tasks.title}</h2>
      <QueryState query={tasks}>
        {({ items }) => (
          <>
            {items.length === 0 ? (
              <p>{t.tasks.none}</p>
            ) : (
              <ul className="cards">
                {items.map((task) => (
                  <TaskCard key={task.id} incident={incident} task={task} editable={editor && task.status === 'open'} />
                ))}
              </ul>
            )}
            {editor && lexMaria && <AddPatientGroup incident={incident} />}
          </>
        )}
      </QueryState>
    </section>
  );
}

function TaskCard({ incident, task, editable }: { incident: IncidentView; task: TaskView; editable: boolean }) {
  const { t, language } = useI18n();
  const timeZone = useOrganisationTimeZone();
  const title = TASK_CATALOGUE[task.kind].title[language];
  const group = task.kind === 'patient-information' ? (task.data as PatientInformationData).group : undefined;
  const headingId = `task-${task.id}`;
  return (
    <li className="card" data-task={task.kind}>
      <h3 className="card__title" id={headingId}>
        {title}
        {group && `: ${group}`}
      </h3>
      <p>
        <span className={`status status--task-${task.status}`}>{t.tasks.status[task.status]}</span>
        {task.status === 'done' && task.completedAt && ` · ${t.tasks.doneOn(formatInstant(task.completedAt, language, timeZone))}`}
      </p>
      {task.status === 'open' && task.dueAt && (
        <p>
          <span className="label-inline">{t.tasks.target}: </span>
          <Countdown deadline={task.dueAt} />
        </p>
      )}
      {task.kind === 'event-analysis' && <p className="hint">{t.tasks.eventAnalysis.intro}</p>}
      {task.kind === 'patient-information' && <p className="hint">{t.tasks.patientInformation.intro}</p>}
      {task.kind === 'service-recipients' && <p className="hint">{t.tasks.serviceRecipients.intro}</p>}
      {editable ? <TaskForm incident={incident} task={task} headingId={headingId} /> : <TaskSummary task={task} />}
    </li>
  );
}

/** What a done task (or one the reader may not change) records, in the reader's words. */
function TaskSummary({ task }: { task: TaskView }) {
  const { t, language } = useI18n();
  const timeZone = useOrganisationTimeZone();
  const rows: Array<{ term: string; value: string }> = [];
  const text = (term: string, value: string | undefined) => value && rows.push({ term, value });
  if (task.kind === 'event-analysis') {
    const data = task.data as EventAnalysisData;
    const f = t.tasks.eventAnalysis.fields;
    for (const key of ['method', 'courseOfEvents', 'harm', 'causes', 'recurrence', 'followUp', 'patientAccount', 'investigators'] as const) text(f[key], data[key]);
    for (const measure of data.measures) rows.push({ term: t.tasks.eventAnalysis.measure, value: `${measure.description} — ${measure.owner}, ${measure.dueDate}${measure.done ? ` (${t.tasks.eventAnalysis.measureDone})` : ''}` });
  } else if (task.kind === 'patient-information') {
    const data = task.data as PatientInformationData;
    const f = t.tasks.patientInformation;
    if (data.secrecyPrevents) text(f.secrecyReason, data.secrecyPrevents);
    if (data.told) text(f.told, f.toldOptions[data.told]);
    text(f.relativeReason, data.relativeReason);
    if (data.informedAt) text(f.informedAt, formatInstant(data.informedAt, language, timeZone));
    text(f.items, PATIENT_INFORMATION_ITEMS.filter((item) => data.items[item]).map((item) => f.itemLabels[item]).join('; '));
    if (data.recordNoteMade) text(f.recordNote, t.form.yes);
  } else {
    const data = task.data as ServiceRecipientsData;
    const f = t.tasks.serviceRecipients;
    if (data.required !== undefined) text(f.required, data.required ? t.form.yes : t.form.no);
    text(f.reason, data.reason);
    if (data.informedAt) text(f.informedAt, formatInstant(data.informedAt, language, timeZone));
    text(f.how, data.how);
    text(f.protectiveMeasures, data.protectiveMeasures);
  }
  if (rows.length === 0) return null;
  return (
    <dl className="summary-list">
      {rows.map((row, index) => (
        <div className="summary-list__row" key={index}>
          <dt>{row.term}</dt>
          <dd>{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}

const optionalText = (value: string) => (value.trim() ? value.trim() : undefined);
const clean = <T extends object>(record: T): T => Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;

/** A task's form: save keeps the record as it stands; "mark done" saves it and asks the API whether it is complete. */
function TaskForm({ incident, task, headingId }: { incident: IncidentView; task: TaskView; headingId: string }) {
  const { t } = useI18n();
  const timeZone = useOrganisationTimeZone();
  const steps = useTaskSteps(incident.id);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [saved, setSaved] = useState(false);
  const prefix = `task-${task.id.slice(0, 8)}`;
  // The API names fields `data.<field>`; on this page they carry the task, so two forms never share an id.
  const scoped = errors.map((error) => ({ ...error, field: error.field && `${prefix}.${error.field}` }));
  const name = (field: string) => `${prefix}.data.${field}`;
  const error = (field: string) => errorFor(scoped, name(field));
  const [data, setData] = useState(() => toForm(task, timeZone));
  const busy = steps.update.isPending || steps.complete.isPending;

  const send = async (complete: boolean) => {
    setSaved(false);
    try {
      await steps.update.mutateAsync({ taskId: task.id, data: fromForm(task.kind, data, timeZone) });
      if (complete) await steps.complete.mutateAsync(task.id);
      setErrors([]);
      setSaved(!complete);
    } catch (failure) {
      setErrors(formErrorsOf(failure, t.app.loadFailed));
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void send(false);
  };

  const measureFields = data.measures.flatMap((_, index) => ['description', 'owner', 'dueDate'].map((field) => `measures[${index}].${field}`));
  const known = [...measureFields, ...FIELDS[task.kind], 'measures'].map((field) => name(field));
  let fields: ReactNode;
  if (task.kind === 'event-analysis') fields = <EventAnalysisFields data={data} setData={setData} name={name} error={error} />;
  else if (task.kind === 'patient-information') fields = <PatientInformationFields data={data} setData={setData} name={name} error={error} />;
  else fields = <ServiceRecipientsFields data={data} setData={setData} name={name} error={error} />;
  return (
    <form onSubmit={submit} noValidate aria-labelledby={headingId}>
      <ErrorSummary errors={scoped} knownFields={known} />
      {saved && (
        <p className="notice notice--success" role="status">
          {t.form.saved}
        </p>
      )}
      {fields}
      <div className="actions">
        <button type="submit" className="button button--secondary" disabled={busy}>
          {t.tasks.save}
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => void send(true)}>
          {busy ? t.form.sending : t.tasks.markDone}
        </button>
      </div>
    </form>
  );
}

/** Every field of each kind's form, for linking the API's field errors. */
const FIELDS: Record<TaskView['kind'], string[]> = {
  'event-analysis': ['method', 'courseOfEvents', 'harm', 'causes', 'recurrence', 'followUp', 'patientAccount', 'investigators'],
  'patient-information': ['group', 'told', 'relativeReason', 'informedAt', 'items', 'secrecyPrevents', 'recordNoteMade'],
  'service-recipients': ['required', 'reason', 'informedAt', 'how', 'protectiveMeasures'],
};

/** The form's values: texts as text, instants as datetime-local values in the organisation's zone. */
interface FormValues {
  text: Record<string, string>;
  measures: Array<{ description: string; owner: string; dueDate: string; done: boolean }>;
  told?: 'patient' | 'relative';
  items: PatientInformationItem[];
  secrecy: boolean;
  recordNoteMade: boolean;
  required?: boolean;
}

function toForm(task: TaskView, timeZone: string): FormValues {
  const raw = task.data as unknown as Record<string, unknown>;
  const text: Record<string, string> = {};
  for (const field of FIELDS[task.kind]) {
    const value = raw[field];
    if (typeof value === 'string') text[field] = field === 'informedAt' ? toZonedInputValue(value, timeZone) : value;
  }
  const measures = ((raw.measures as PlannedMeasure[] | undefined) ?? []).map((measure) => ({ ...measure, done: measure.done === true }));
  const items = raw.items as PatientInformationData['items'] | undefined;
  return {
    text,
    measures,
    told: raw.told as FormValues['told'],
    items: PATIENT_INFORMATION_ITEMS.filter((item) => items?.[item] === true),
    secrecy: typeof raw.secrecyPrevents === 'string',
    recordNoteMade: raw.recordNoteMade === true,
    required: raw.required as boolean | undefined,
  };
}

function fromForm(kind: TaskView['kind'], values: FormValues, timeZone: string): TaskView['data'] {
  const text = (field: string) => optionalText(values.text[field] ?? '');
  const instant = (field: string) => {
    const value = values.text[field];
    return value ? (fromZonedInputValue(value, timeZone) ?? value) : undefined;
  };
  if (kind === 'event-analysis') {
    const data: EventAnalysisData = {
      measures: values.measures.map((measure) => ({ description: measure.description.trim(), owner: measure.owner.trim(), dueDate: measure.dueDate, ...(measure.done && { done: true }) })),
    };
    for (const field of FIELDS[kind]) (data as unknown as Record<string, unknown>)[field] = text(field);
    return clean(data);
  }
  if (kind === 'patient-information') {
    return clean<PatientInformationData>({
      group: values.text.group?.trim() ?? '',
      told: values.secrecy ? undefined : values.told,
      relativeReason: !values.secrecy && values.told === 'relative' ? text('relativeReason') : undefined,
      informedAt: values.secrecy ? undefined : instant('informedAt'),
      items: Object.fromEntries(values.items.map((item) => [item, true])),
      secrecyPrevents: values.secrecy ? text('secrecyPrevents') : undefined,
      recordNoteMade: values.secrecy ? undefined : values.recordNoteMade || undefined,
    });
  }
  return clean<ServiceRecipientsData>({
    required: values.required,
    reason: text('reason'),
    informedAt: values.required ? instant('informedAt') : undefined,
    how: values.required ? text('how') : undefined,
    protectiveMeasures: text('protectiveMeasures'),
  });
}

interface FieldsProps {
  data: FormValues;
  setData: (update: (current: FormValues) => FormValues) => void;
  name: (field: string) => string;
  error: (field: string) => string | undefined;
}

const setText = (setData: FieldsProps['setData'], field: string) => (value: string) => setData((current) => ({ ...current, text: { ...current.text, [field]: value } }));

function EventAnalysisFields({ data, setData, name, error }: FieldsProps) {
  const { t } = useI18n();
  const q = t.tasks.eventAnalysis;
  const area = (field: keyof typeof q.fields, hint?: string) => (
    <TextArea name={name(field)} label={q.fields[field]} hint={hint} rows={3} optional={!['courseOfEvents', 'causes', 'investigators'].includes(field)} value={data.text[field] ?? ''} onChange={setText(setData, field)} error={error(field)} />
  );
  const setMeasure = (index: number, change: Partial<FormValues['measures'][number]>) =>
    setData((current) => ({ ...current, measures: current.measures.map((measure, at) => (at === index ? { ...measure, ...change } : measure)) }));
  return (
    <>
      {area('method', q.hints.method)}
      {area('courseOfEvents')}
      {area('harm')}
      {area('causes', q.hints.causes)}
      {area('recurrence')}
      <fieldset className="fieldset measures">
        <legend className="legend">{q.measuresTitle}</legend>
        <p className="hint">{q.measuresHint}</p>
        {error('measures') && !data.measures.length && <p className="field-error">{error('measures')}</p>}
        {data.measures.map((measure, index) => (
          <fieldset key={index} className="panel measure" data-measure={index}>
            <legend className="legend">{q.measureNumber(index + 1)}</legend>
            <TextField name={name(`measures[${index}].description`)} label={q.measureDescription} value={measure.description} onChange={(description) => setMeasure(index, { description })} error={error(`measures[${index}].description`)} />
            <TextField name={name(`measures[${index}].owner`)} width="short" label={q.measureOwner} value={measure.owner} onChange={(owner) => setMeasure(index, { owner })} error={error(`measures[${index}].owner`)} />
            <TextField name={name(`measures[${index}].dueDate`)} type="date" width="short" label={q.measureDueDate} value={measure.dueDate} onChange={(dueDate) => setMeasure(index, { dueDate })} error={error(`measures[${index}].dueDate`)} />
            <Checkbox name={name(`measures[${index}].done`)} label={q.measureDone} checked={measure.done} onChange={(done) => setMeasure(index, { done })} />
            <button type="button" className="button button--secondary button--compact" onClick={() => setData((current) => ({ ...current, measures: current.measures.filter((_, at) => at !== index) }))}>
              {q.removeMeasure}
              <span className="visually-hidden">: {q.measureNumber(index + 1)}</span>
            </button>
          </fieldset>
        ))}
        <button type="button" className="button button--secondary" id={`field-${name('measures').replace(/[^a-zA-Z0-9]+/g, '-')}`} onClick={() => setData((current) => ({ ...current, measures: [...current.measures, { description: '', owner: '', dueDate: '', done: false }] }))}>
          {q.addMeasure}
        </button>
      </fieldset>
      {area('followUp')}
      {area('patientAccount', q.hints.patientAccount)}
      {area('investigators', q.hints.investigators)}
    </>
  );
}

function PatientInformationFields({ data, setData, name, error }: FieldsProps) {
  const { t } = useI18n();
  const q = t.tasks.patientInformation;
  return (
    <>
      <TextField name={name('group')} label={q.group} hint={q.groupHint} value={data.text.group ?? ''} onChange={setText(setData, 'group')} error={error('group')} />
      <Checkbox name={name('secrecy')} label={q.secrecy} hint={q.secrecyHint} checked={data.secrecy} onChange={(secrecy) => setData((current) => ({ ...current, secrecy }))} />
      {data.secrecy ? (
        <TextArea name={name('secrecyPrevents')} label={q.secrecyReason} hint={q.secrecyReasonHint} rows={3} value={data.text.secrecyPrevents ?? ''} onChange={setText(setData, 'secrecyPrevents')} error={error('secrecyPrevents')} />
      ) : (
        <>
          <RadioGroup
            name={name('told')}
            label={q.told}
            value={data.told}
            options={(['patient', 'relative'] as const).map((value) => ({ value, label: q.toldOptions[value] }))}
            onChange={(told) => setData((current) => ({ ...current, told }))}
            error={error('told')}
          />
          {data.told === 'relative' && <TextArea name={name('relativeReason')} label={q.relativeReason} hint={q.relativeReasonHint} rows={2} value={data.text.relativeReason ?? ''} onChange={setText(setData, 'relativeReason')} error={error('relativeReason')} />}
          <TextField name={name('informedAt')} type="datetime-local" width="short" label={q.informedAt} value={data.text.informedAt ?? ''} onChange={setText(setData, 'informedAt')} error={error('informedAt')} />
          <CheckboxGroup
            name={name('items')}
            label={q.items}
            hint={q.itemsHint}
            values={data.items}
            options={PATIENT_INFORMATION_ITEMS.map((item) => ({ value: item, label: q.itemLabels[item] }))}
            onChange={(items) => setData((current) => ({ ...current, items }))}
            error={error('items')}
          />
          <Checkbox name={name('recordNoteMade')} label={q.recordNote} hint={q.recordNoteHint} checked={data.recordNoteMade} onChange={(recordNoteMade) => setData((current) => ({ ...current, recordNoteMade }))} error={error('recordNoteMade')} />
        </>
      )}
    </>
  );
}

function ServiceRecipientsFields({ data, setData, name, error }: FieldsProps) {
  const { t } = useI18n();
  const q = t.tasks.serviceRecipients;
  return (
    <>
      <YesNo name={name('required')} label={q.required} hint={q.requiredHint} value={data.required} onChange={(required) => setData((current) => ({ ...current, required }))} error={error('required')} />
      <TextArea name={name('reason')} label={q.reason} rows={2} value={data.text.reason ?? ''} onChange={setText(setData, 'reason')} error={error('reason')} />
      {data.required && (
        <>
          <TextField name={name('informedAt')} type="datetime-local" width="short" label={q.informedAt} value={data.text.informedAt ?? ''} onChange={setText(setData, 'informedAt')} error={error('informedAt')} />
          <TextArea name={name('how')} label={q.how} rows={2} value={data.text.how ?? ''} onChange={setText(setData, 'how')} error={error('how')} />
        </>
      )}
      <TextArea name={name('protectiveMeasures')} optional label={q.protectiveMeasures} hint={q.protectiveMeasuresHint} rows={2} value={data.text.protectiveMeasures ?? ''} onChange={setText(setData, 'protectiveMeasures')} error={error('protectiveMeasures')} />
    </>
  );
}

/** Informing patients is one task per group (PSL 3 kap. 8 §): the group is described, never a patient named. */
function AddPatientGroup({ incident }: { incident: IncidentView }) {
  const { t } = useI18n();
  const { create } = useTaskSteps(incident.id);
  const [group, setGroup] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!group.trim()) return setErrors([{ field: 'new-group', message: `${t.tasks.patientInformation.group}: ${t.form.required}` }]);
    setErrors([]);
    create.mutate({ group: group.trim(), items: {} }, { onSuccess: () => setGroup(''), onError: (failure) => setErrors(formErrorsOf(failure, t.app.loadFailed).map((e) => ({ ...e, field: e.field === 'data.group' ? 'new-group' : e.field }))) });
  };
  return (
    <form className="panel" onSubmit={submit} noValidate aria-labelledby="add-patient-group">
      <h3 id="add-patient-group">{t.tasks.patientInformation.addTitle}</h3>
      <p className="hint">{t.tasks.patientInformation.addHint}</p>
      <ErrorSummary errors={errors} knownFields={['new-group']} />
      <TextField name="new-group" label={t.tasks.patientInformation.group} hint={t.tasks.patientInformation.groupHint} value={group} onChange={setGroup} error={errorFor(errors, 'new-group')} />
      <button type="submit" className="button button--secondary" disabled={create.isPending}>
        {t.tasks.patientInformation.addSubmit}
      </button>
    </form>
  );
}
