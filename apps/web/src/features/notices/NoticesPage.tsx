import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import type { IncidentView, RecipientImportReport } from '../../api/response-bodies.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { errorFor, fieldId, formErrorsOf, type FormError } from '../../components/form-errors.js';
import { QueryState } from '../../components/QueryState.js';
import { useI18n } from '../../i18n/i18n.js';
import { INCIDENT_EDITORS } from '../../rules/domain.js';
import { useIncident } from '../incidents/use-incidents.js';
import { useCurrentPerson } from '../organisation/use-organisation.js';
import { ExceptionPanel } from './ExceptionPanel.js';
import { audienceOf, noticeName } from './notice-labels.js';
import { Pager } from './Pager.js';
import { useNoticeMessages } from './use-notice-messages.js';
import { useImportRecipients, useNotices, useRecipients } from './use-notices.js';

const RECIPIENTS_PER_PAGE = 25;

/**
 * The Art. 34 work of one incident: its notices, the people to tell (imported from a file, listed
 * masked), and the Art. 34(3) exception for when they need not be told.
 */
export function NoticesPage() {
  const { id = '' } = useParams();
  const incident = useIncident(id);
  return <QueryState query={incident}>{(view) => <Notices incident={view} />}</QueryState>;
}

function Notices({ incident }: { incident: IncidentView }) {
  const m = useNoticeMessages();
  const person = useCurrentPerson();
  const editor = INCIDENT_EDITORS.includes(person.role) && incident.status === 'open';
  return (
    <>
      <p className="caption">
        <Link to={`/incidents/${incident.id}`}>{m.page.backToIncident(incident.reference)}</Link>
      </p>
      <h1>{m.page.title}</h1>
      <p className="lead">{m.page.intro}</p>
      <NoticeList incident={incident} editor={editor} />
      <section aria-labelledby="recipients">
        <h2 id="recipients">{m.recipients.title}</h2>
        {editor ? <RecipientImport incident={incident} /> : <p className="hint">{m.recipients.notAllowed}</p>}
        <RecipientList incident={incident} />
      </section>
      <ExceptionPanel incident={incident} editor={editor} />
    </>
  );
}

