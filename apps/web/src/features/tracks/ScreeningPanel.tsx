import { useState, type FormEvent } from 'react';
import type { IncidentView } from '../../api/response-bodies.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { RadioGroup, TextArea, YesNo } from '../../components/fields.js';
import { errorFor, formErrorsOf, type FormError } from '../../components/form-errors.js';
import { useI18n } from '../../i18n/i18n.js';
import { formatInstant } from '../../i18n/time.js';
import { TRACK_CATALOGUE, WRITTEN_REASON_MIN_LENGTH, answersApply, type ScreeningAnswers, type TrackKind } from '../../rules/domain.js';
import { mayScreen } from '../incidents/next-steps.js';
import { useCurrentPerson, useOrganisationTimeZone } from '../organisation/use-organisation.js';
import { useTimeline, useTrackSteps } from './use-tracks.js';

type ScreenedKind = 'lex-maria' | 'nis2';
const isScreened = (kind: TrackKind): kind is ScreenedKind => kind === 'lex-maria' || kind === 'nis2';

/**
 * The tracks only a person's decision makes owed (Lex Maria, NIS2): what the facts suggest to
 * screen, prominently, with the statutory question, the conclusion its answers lead to and a
 * written reason; and every decision recorded so far.
 */
export function ScreeningPanel({ incident }: { incident: IncidentView }) {
  const { t } = useI18n();
  const suggested = incident.status === 'open' ? incident.suggestedScreenings.filter(isScreened) : [];
  const recorded = (Object.keys(incident.screenings) as TrackKind[]).filter(isScreened);
  if (suggested.length === 0 && recorded.length === 0) return null;
  return (
    <section aria-labelledby="screening" className={suggested.length > 0 ? 'screening screening--open' : 'screening'}>
      <h2 id="screening">{suggested.length > 0 ? t.screening.titleOpen : t.screening.title}</h2>
      {suggested.length > 0 && <p>{t.screening.intro}</p>}
      {recorded.length > 0 && <RecordedScreenings incident={incident} kinds={recorded} />}
      {suggested.map((kind) => (
        <ScreeningForm key={kind} incident={incident} kind={kind} />
      ))}
    </section>
  );
}

function RecordedScreenings({ incident, kinds }: { incident: IncidentView; kinds: ScreenedKind[] }) {
  const { t, language } = useI18n();
  const timeZone = useOrganisationTimeZone();
  const timeline = useTimeline(incident.id).data?.items ?? [];
  return (
    <ul className="list">
      {kinds.map((kind) => {
        const record = incident.screenings[kind]!;
        const decision = [...timeline].reverse().find((entry) => entry.track === kind && (entry.action === 'track.screened-in' || entry.action === 'track.screened-out'));
        return (
          <li key={kind} data-screening={kind}>
            <p className="list__title">{TRACK_CATALOGUE[kind].label[language]}</p>
            <p>
              <strong>{record.applies ? t.screening.appliesYes : t.screening.appliesNo}</strong> · {t.screening.decidedOn(formatInstant(record.decidedAt, language, timeZone), decision?.who?.name ?? null)}
            </p>
          </li>
        );
      })}
    </ul>
  );
}

