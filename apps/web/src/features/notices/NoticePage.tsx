import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import type { NoticeView } from '../../api/response-bodies.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { TextArea } from '../../components/fields.js';
import { errorFor, fieldId, formErrorsOf, type FormError } from '../../components/form-errors.js';
import { QueryState } from '../../components/QueryState.js';
import { useI18n } from '../../i18n/i18n.js';
import { formatInstant } from '../../i18n/time.js';
import { APPROVER_ROLES, INCIDENT_EDITORS } from '../../rules/domain.js';
import { useCurrentUser } from '../auth/session.js';
import { useOrganisationTimeZone } from '../organisation/use-organisation.js';
import { ContentFields } from './ContentFields.js';
import { audienceOf, noticeName } from './notice-labels.js';
import { NoticePreview } from './NoticePreview.js';
import { NoticeSending } from './NoticeSending.js';
import { useNoticeMessages } from './use-notice-messages.js';
import { CONTENT_FIELDS, CONTENT_ITEMS, contentField, contentOf, contentValuesOf, type ContentValues } from './notice-rules.js';
import { useNotice, useNoticeSteps } from './use-notices.js';

/** Where a missing contact point is filled in: the organisation's contact person. */
const ELSEWHERE = { 'organisation.contactName': '/settings#field-contactName' };

export function NoticePage() {
  const { id = '' } = useParams();
  const [awaitingSend, setAwaitingSend] = useState(false);
  const notice = useNotice(id, { awaitingSend });
  return <QueryState query={notice}>{(view) => <Notice notice={view} onSendRequested={() => setAwaitingSend(true)} />}</QueryState>;
}

function Notice({ notice, onSendRequested }: { notice: NoticeView; onSendRequested: () => void }) {
  const { t } = useI18n();
  const m = useNoticeMessages();
  const audience = audienceOf(t, m, notice);
  const afterApproval = !['draft', 'awaiting-approval'].includes(notice.status);
  return (
    <>
      <p className="caption">
        <Link to={`/incidents/${notice.incidentId}/notices`}>{m.page.title}</Link> · {t.filing.revision(notice.revision)}
      </p>
      <h1>{noticeName(t, notice)}</h1>
      <p>
        <span className="label-inline">{m.notices.columns.audience}: </span>
        {audience}
        {' · '}
        <span className="label-inline">{t.filing.status}: </span>
        <strong className={`status status--notice-${notice.status}`} data-status={notice.status}>
          {t.noticeStatus[notice.status]}
        </strong>
      </p>
      {afterApproval && <NoticeSending notice={notice} onSendRequested={onSendRequested} />}
      <div className="filing">
        <div className="filing__main">
          <NoticePreview notice={notice} />
          <NoticeText notice={notice} />
        </div>
        <div className="filing__side">
          <Checklist notice={notice} />
          <ReadabilityFigure notice={notice} />
          <Review notice={notice} />
        </div>
      </div>
    </>
  );
}

/** Art. 34(2), item by item: each present or missing in words and a symbol (never colour alone), each missing one linked to where it is filled in. */
function Checklist({ notice }: { notice: NoticeView }) {
  const m = useNoticeMessages();
  if (notice.status !== 'draft' && notice.status !== 'awaiting-approval') return null;
  const items = notice.channel === 'sms' ? (['contactPoint'] as const) : ([...CONTENT_ITEMS, 'contactPoint'] as const);
  const missing = new Set(notice.missing);
  return (
    <section aria-labelledby="checklist">
      <h2 id="checklist">{m.checklist.title}</h2>
      <p className="hint">{notice.channel === 'sms' ? m.checklist.smsIntro : m.checklist.intro}</p>
      <ul className="checklist">
        {items.map((item) => {
          const absent = missing.has(item);
          return (
            <li key={item} className={absent ? 'checklist__item checklist__item--missing' : 'checklist__item checklist__item--done'} data-item={item} data-missing={absent}>
              <span aria-hidden="true" className="checklist__mark">
                {absent ? '✗' : '✓'}
              </span>{' '}
              <span className="checklist__state">{absent ? m.checklist.missing : m.checklist.done}:</span> {m.checklist.items[item]}
              {absent &&
                (item === 'contactPoint' ? (
                  <>
                    {' — '}
                    <Link to={ELSEWHERE['organisation.contactName']}>
                      {m.checklist.fillInSettings}
                      <span className="visually-hidden">: {m.checklist.items[item]}</span>
                    </Link>
                    <span className="hint checklist__who"> {m.checklist.settingsWho}</span>
                  </>
                ) : (
                  <>
                    {' — '}
                    <a href={`#${fieldId(contentField(item))}`}>
                      {m.checklist.fillIn}
                      <span className="visually-hidden">: {m.checklist.items[item]}</span>
                    </a>
                  </>
                ))}
            </li>
          );
        })}
      </ul>
      <p>{notice.missing.length === 0 ? m.checklist.complete : m.checklist.incomplete(notice.missing.length)}</p>
      {missing.has('contactPoint') && <Recheck notice={notice} />}
    </section>
  );
}