function NoticeList({ incident, editor }: { incident: IncidentView; editor: boolean }) {
  const { t } = useI18n();
  const m = useNoticeMessages();
  const notices = useNotices(incident.id);
  return (
    <section aria-labelledby="notices">
      <h2 id="notices">{m.notices.title}</h2>
      <QueryState query={notices}>
        {({ items }) =>
          items.length === 0 ? (
            <p>{m.notices.none}</p>
          ) : (
            <div className="table-scroll">
              <table className="table">
                <caption className="visually-hidden">{m.notices.caption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{m.notices.columns.notice}</th>
                    <th scope="col">{m.notices.columns.audience}</th>
                    <th scope="col">{m.notices.columns.status}</th>
                    <th scope="col">{m.notices.columns.revision}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((notice) => (
                    <tr key={notice.id} data-notice={notice.id}>
                      <td>
                        <Link to={`/notices/${notice.id}`}>{noticeName(t, notice)}</Link>
                      </td>
                      <td>{audienceOf(t, m, notice)}</td>
                      <td>
                        <strong className={`status status--notice-${notice.status}`}>{t.noticeStatus[notice.status]}</strong>
                      </td>
                      <td>{notice.revision}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryState>
      {editor && (
        <p>
          <Link className="button" to={`/incidents/${incident.id}/notices/new`}>
            {m.notices.draftNew}
          </Link>
        </p>
      )}
    </section>
  );
}

const FILE_FIELD = 'recipientFile';

/** The file goes to the API as it is; the report says what was imported and which rows were not (by line, column and reason, never their content). */
function RecipientImport({ incident }: { incident: IncidentView }) {
  const { t } = useI18n();
  const m = useNoticeMessages();
  const importing = useImportRecipients(incident.id);
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<FormError[]>([]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return setErrors([{ field: FILE_FIELD, message: m.recipients.chooseFile }]);
    setErrors([]);
    importing.mutate(file, {
      onError: (error) => setErrors(formErrorsOf(error, t.app.loadFailed).map((problem) => ({ ...problem, field: problem.field ?? FILE_FIELD }))),
    });
  };
  const error = errorFor(errors, FILE_FIELD);
  const id = fieldId(FILE_FIELD);
  return (
    <>
      <form onSubmit={submit} noValidate className="panel" aria-labelledby="import-title">
        <h3 id="import-title">{m.recipients.importTitle}</h3>
        <ErrorSummary errors={errors} knownFields={[FILE_FIELD]} />
        <div className={`field${error ? ' field--error' : ''}`}>
          <label className="label" htmlFor={id}>
            {m.recipients.file}
          </label>
          <p className="hint" id={`${id}-hint`}>
            {m.recipients.fileHint}
          </p>
          {error && (
            <p className="field-error" id={`${id}-error`}>
              {error}
            </p>
          )}
          <input
            id={id}
            name={FILE_FIELD}
            type="file"
            className="input input--full"
            accept=".csv,.json,.txt,text/csv,application/json"
            aria-describedby={[`${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ')}
            aria-invalid={error ? true : undefined}
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          />
        </div>
        <button type="submit" className="button" disabled={importing.isPending}>
          {importing.isPending ? m.recipients.importing : m.recipients.submit}
        </button>
      </form>
      {importing.data && <ImportReport report={importing.data} />}
    </>
  );
}

/** The report takes focus when it arrives, so a screen reader reads it first. */
function ImportReport({ report }: { report: RecipientImportReport }) {
  const m = useNoticeMessages();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [report.importId]);
  const r = m.recipients;
  const counts = [
    ['received', r.received, report.received],
    ['imported', r.imported, report.imported],
    ['alreadyImported', r.alreadyImported, report.alreadyImported],
    ['rejected', r.rejected, report.rejected],
  ] as const;
  const fieldName = (field: string) => (field === '(file)' ? r.wholeFile : field === '(row)' ? r.wholeRow : field);
  return (
    <section aria-labelledby="import-report" className="import-report" data-import={report.importId}>
      <h3 id="import-report" tabIndex={-1} ref={heading}>
        {r.reportTitle}
      </h3>
      <dl className="counts">
        {counts.map(([key, label, value]) => (
          <div key={key} className={`counts__item counts__item--${key}`} data-count={key}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {report.errors.length === 0 ? (
        <p>{r.noErrors}</p>
      ) : (
        <>
          <h4 id="import-errors">{r.errorsTitle}</h4>
          <p className="hint">{r.errorsHint}</p>
          {report.errorsTruncated && <p className="notice">{r.errorsTruncated(report.errors.length)}</p>}
          <div className="table-scroll">
            <table className="table" aria-labelledby="import-errors">
              <thead>
                <tr>
                  <th scope="col">{r.errorColumns.line}</th>
                  <th scope="col">{r.errorColumns.field}</th>
                  <th scope="col">{r.errorColumns.reason}</th>
                </tr>
              </thead>
              <tbody>
                {report.errors.map((problem, index) => (
                  <tr key={`${problem.line}:${problem.field}:${index}`}>
                    <td>{problem.line}</td>
                    <td>{problem.field.startsWith('(') ? fieldName(problem.field) : <code>{problem.field}</code>}</td>
                    <td>{r.reason(problem.reason)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

/** The imported people, masked, a page at a time. */
function RecipientList({ incident }: { incident: IncidentView }) {
  const { t } = useI18n();
  const m = useNoticeMessages();
  const r = m.recipients;
  const [offset, setOffset] = useState(0);
  const recipients = useRecipients(incident.id, { limit: RECIPIENTS_PER_PAGE, offset });
  return (
    <section aria-labelledby="recipient-list">
      <h3 id="recipient-list">{r.listTitle}</h3>
      <p className="hint">{r.listHint}</p>
      <QueryState query={recipients}>
        {({ items, total }) =>
          total === 0 ? (
            <p>{r.none}</p>
          ) : (
            <>
              <div className="table-scroll">
                <table className="table table--compact">
                  <caption className="visually-hidden">{r.listCaption}</caption>
                  <thead>
                    <tr>
                      {(['name', 'email', 'phone', 'postalAddress', 'personalIdentityNumber', 'channels', 'language', 'segment'] as const).map((column) => (
                        <th key={column} scope="col">
                          {r.columns[column]}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {items.map((recipient) => (
                      <tr key={recipient.id}>
                        <td>{recipient.purged ? r.purged : (recipient.masked.name ?? '–')}</td>
                        <td>{recipient.masked.email ?? '–'}</td>
                        <td>{recipient.masked.phone ?? '–'}</td>
                        <td>{recipient.masked.postalAddress ?? '–'}</td>
                        <td>{recipient.masked.personalIdentityNumber ?? '–'}</td>
                        <td>{recipient.channels.map((channel) => r.channel[channel] ?? channel).join(', ') || '–'}</td>
                        <td>{t.noticeLanguage[recipient.language as keyof typeof t.noticeLanguage] ?? recipient.language}</td>
                        <td>{recipient.segment ?? '–'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <Pager offset={offset} limit={RECIPIENTS_PER_PAGE} total={total} shown={items.length} onChange={setOffset} label={`${r.listTitle}: ${r.pagination}`} />
            </>
          )
        }
      </QueryState>
    </section>
  );
}