function ScreeningForm({ incident, kind }: { incident: IncidentView; kind: ScreenedKind }) {
  const { t, language } = useI18n();
  const person = useCurrentPerson();
  const { screen } = useTrackSteps(incident.id);
  const [seriousCareInjury, setSeriousCareInjury] = useState<'caused' | 'could-have-caused' | 'neither'>();
  const [disruption, setDisruption] = useState<boolean>();
  const [damage, setDamage] = useState<boolean>();
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const q = t.screening[kind];
  const headingId = `screening-${kind}`;
  const answers: ScreeningAnswers | undefined =
    kind === 'lex-maria'
      ? seriousCareInjury && { track: 'lex-maria', seriousCareInjury }
      : disruption !== undefined && damage !== undefined
        ? { track: 'nis2', severeDisruptionOrFinancialLoss: disruption, considerableDamageToOthers: damage }
        : undefined;
  const applies = answers ? answersApply(answers) : undefined;

  if (!mayScreen(kind, person)) {
    return (
      <div className="panel" data-screening-form={kind}>
        <h3 id={headingId}>{TRACK_CATALOGUE[kind].label[language]}</h3>
        <p>{q.question}</p>
        <p className="notice">{q.whoDecides}</p>
      </div>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: FormError[] = [];
    if (kind === 'lex-maria' && !seriousCareInjury) problems.push({ field: 'answers.seriousCareInjury', message: `${q.question}: ${t.form.required}` });
    if (kind === 'nis2' && disruption === undefined) problems.push({ field: 'answers.severeDisruptionOrFinancialLoss', message: `${t.screening.nis2.disruption}: ${t.form.required}` });
    if (kind === 'nis2' && damage === undefined) problems.push({ field: 'answers.considerableDamageToOthers', message: `${t.screening.nis2.damage}: ${t.form.required}` });
    if (reason.trim().length < WRITTEN_REASON_MIN_LENGTH) problems.push({ field: 'reason', message: t.screening.reasonTooShort(WRITTEN_REASON_MIN_LENGTH) });
    setErrors(problems);
    if (problems.length > 0 || !answers || applies === undefined) return;
    screen.mutate({ kind, body: { applies, reason: reason.trim(), answers } }, { onSuccess: () => setReason(''), onError: (error) => setErrors(formErrorsOf(error, t.app.loadFailed)) });
  };
  const field = (name: string) => `${kind}.${name}`;
  const known = [field('answers.seriousCareInjury'), field('answers.severeDisruptionOrFinancialLoss'), field('answers.considerableDamageToOthers'), field('reason'), field('applies')];
  // Field names carry the track, so two forms on one page never share an id.
  const scoped = errors.map((error) => ({ ...error, field: error.field && `${kind}.${error.field}` }));
  return (
    <form className="panel" onSubmit={submit} noValidate aria-labelledby={headingId} data-screening-form={kind}>
      <h3 id={headingId}>{TRACK_CATALOGUE[kind].label[language]}</h3>
      <p className="hint">{q.basis}</p>
      <ErrorSummary errors={scoped} knownFields={known} />
      {kind === 'lex-maria' ? (
        <RadioGroup
          name={field('answers.seriousCareInjury')}
          label={q.question}
          hint={t.screening['lex-maria'].hint}
          value={seriousCareInjury}
          options={(['caused', 'could-have-caused', 'neither'] as const).map((value) => ({ value, label: t.screening['lex-maria'].options[value] }))}
          onChange={setSeriousCareInjury}
          error={errorFor(scoped, field('answers.seriousCareInjury'))}
        />
      ) : (
        <>
          <p>{q.question}</p>
          <YesNo name={field('answers.severeDisruptionOrFinancialLoss')} label={t.screening.nis2.disruption} value={disruption} onChange={setDisruption} error={errorFor(scoped, field('answers.severeDisruptionOrFinancialLoss'))} />
          <YesNo name={field('answers.considerableDamageToOthers')} label={t.screening.nis2.damage} value={damage} onChange={setDamage} error={errorFor(scoped, field('answers.considerableDamageToOthers'))} />
        </>
      )}
      <div className={`conclusion${applies === undefined ? '' : applies ? ' conclusion--applies' : ' conclusion--not'}`} aria-live="polite" data-conclusion={applies === undefined ? 'pending' : String(applies)}>
        <span className="label-inline">{t.screening.conclusion}: </span>
        {applies === undefined ? t.screening.conclusionPending : applies ? q.applies : q.notApplies}
      </div>
      <TextArea name={field('reason')} label={t.screening.reason} hint={t.screening.reasonHint(WRITTEN_REASON_MIN_LENGTH)} rows={3} value={reason} onChange={setReason} error={errorFor(scoped, field('reason')) ?? errorFor(scoped, field('applies'))} />
      <button type="submit" className="button" disabled={screen.isPending}>
        {screen.isPending ? t.form.sending : t.screening.submit}
      </button>
    </form>
  );
}
