import { useState, type FormEvent } from 'react';
import type { FilingView } from '../../api/response-bodies.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { SelectField, TextArea, TextField } from '../../components/fields.js';
import { errorFor, formErrorsOf, type FormError } from '../../components/form-errors.js';
import { useI18n } from '../../i18n/i18n.js';
import { fromZonedInputValue, toZonedInputValue } from '../../i18n/time.js';
import { TRACK_CATALOGUE, type RecordChannel } from '../../rules/domain.js';
import { useOrganisationTimeZone } from '../organisation/use-organisation.js';
import { useFilingSteps, type RecordBody } from './use-filings.js';

/** When and how the approved report was sent, IMY's reference if known, and why it was late when it was. */
export function RecordFilingForm({ filing }: { filing: FilingView }) {
  const { t, language } = useI18n();
  const timeZone = useOrganisationTimeZone();
  const { record } = useFilingSteps(filing.id);
  const definition = TRACK_CATALOGUE[filing.track];
  const channels = definition.recordChannels;
  const [filedAt, setFiledAt] = useState(() => toZonedInputValue(new Date().toISOString(), timeZone));
  const [channel, setChannel] = useState<RecordChannel | ''>(channels[0] ?? '');
  const [reference, setReference] = useState('');
  const [delayReason, setDelayReason] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const filedInstant = fromZonedInputValue(filedAt, timeZone);
  // Only a track that asks for the reasons for a delay (Art. 33(1)) asks for them here.
  const late = definition.delayReasonWhenLate && Boolean(filing.document.deadline && filedInstant && filedInstant > filing.document.deadline);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: FormError[] = [
      ...(filedInstant ? [] : [{ field: 'filedAt', message: `${t.filing.filedAt}: ${t.form.required}` }]),
      ...(channel ? [] : [{ field: 'channel', message: `${t.filing.channelLabel}: ${t.form.required}` }]),
      ...(late && !delayReason.trim() ? [{ field: 'delayReason', message: `${t.filing.delayReason}: ${t.form.required}` }] : []),
    ];
    setErrors(problems);
    if (problems.length || !filedInstant || !channel) return;
    const body: RecordBody = { filedAt: filedInstant, channel, ...(reference.trim() && { reference: reference.trim() }), ...(delayReason.trim() && { delayReason: delayReason.trim() }) };
    record.mutate(body, { onError: (error) => setErrors(formErrorsOf(error, t.app.loadFailed)) });
  };

  return (
    <form onSubmit={submit} noValidate>
      <h3>{t.filing.recordTitle}</h3>
      <ErrorSummary errors={errors} knownFields={['filedAt', 'channel', 'reference', 'delayReason']} />
      <TextField name="filedAt" type="datetime-local" width="short" label={t.filing.filedAt} value={filedAt} onChange={setFiledAt} error={errorFor(errors, 'filedAt')} />
      <SelectField name="channel" label={t.filing.channelLabel} hint={definition.channelRule?.[language]} value={channel} options={channels.map((value) => ({ value, label: t.channel[value] }))} onChange={setChannel} error={errorFor(errors, 'channel')} />
      <TextField name="reference" width="short" optional label={t.filing.referenceLabel} hint={t.filing.referenceHint} value={reference} onChange={setReference} error={errorFor(errors, 'reference')} />
      {late && <TextArea name="delayReason" label={t.filing.delayReason} hint={t.filing.delayReasonHint} rows={3} value={delayReason} onChange={setDelayReason} error={errorFor(errors, 'delayReason')} />}
      <button type="submit" className="button" disabled={record.isPending}>
        {record.isPending ? t.form.sending : t.filing.recordSubmit}
      </button>
    </form>
  );
}
