import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { DeliveryCounts, NoticeView } from '../../api/response-bodies.js';
import { Confirmable } from '../../components/Confirmable.js';
import { SelectField } from '../../components/fields.js';
import { formErrorsOf } from '../../components/form-errors.js';
import { QueryState } from '../../components/QueryState.js';
import { useI18n } from '../../i18n/i18n.js';
import { formatInstant } from '../../i18n/time.js';
import { INCIDENT_EDITORS } from '../../rules/domain.js';
import { useCurrentUser } from '../auth/session.js';
import { useOrganisationTimeZone } from '../organisation/use-organisation.js';
import { describeMasked } from './notice-labels.js';
import { Pager } from './Pager.js';
import { useNoticeMessages } from './use-notice-messages.js';
import { isGoingOut, useDeliveries, useNoticeSteps, type DeliveryFilter } from './use-notices.js';

const DELIVERIES_PER_PAGE = 25;
const COUNTS = ['total', 'sent', 'failed', 'skipped', 'queued'] as const;
const FILTERS: readonly DeliveryFilter[] = ['queued', 'sent', 'failed', 'skipped'];

/**
 * An approved notice going out: send (after a confirmation), a live progress bar with every count
 * in numbers, pause / resume / cancel, the failed ones again, a page of deliveries (masked, with
 * failure codes); a letter's print batch; a public notice's address once published.
 */
