import { TextArea, TextField } from '../../components/fields.js';
import { errorFor, type FormError } from '../../components/form-errors.js';
import { useI18n } from '../../i18n/i18n.js';
import { useNoticeMessages } from './use-notice-messages.js';
import { CONTENT_ITEMS, contentField, type ContentValues } from './notice-rules.js';
import type { NoticeChannel, NoticeLanguage } from './use-notices.js';

/**
 * The four things Art. 34(2) asks a notice to say, each with what to write; the e-mail's subject;
 * nothing for an SMS, which only points onwards. The contact point comes from the organisation.
 */
export function ContentFields({ channel, language, values, onChange, errors }: { channel: NoticeChannel; language: NoticeLanguage; values: ContentValues; onChange: (values: ContentValues) => void; errors: readonly FormError[] }) {
  const { t } = useI18n();
  const m = useNoticeMessages();
  if (channel === 'sms') return <p className="notice">{m.editor.smsNote}</p>;
  const set = (key: keyof ContentValues) => (value: string) => onChange({ ...values, [key]: value });
  return (
    <>
      <p className="hint">{m.editor.writtenIn(t.noticeLanguage[language])}</p>
      {channel === 'email' && <TextField name={contentField('subject')} optional label={m.editor.subject} hint={m.editor.subjectHint} value={values.subject} onChange={set('subject')} error={errorFor(errors, contentField('subject'))} />}
      {CONTENT_ITEMS.map((item) => (
        <TextArea key={item} name={contentField(item)} label={m.editor.fields[item].label} hint={m.editor.fields[item].hint} rows={4} value={values[item]} onChange={set(item)} error={errorFor(errors, contentField(item))} />
      ))}
      <p className="hint">{m.editor.contactPointNote}</p>
    </>
  );
}
