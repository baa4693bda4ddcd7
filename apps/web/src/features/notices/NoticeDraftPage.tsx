import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { IncidentView } from '../../api/response-bodies.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { RadioGroup, SelectField, TextField } from '../../components/fields.js';
import { errorFor, formErrorsOf, type FormError } from '../../components/form-errors.js';
import { QueryState } from '../../components/QueryState.js';
import { useI18n } from '../../i18n/i18n.js';
import { INCIDENT_EDITORS } from '../../rules/domain.js';
import { useIncident } from '../incidents/use-incidents.js';
import { useCurrentPerson } from '../organisation/use-organisation.js';
import { ContentFields } from './ContentFields.js';
import { CONTENT_FIELDS, contentOf, EMPTY_CONTENT, type ContentValues } from './notice-rules.js';
import { useNoticeMessages } from './use-notice-messages.js';
import { NOTICE_CHANNELS, NOTICE_LANGUAGES, useDraftNotice, useRecipients, type NoticeChannel, type NoticeLanguage } from './use-notices.js';

export function NoticeDraftPage() {
  const { id = '' } = useParams();
  const incident = useIncident(id);
  return <QueryState query={incident}>{(view) => <DraftForm incident={view} />}</QueryState>;
}

/** A new notice: how it reaches people, in which language to whom, and the texts (a draft may be saved incomplete). */
function DraftForm({ incident }: { incident: IncidentView }) {
  const { t } = useI18n();
  const m = useNoticeMessages();
  const person = useCurrentPerson();
  const navigate = useNavigate();
  const draft = useDraftNotice(incident.id);
  // The segments of the people imported so far, as a hint of what the file called them.
  const sample = useRecipients(incident.id, { limit: 200, offset: 0 });
  const segments = [...new Set((sample.data?.items ?? []).map((recipient) => recipient.segment).filter((segment): segment is string => segment !== null))].sort();
  const [channel, setChannel] = useState<NoticeChannel | undefined>();
  const [audience, setAudience] = useState<NoticeLanguage | ''>('');
  const [segment, setSegment] = useState('');
  const [content, setContent] = useState<ContentValues>(EMPTY_CONTENT);
  const [errors, setErrors] = useState<FormError[]>([]);

  const back = (
    <p className="caption">
      <Link to={`/incidents/${incident.id}/notices`}>{m.page.title}</Link> · {incident.reference}
    </p>
  );
  if (!INCIDENT_EDITORS.includes(person.role) || incident.status !== 'open') {
    return (
      <>
        {back}
        <h1>{m.editor.newTitle}</h1>
        <p className="notice">{m.editor.readOnly}</p>
      </>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!channel) return setErrors([{ field: 'channel', message: `${m.editor.channel}: ${t.form.required}` }]);
    setErrors([]);
    draft.mutate(
      { channel, ...(audience && { language: audience }), ...(segment.trim() && { segment: segment.trim() }), content: contentOf(content, channel) },
      { onSuccess: (notice) => void navigate(`/notices/${notice.id}`), onError: (error) => setErrors(formErrorsOf(error, t.app.loadFailed)) },
    );
  };
  return (
    <>
      {back}
      <h1>{m.editor.newTitle}</h1>
      <form onSubmit={submit} noValidate className="narrow-form">
        <ErrorSummary errors={errors} knownFields={['channel', 'language', 'segment', ...CONTENT_FIELDS]} />
        <RadioGroup
          name="channel"
          label={m.editor.channel}
          value={channel}
          options={NOTICE_CHANNELS.map((value) => ({ value, label: m.editor.channels[value].label, hint: m.editor.channels[value].hint }))}
          onChange={setChannel}
          error={errorFor(errors, 'channel')}
        />
        <SelectField
          name="language"
          label={m.editor.audience}
          hint={m.editor.audienceHint}
          value={audience}
          options={[{ value: '' as const, label: m.editor.audiences.all }, ...NOTICE_LANGUAGES.map((value) => ({ value, label: m.editor.audiences[value] }))]}
          onChange={setAudience}
          error={errorFor(errors, 'language')}
        />
        <TextField
          name="segment"
          optional
          width="short"
          label={m.editor.segment}
          hint={segments.length > 0 ? `${m.editor.segmentHint} (${segments.join(', ')})` : m.editor.segmentHint}
          value={segment}
          onChange={setSegment}
          error={errorFor(errors, 'segment')}
        />
        {channel && (
          <fieldset className="fieldset">
            <legend className="legend legend--section">{m.editor.text}</legend>
            <ContentFields channel={channel} language={audience || 'sv'} values={content} onChange={setContent} errors={errors} />
          </fieldset>
        )}
        <button type="submit" className="button" disabled={draft.isPending}>
          {draft.isPending ? t.form.sending : m.editor.create}
        </button>
      </form>
    </>
  );
}
