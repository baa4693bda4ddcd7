import { useNoticeMessages } from './use-notice-messages.js';

/** "Showing 1–25 of 120" with the previous and next page as buttons (a list is never longer than a page). */
export function Pager({ offset, limit, total, shown, onChange, label }: { offset: number; limit: number; total: number; shown: number; onChange: (offset: number) => void; label: string }) {
  const m = useNoticeMessages();
  if (total === 0) return null;
  return (
    <nav className="pager" aria-label={label}>
      <p className="pager__range">{m.recipients.range(offset + 1, offset + shown, total)}</p>
      {total > limit && (
        <div className="actions">
          <button type="button" className="button button--secondary button--compact" disabled={offset === 0} onClick={() => onChange(Math.max(0, offset - limit))}>
            {m.recipients.previous}
          </button>
          <button type="button" className="button button--secondary button--compact" disabled={offset + limit >= total} onClick={() => onChange(offset + limit)}>
            {m.recipients.next}
          </button>
        </div>
      )}
    </nav>
  );
}