export function NoticeSending({ notice, onSendRequested }: { notice: NoticeView; onSendRequested: () => void }) {
  const { t } = useI18n();
  const m = useNoticeMessages();
  const s = m.sending;
  const user = useCurrentUser();
  const editor = INCIDENT_EDITORS.includes(user.role);
  const steps = useNoticeSteps(notice.id);
  const queryClient = useQueryClient();
  const [requested, setRequested] = useState(false);
  const going = isGoingOut(notice) || (requested && notice.status === 'approved');
  const isPublic = notice.channel === 'public';

  // When the status changes (sent, paused, cancelled), the counts are read once more, so they end where the sending ended.
  useEffect(() => {
    void queryClient.invalidateQueries({ queryKey: ['notice', notice.id, 'deliveries'] });
  }, [queryClient, notice.id, notice.status]);

  const failure = Object.values(steps).find((step) => step.error)?.error;
  const error = failure ? formErrorsOf(failure, t.app.loadFailed)[0]?.message : undefined;
  const busy = Object.values(steps).some((step) => step.isPending);
  // Until the delivery workflow has begun, the notice still reads "approved": it is read again every second meanwhile.
  const startSending = (step: typeof steps.send) => {
    setRequested(true);
    onSendRequested();
    step.mutate(undefined, { onError: () => setRequested(false) });
  };
  const send = () => startSending(steps.send);

  return (
    <section aria-labelledby="sending" className="sending">
      <h2 id="sending">{s.title}</h2>
      {notice.status === 'approved' && !requested && editor && (
        <Confirmable
          label={isPublic ? s.publish : s.send}
          question={isPublic ? s.confirmPublic : s.confirm(t.noticeChannel[notice.channel].toLowerCase())}
          yes={isPublic ? s.confirmPublishYes : s.confirmYes}
          no={s.notNow}
          disabled={busy}
          onYes={send}
        />
      )}
      {notice.status === 'approved' && !requested && !editor && <p>{s.notYet}</p>}
      {notice.status === 'approved' && requested && <p role="status">{s.starting}</p>}

      {!isPublic && (notice.status !== 'approved' || requested) && <Progress notice={notice} live={going} />}

      {editor && (notice.status === 'sending' || notice.status === 'paused') && (
        <div className="actions">
          {notice.status === 'sending' ? (
            <button type="button" className="button button--secondary" disabled={busy} onClick={() => steps.pause.mutate()}>
              {s.pause}
            </button>
          ) : (
            <button type="button" className="button" disabled={busy} onClick={() => steps.resume.mutate()}>
              {s.resume}
            </button>
          )}
          <Confirmable label={s.cancel} question={s.cancelConfirm} yes={s.cancelYes} no={s.notNow} warning disabled={busy} onYes={() => steps.cancel.mutate()} />
        </div>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}

      {isPublic && notice.publicUrl && (notice.status === 'sending' || notice.status === 'sent') && (
        <p>
          <span className="label-inline">{s.publicLink}: </span>
          <a href={notice.publicUrl} data-public-url>
            {notice.publicUrl}
          </a>
          <br />
          <span className="hint">{s.publicLinkHint}</span>
        </p>
      )}
      {notice.channel === 'letter' && editor && ['sending', 'paused', 'sent'].includes(notice.status) && (
        <p>
          <a className="button button--secondary" href={`/api/notices/${notice.id}/letters`} download>
            {s.letters}
          </a>
          <br />
          <span className="hint">{s.lettersHint}</span>
        </p>
      )}
      {!isPublic && notice.status !== 'approved' && <Deliveries notice={notice} live={going} editor={editor} onRetry={() => startSending(steps.retryFailed)} />}
    </section>
  );
}

/** The progress bar and, beside it, every count as a number; the status in words is announced when it changes. */
function Progress({ notice, live }: { notice: NoticeView; live: boolean }) {
  const m = useNoticeMessages();
  const s = m.sending;
  const { t } = useI18n();
  const deliveries = useDeliveries(notice.id, { limit: 1, offset: 0 }, live);
  const counts: DeliveryCounts = deliveries.data?.counts ?? { total: 0, queued: 0, sent: 0, failed: 0, skipped: 0 };
  const done = counts.sent + counts.failed + counts.skipped;
  const summary =
    notice.status === 'sent' ? s.finished(counts.sent, counts.failed, counts.skipped) : notice.status === 'cancelled' ? s.cancelledSummary(counts.sent, counts.skipped) : s.status(t.noticeStatus[notice.status]);
  return (
    <div className="progress" data-progress={notice.status}>
      <p role="status" className="progress__status">
        {summary}
      </p>
      <label className="label" htmlFor="send-progress">
        {s.progress}
      </label>
      <progress id="send-progress" className={`progress__bar progress__bar--${notice.status}`} max={Math.max(counts.total, 1)} value={counts.total === 0 ? 0 : done} aria-describedby="send-progress-text" />
      <p id="send-progress-text" className="progress__text">
        {s.progressText(done, counts.total)}
      </p>
      <dl className="counts">
        {COUNTS.map((key) => (
          <div key={key} className={`counts__item counts__item--${key}`} data-count={key}>
            <dt>{s.counts[key]}</dt>
            <dd>{counts[key]}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

/** A page of deliveries (masked), filtered by status, each failure with its code; the failed ones can be sent again once the sending ended. */
function Deliveries({ notice, live, editor, onRetry }: { notice: NoticeView; live: boolean; editor: boolean; onRetry: () => void }) {
  const { language } = useI18n();
  const timeZone = useOrganisationTimeZone();
  const m = useNoticeMessages();
  const s = m.sending;
  const steps = useNoticeSteps(notice.id);
  const [offset, setOffset] = useState(0);
  const [status, setStatus] = useState<DeliveryFilter | ''>('');
  const deliveries = useDeliveries(notice.id, { limit: DELIVERIES_PER_PAGE, offset, ...(status && { status }) }, live);
  const failed = deliveries.data?.counts.failed ?? 0;
  const shownTotal = deliveries.data ? (status ? deliveries.data.counts[status] : deliveries.data.counts.total) : 0;
  return (
    <section aria-labelledby="deliveries">
      <h3 id="deliveries">{s.deliveries}</h3>
      <p className="hint">{s.deliveriesHint}</p>
      {editor && notice.status === 'sent' && failed > 0 && (
        <div className="panel">
          <p className="hint">{s.retryHint}</p>
          <button type="button" className="button" disabled={steps.retryFailed.isPending} onClick={onRetry}>
            {s.retry(failed)}
          </button>
        </div>
      )}
      <div className="filters">
        <SelectField
          name="deliveryStatus"
          label={s.filter}
          value={status}
          options={[{ value: '' as const, label: s.all }, ...FILTERS.map((value) => ({ value, label: s.deliveryStatus[value] }))]}
          onChange={(value) => {
            setStatus(value);
            setOffset(0);
          }}
        />
      </div>
      <QueryState query={deliveries}>
        {({ items }) =>
          items.length === 0 ? (
            <p>{s.noDeliveries}</p>
          ) : (
            <>
              <div className="table-scroll">
                <table className="table table--compact">
                  <caption className="visually-hidden">{s.deliveriesCaption}</caption>
                  <thead>
                    <tr>
                      {(['person', 'status', 'attempts', 'failure', 'sentAt'] as const).map((column) => (
                        <th key={column} scope="col">
                          {s.columns[column]}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {items.map((delivery) => (
                      <tr key={delivery.recipientId} data-delivery={delivery.status}>
                        <td>{describeMasked(delivery.masked, notice.channel)}</td>
                        <td>
                          <span className={`status status--delivery-${delivery.status}`}>{s.deliveryStatus[delivery.status] ?? delivery.status}</span>
                        </td>
                        <td>{delivery.attempts}</td>
                        <td>
                          {delivery.failure ? (
                            <>
                              {s.failure(delivery.failure) && `${s.failure(delivery.failure)}: `}
                              <code>{delivery.failure}</code>
                            </>
                          ) : (
                            '–'
                          )}
                        </td>
                        <td>{delivery.sentAt ? formatInstant(delivery.sentAt, language, timeZone) : '–'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <Pager offset={offset} limit={DELIVERIES_PER_PAGE} total={shownTotal} shown={items.length} onChange={setOffset} label={`${s.deliveries}: ${m.recipients.pagination}`} />
            </>
          )
        }
      </QueryState>
    </section>
  );
}