/**
 * The checklist is measured when the notice is saved, so a contact point filled in under
 * Organisation afterwards counts only from the next revision: saving the same words again measures it.
 */
function Recheck({ notice }: { notice: NoticeView }) {
  const { t } = useI18n();
  const m = useNoticeMessages();
  const user = useCurrentUser();
  const { edit } = useNoticeSteps(notice.id);
  if (!INCIDENT_EDITORS.includes(user.role)) return null;
  const error = edit.error ? formErrorsOf(edit.error, t.app.loadFailed)[0]?.message : undefined;
  return (
    <div className="panel">
      <p className="hint">{m.checklist.recheckHint}</p>
      <button type="button" className="button button--secondary" disabled={edit.isPending} onClick={() => edit.mutate(contentOf(contentValuesOf(notice.content), notice.channel))}>
        {m.checklist.recheck}
      </button>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** The readability figure against its threshold; outside it, a warning in words (a prompt to rewrite, not a gate). */
function ReadabilityFigure({ notice }: { notice: NoticeView }) {
  const m = useNoticeMessages();
  const r = m.readability;
  if (notice.channel === 'sms') return null;
  const figure = notice.readability;
  return (
    <section aria-labelledby="readability">
      <h2 id="readability">{r.title}</h2>
      {figure === null ? (
        <p>{r.none}</p>
      ) : (
        <>
          <p className={`readability readability--${figure.warning ? 'warning' : 'ok'}`} data-warning={figure.warning}>
            <span className="label-inline">{figure.measure === 'lix' ? r.lix : r.flesch}: </span>
            <strong className="readability__score">{figure.score.toLocaleString(undefined, { maximumFractionDigits: 1 })}</strong> ({figure.measure === 'lix' ? r.atMost(figure.threshold) : r.atLeast(figure.threshold)}) —{' '}
            <strong>
              <span aria-hidden="true">{figure.warning ? '▲ ' : '● '}</span>
              {figure.warning ? r.warning : r.ok}
            </strong>
          </p>
          {figure.warning && <p className="notice notice--warning">{r.warningAdvice}</p>}
          <p className="hint">
            {figure.measure === 'lix' ? r.lixScale : r.fleschScale} {r.hint}
          </p>
        </>
      )}
    </section>
  );
}

/** The texts: editable (a new revision each time) while a draft or awaiting approval; frozen once approved. */
function NoticeText({ notice }: { notice: NoticeView }) {
  const { t } = useI18n();
  const m = useNoticeMessages();
  const user = useCurrentUser();
  const { edit } = useNoticeSteps(notice.id);
  const [values, setValues] = useState<ContentValues>(() => contentValuesOf(notice.content));
  const [errors, setErrors] = useState<FormError[]>([]);
  const [saved, setSaved] = useState<number>();
  const editable = (notice.status === 'draft' || notice.status === 'awaiting-approval') && INCIDENT_EDITORS.includes(user.role);

  if (!editable) {
    if (notice.channel === 'sms') return null;
    return (
      <section aria-labelledby="notice-text">
        <h2 id="notice-text">{m.editor.editTitle}</h2>
        {notice.status !== 'draft' && notice.status !== 'awaiting-approval' && <p className="hint">{m.editor.frozen}</p>}
        <dl className="summary-list">
          {(['subject', ...CONTENT_ITEMS] as const)
            .filter((item) => notice.content[item])
            .map((item) => (
              <div className="summary-list__row" key={item}>
                <dt>{item === 'subject' ? m.editor.subject : m.editor.fields[item].label}</dt>
                <dd>{notice.content[item]}</dd>
              </div>
            ))}
        </dl>
      </section>
    );
  }
  if (notice.channel === 'sms') return null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(undefined);
    const content = contentOf(values, notice.channel);
    const before = notice.content;
    const changed = Object.fromEntries(Object.entries(content).filter(([key, value]) => before[key as keyof typeof before] !== value));
    // The API keeps a text it is not sent, and refuses an empty one: a text can be replaced, not removed.
    const emptied = (['subject', ...CONTENT_ITEMS] as const).filter((item) => before[item] && !values[item].trim());
    if (emptied.length > 0) return setErrors(emptied.map((item) => ({ field: contentField(item), message: `${item === 'subject' ? m.editor.subject : m.editor.fields[item].label}: ${t.form.required}` })));
    if (Object.keys(changed).length === 0) return setErrors([{ message: m.editor.nothingChanged }]);
    setErrors([]);
    edit.mutate(changed, { onSuccess: (updated) => setSaved(updated.revision), onError: (error) => setErrors(formErrorsOf(error, t.app.loadFailed)) });
  };
  return (
    <section aria-labelledby="notice-text">
      <h2 id="notice-text">{m.editor.editTitle}</h2>
      <form onSubmit={submit} noValidate>
        <ErrorSummary errors={errors} knownFields={CONTENT_FIELDS} />
        {saved !== undefined && (
          <p className="notice notice--success" role="status">
            {m.editor.saved(saved)}
          </p>
        )}
        <p className="hint">{m.editor.editUndoesSubmission}</p>
        <ContentFields channel={notice.channel} language={notice.language} values={values} onChange={setValues} errors={errors} />
        <button type="submit" className="button button--secondary" disabled={edit.isPending}>
          {edit.isPending ? t.form.sending : m.editor.save}
        </button>
      </form>
    </section>
  );
}

/** Submit; approve or send back with a comment — never offered to whoever wrote the revision (four eyes). */
function Review({ notice }: { notice: NoticeView }) {
  const { t, language } = useI18n();
  const m = useNoticeMessages();
  const timeZone = useOrganisationTimeZone();
  const user = useCurrentUser();
  const steps = useNoticeSteps(notice.id);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [comment, setComment] = useState('');
  // A new revision (or status) answers the last refusal: it is not shown any more.
  const [judged, setJudged] = useState(`${notice.revision}:${notice.status}`);
  if (judged !== `${notice.revision}:${notice.status}`) {
    setJudged(`${notice.revision}:${notice.status}`);
    setErrors([]);
  }
  const onError = (error: Error) => setErrors(formErrorsOf(error, t.app.loadFailed));
  const busy = steps.submit.isPending || steps.approve.isPending || steps.reject.isPending;
  const reject = (event: FormEvent) => {
    event.preventDefault();
    if (!comment.trim()) return setErrors([{ field: 'comment', message: `${m.review.rejectComment}: ${t.form.required}` }]);
    setErrors([]);
    steps.reject.mutate({ revision: notice.revision, comment: comment.trim() }, { onError, onSuccess: () => setComment('') });
  };

  let content = null;
  if (notice.status === 'draft' && INCIDENT_EDITORS.includes(user.role)) {
    content = (
      <>
        <p className="hint">{m.review.submitHint}</p>
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => {
            setErrors([]);
            steps.submit.mutate(notice.revision, { onError });
          }}
        >
          {m.review.submit}
        </button>
      </>
    );
  } else if (notice.status === 'awaiting-approval') {
    if (!APPROVER_ROLES.includes(user.role)) content = <p>{m.review.awaiting}</p>;
    else if (notice.lastEditorId === user.id) content = <p className="notice">{m.review.selfApproval}</p>;
    else
      content = (
        <>
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => {
              setErrors([]);
              steps.approve.mutate(notice.revision, { onError });
            }}
          >
            {m.review.approve}
          </button>
          <form onSubmit={reject} noValidate className="panel">
            <TextArea name="comment" label={m.review.rejectComment} rows={3} value={comment} onChange={setComment} error={errorFor(errors, 'comment')} />
            <button type="submit" className="button button--warning" disabled={busy}>
              {m.review.reject}
            </button>
          </form>
        </>
      );
  } else if (notice.approvedAt) {
    content = <p>{m.review.approvedOn(formatInstant(notice.approvedAt, language, timeZone))}</p>;
  }
  if (!content) return null;
  return (
    <section aria-labelledby="review">
      <h2 id="review">{m.review.title}</h2>
      <ErrorSummary errors={errors} knownFields={['comment', ...CONTENT_FIELDS]} elsewhere={ELSEWHERE} />
      {content}
    </section>
  );
}
